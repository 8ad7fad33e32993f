namespace Tessera.Governance.Audit;

/// <summary>
/// The kind of access an audit record is about. Stored and shown as its text ("sign-in", "read" …,
/// see <see cref="AuditActions.Text"/>), which is also what each record's chain hash covers — so
/// the records written when actions were free text verify unchanged.
/// </summary>
public enum AuditAction
{
    /// <summary>"sign-in": a sign-in, a service token's use, or a failed attempt at either.</summary>
    SignIn,

    /// <summary>"sign-out": a session ended by its user.</summary>
    SignOut,

    /// <summary>"read": something shown — a page, a list, a profile, persons behind a figure.</summary>
    Read,

    /// <summary>"export": something downloaded or sent to another system (a CSV, an API answer).</summary>
    Export,

    /// <summary>"ingest": a delivery received.</summary>
    Ingest,

    /// <summary>"configure": the workspace changed — sources, keys, service accounts, sessions, providers, contracts.</summary>
    Configure,

    /// <summary>"decide": a reviewer's decision on a pair or a person.</summary>
    Decide,

    /// <summary>"link": a linkage run over the workspace.</summary>
    Link,

    /// <summary>"compute": metrics computed.</summary>
    Compute,

    /// <summary>"report": a federal report (HUD SPM) run.</summary>
    Report,

    /// <summary>"denied": an access the policy refused.</summary>
    Denied,
}

/// <summary>The text of each <see cref="AuditAction"/>, as stored, hashed and shown.</summary>
public static class AuditActions
{
    private static readonly Dictionary<AuditAction, string> Texts = new()
    {
        [AuditAction.SignIn] = "sign-in", [AuditAction.SignOut] = "sign-out", [AuditAction.Read] = "read", [AuditAction.Export] = "export",
        [AuditAction.Ingest] = "ingest", [AuditAction.Configure] = "configure", [AuditAction.Decide] = "decide", [AuditAction.Link] = "link",
        [AuditAction.Compute] = "compute", [AuditAction.Report] = "report", [AuditAction.Denied] = "denied",
    };

    private static readonly Dictionary<string, AuditAction> Actions = Texts.ToDictionary(t => t.Value, t => t.Key, StringComparer.Ordinal);

    /// <summary>The action's text, e.g. "sign-in"; "?" for a value that is not an action (a damaged record).</summary>
    public static string Text(this AuditAction action) => Texts.GetValueOrDefault(action, "?");

    /// <summary>The action written as <paramref name="text"/>; false for text that names none.</summary>
    public static bool TryParse(string? text, out AuditAction action) => Actions.TryGetValue(text ?? "", out action);

    /// <summary>Every action's text, in declaration order.</summary>
    public static IReadOnlyList<string> All => [.. Texts.Values];
}
