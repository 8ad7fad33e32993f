namespace Tessera.Metrics.Definitions;

/// <summary>
/// The standard metric library shipped with Tessera (WIOA, CFSR, recidivism, activity measures,
/// homelessness and two-generation outcomes) as YAML definitions embedded in the assembly; a
/// workspace adds its own beside them.
/// </summary>
public static class MetricLibrary
{
    private const string Prefix = "Tessera.Metrics.Library.";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Texts = new(() =>
    {
        var assembly = typeof(MetricLibrary).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToDictionary(
            n => n[Prefix.Length..],
            n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            },
            StringComparer.Ordinal);
    });

    /// <summary>File name → YAML text of every library definition, e.g. "recidivism-rearrest-1y.yaml".</summary>
    public static IReadOnlyDictionary<string, string> Files => Texts.Value;
}
