using Tessera.Core.Contracting;

namespace Tessera.Contracts.Providers;

/// <summary>
/// A code in an agency's data that names a provider — a value of a field its dictionary marks as
/// an event's provider — but that no registered provider has: its rows count for no provider's
/// contract until someone adds the code to the registry.
/// </summary>
/// <param name="Source">The source, e.g. <c>workforce</c>.</param>
/// <param name="File">The file, e.g. <c>enrollments</c>.</param>
/// <param name="Field">The provider field, e.g. <c>provider_id</c>.</param>
/// <param name="Value">The code.</param>
/// <param name="Rows">How many current rows carry it.</param>
/// <param name="Suggested">The provider it most likely stands for (<see cref="ProviderCrosswalk.Suggest"/>), if any.</param>
public sealed record UnmappedCode(string Source, string File, string Field, string Value, long Rows, ProviderId? Suggested)
{
    /// <summary>The CSV header of <c>tessera providers unmapped --format csv</c>.</summary>
    public static IReadOnlyList<string> Header { get; } = ["source", "file", "field", "value", "rows", "suggested_provider"];

    /// <summary>The cells in <see cref="Header"/>'s order.</summary>
    public IReadOnlyList<object?> Cells => [Source, File, Field, Value, Rows, Suggested?.Value];
}
