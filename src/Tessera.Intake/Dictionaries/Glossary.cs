using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tessera.Intake.Dictionaries;

/// <summary>The glossary of data terms (limited data set, direct identifier, …) shipped beside the dictionaries.</summary>
public static class Glossary
{
    private static readonly Lazy<IReadOnlyList<GlossaryTerm>> Parsed = new(() =>
        new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<List<GlossaryTerm>>(DictionaryLibrary.Text("glossary")));

    /// <summary>Every term, in the order of the glossary file.</summary>
    public static IReadOnlyList<GlossaryTerm> Terms => Parsed.Value;
}
