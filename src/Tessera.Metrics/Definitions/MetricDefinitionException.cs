namespace Tessera.Metrics.Definitions;

/// <summary>A metric definition that cannot be read or breaks a rule; the message names the file and every problem.</summary>
public sealed class MetricDefinitionException : Exception
{
    /// <summary>Creates the exception for <paramref name="origin"/> with its <paramref name="problems"/>.</summary>
    public MetricDefinitionException(string origin, IReadOnlyList<string> problems)
        : base($"{origin}: " + (problems.Count == 1 ? problems[0] : "\n  - " + string.Join("\n  - ", problems)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public MetricDefinitionException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception.</summary>
    public MetricDefinitionException()
        : this("The metric definition is not valid.")
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MetricDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem, e.g. "population.anchor: 'relase_date' is not a field of corrections/releases".</summary>
    public IReadOnlyList<string> Problems { get; }
}
