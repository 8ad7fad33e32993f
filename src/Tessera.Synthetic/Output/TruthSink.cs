namespace Tessera.Synthetic.Output;

/// <summary>The truth rows one chunk of households contributes (never read by the pipeline).</summary>
internal sealed class TruthSink
{
    public CsvBuffer Records { get; } = new();

    public CsvBuffer Relationships { get; } = new();

    public CsvBuffer Persons { get; } = new();

    public void Record(string source, string recordId, string personId) =>
        Records.F(source).F(recordId).F(personId).End();
}
