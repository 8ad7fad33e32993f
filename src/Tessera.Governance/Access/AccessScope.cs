namespace Tessera.Governance.Access;

/// <summary>
/// What a user's role is limited to, by kind: the <b>sources</b> of a data partner's agency (or a
/// contract manager's), the <b>providers</b> a provider's staff work for, single <b>contracts</b>,
/// and the <b>projects</b> an analyst's data use licences cover. Each kind is its own set, so a
/// provider id can never be mistaken for a source name. In a session or a token it travels as
/// claims <c>source:benefits</c>, <c>provider:WF01</c>, <c>contract:WF01-2024</c>, <c>project:P7</c>.
/// </summary>
public sealed record AccessScope
{
    private static readonly IReadOnlySet<string> Empty = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Nothing at all (anonymous users; roles that see every row ignore their scope).</summary>
    public static AccessScope None { get; } = new();

    /// <summary>Sources (agencies' data) the role is limited to.</summary>
    public IReadOnlySet<string> Sources { get; init; } = Empty;

    /// <summary>Providers the role is limited to.</summary>
    public IReadOnlySet<string> Providers { get; init; } = Empty;

    /// <summary>Contracts the role is limited to, beyond those of its sources or providers.</summary>
    public IReadOnlySet<string> Contracts { get; init; } = Empty;

    /// <summary>Projects (under an active data use licence) the role is limited to.</summary>
    public IReadOnlySet<string> Projects { get; init; } = Empty;

    /// <summary>A scope of <paramref name="sources"/>.</summary>
    public static AccessScope OfSources(IEnumerable<string> sources) => new() { Sources = Set(sources) };

    /// <summary>A scope of <paramref name="providers"/>.</summary>
    public static AccessScope OfProviders(IEnumerable<string> providers) => new() { Providers = Set(providers) };

    /// <summary>
    /// The scope carried by claim values such as <c>source:benefits</c> or <c>provider:WF01</c>. A
    /// value without a kind is a source, as in sessions, tokens and sign-in providers set up before
    /// scopes had kinds; an unknown kind is dropped (it grants nothing).
    /// </summary>
    public static AccessScope FromClaims(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var byKind = values.Select(Split).Where(v => v.Kind is not null).ToLookup(v => v.Kind!, v => v.Name, StringComparer.Ordinal);
        return new AccessScope
        {
            Sources = Set(byKind[SourceKind]), Providers = Set(byKind[ProviderKind]), Contracts = Set(byKind[ContractKind]), Projects = Set(byKind[ProjectKind]),
        };
    }

    /// <summary>The claim values that carry this scope (<see cref="FromClaims"/> reads them back).</summary>
    public IEnumerable<string> ToClaims() =>
        Sources.Order(StringComparer.Ordinal).Select(s => SourceKind + ":" + s)
            .Concat(Providers.Order(StringComparer.Ordinal).Select(p => ProviderKind + ":" + p))
            .Concat(Contracts.Order(StringComparer.Ordinal).Select(c => ContractKind + ":" + c))
            .Concat(Projects.Order(StringComparer.Ordinal).Select(p => ProjectKind + ":" + p));

    /// <summary>Everything in the scope, for messages: "sources benefits, homelessness; providers WF01".</summary>
    public override string ToString()
    {
        var parts = new[] { ("sources", Sources), ("providers", Providers), ("contracts", Contracts), ("projects", Projects) }
            .Where(p => p.Item2.Count > 0)
            .Select(p => p.Item1 + " " + string.Join(", ", p.Item2.Order(StringComparer.Ordinal)));
        return string.Join("; ", parts) is { Length: > 0 } text ? text : "nothing";
    }

    private const string SourceKind = "source";
    private const string ProviderKind = "provider";
    private const string ContractKind = "contract";
    private const string ProjectKind = "project";

    private static (string? Kind, string Name) Split(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (SourceKind, value);
        }

        var kind = value[..colon];
        return kind is SourceKind or ProviderKind or ContractKind or ProjectKind ? (kind, value[(colon + 1)..]) : (null, value);
    }

    private static HashSet<string> Set(IEnumerable<string> values) => values.Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
}
