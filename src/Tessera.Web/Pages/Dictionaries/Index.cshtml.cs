using Microsoft.AspNetCore.Mvc.RazorPages;
using Tessera.Governance.Access;
using Tessera.Intake.Dictionaries;
using Tessera.Web.Infrastructure;

namespace Tessera.Web.Pages.Dictionaries;

/// <summary>The data dictionaries of the workspace's sources and those shipped with Tessera, with the glossary of data terms.</summary>
[Requires(Capability.ReadReference)]
public sealed class IndexModel(WorkspaceAccess access) : PageModel
{
    /// <summary>Registered sources: name, title, dictionary, version.</summary>
    public IReadOnlyList<(string Name, string Title, string Dictionary, int Version)> Sources { get; private set; } = [];

    /// <summary>Dictionaries shipped with Tessera.</summary>
    public IReadOnlyList<SourceDictionary> Shipped { get; private set; } = [];

    /// <summary>The glossary.</summary>
    public IReadOnlyList<GlossaryTerm> Terms => Glossary.Terms;

    /// <summary>Shows the page.</summary>
    public void OnGet()
    {
        Sources = access.Current?.Sources.List().Select(s => (s.Name, s.Title, s.DictionaryName, s.DictionaryVersion)).ToList() ?? [];
        Shipped = DictionaryLibrary.Names.Select(DictionaryLibrary.Load).ToList();
    }

    /// <summary>The name a shipped dictionary is browsed under.</summary>
    public static string NameOf(SourceDictionary dictionary) =>
        dictionary?.IsHmis == true ? dictionary.Title.Replace("HUD HMIS CSV ", "hmis-", StringComparison.Ordinal).ToLowerInvariant() : dictionary?.Source ?? "";
}
