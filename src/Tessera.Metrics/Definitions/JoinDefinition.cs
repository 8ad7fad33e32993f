namespace Tessera.Metrics.Definitions;

/// <summary>
/// Another file of the same source joined on its primary key, so its fields can be used as
/// <c>File.field</c>: an HMIS exit joined to its enrollment gives the exit a project
/// (<c>{ file: Enrollment, on: EnrollmentID }</c>, then <c>Enrollment.ProjectID</c>).
/// </summary>
public sealed class JoinDefinition
{
    /// <summary>The joined file.</summary>
    public string File { get; set; } = "";

    /// <summary>The field both files share, the joined file's primary key.</summary>
    public string On { get; set; } = "";
}
