using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tessera.Governance.Access;
using Tessera.Governance.Audit;
using Tessera.Storage.Contracting;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Access;

/// <summary>
/// Service accounts: API tokens for systems rather than people — an agency's nightly delivery
/// (a data partner limited to its sources), a contract manager's BI tool (limited to the agency's
/// contracts) or a provider's (limited to the provider). A token carries the same role and scope a
/// person of that kind would have, so every endpoint asks the same policy; it never opens a page.
/// Only the token's SHA-256 is kept.
/// </summary>
public sealed partial class ServiceAccounts
{
    private readonly Workspace _workspace;

    internal ServiceAccounts(Workspace workspace) => _workspace = workspace;

    /// <summary>Roles a service account may have; the others are people's only.</summary>
    public static IReadOnlySet<Role> Roles { get; } = new HashSet<Role> { Role.DataPartner, Role.ContractManager, Role.ProviderStaff, Role.Finance };

    /// <summary>
    /// Creates a service account with <paramref name="role"/> limited to <paramref name="scope"/>
    /// and returns its API token — shown this once; only its hash is kept.
    /// </summary>
    /// <exception cref="WorkspaceException">The name is taken or malformed, the role is not one a system may have, or the scope names what the workspace lacks or what the role cannot use.</exception>
    public string Create(string name, Role role, AccessScope scope, string actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(scope);
        if (!NamePattern().IsMatch(name))
        {
            throw new WorkspaceException($"'{name}' cannot name a service account: use 2 to 63 lower-case letters, digits, dots, dashes or underscores.");
        }

        Check(role, scope);
        var token = "tst_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using (var db = _workspace.Operational())
        {
            if (db.ServiceTokens.Any(t => t.Name == name && t.RevokedUtc == null))
            {
                throw new WorkspaceException($"A service account named '{name}' exists already; revoke it first or choose another name.");
            }

            // A revoked account of the same name stays in the list under a name that says when it was revoked.
            if (db.ServiceTokens.SingleOrDefault(t => t.Name == name) is { RevokedUtc: { } revoked } old)
            {
                db.ServiceTokens.Remove(old);
                db.ServiceTokens.Add(new ServiceTokenRecord
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"{name} (revoked {revoked:yyyy-MM-dd HH:mm:ss})"),
                    TokenHash = old.TokenHash, Scope = old.Scope, Role = old.Role, CreatedUtc = old.CreatedUtc, RevokedUtc = revoked,
                });
            }

            db.ServiceTokens.Add(new ServiceTokenRecord { Name = name, TokenHash = Hash(token), Scope = string.Join(",", scope.ToClaims()), Role = role.ToString(), CreatedUtc = nowUtc });
            db.SaveChanges();
        }

        _workspace.Audit.Record(AuditEvent.OnCommandLine(actor, AuditAction.Configure, $"service account {name} created ({Describe(role)}; {scope})", "key management"));
        return token;
    }

    /// <summary>The service account holding <paramref name="token"/>, unless it is unknown or revoked.</summary>
    public ServiceAccount? Find(string token)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith("tst_", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = Hash(token);
        using var db = _workspace.Operational();
        return db.ServiceTokens.AsNoTracking().SingleOrDefault(t => t.TokenHash == hash && t.RevokedUtc == null) is { } record ? Of(record) : null;
    }

    /// <summary>Every service account, revoked ones included, by name.</summary>
    public IReadOnlyList<ServiceAccount> List()
    {
        using var db = _workspace.Operational();
        return [.. db.ServiceTokens.AsNoTracking().OrderBy(t => t.Name).AsEnumerable().Select(Of)];
    }

    /// <summary>Revokes a service account's token at once.</summary>
    /// <exception cref="WorkspaceException">No such service account.</exception>
    public void Revoke(string name, string actor, DateTime nowUtc)
    {
        using (var db = _workspace.Operational())
        {
            var record = db.ServiceTokens.SingleOrDefault(t => t.Name == name)
                ?? throw new WorkspaceException($"There is no service account named '{name}'. 'tessera tokens list' shows them.");
            record.RevokedUtc ??= nowUtc;
            db.SaveChanges();
        }

        _workspace.Audit.Record(AuditEvent.OnCommandLine(actor, AuditAction.Configure, $"service account {name} revoked", "key management"));
    }

    /// <summary>The role in words, as <c>tokens create --role</c> takes it: data-partner, contract-manager, provider-staff.</summary>
    public static string Describe(Role role) => KebabCase().Replace(role.ToString(), "-$1").ToLowerInvariant();

    private void Check(Role role, AccessScope scope)
    {
        if (!Roles.Contains(role))
        {
            throw new WorkspaceException($"A service account cannot be {Describe(role)}: use {string.Join(", ", Roles.Select(Describe))}.");
        }

        if (scope.Contracts.Count > 0 || scope.Projects.Count > 0)
        {
            throw new WorkspaceException("A service account is limited to sources or providers, not to single contracts or projects.");
        }

        var (needs, other) = role == Role.ProviderStaff ? ("provider", scope.Sources.Count) : ("source", scope.Providers.Count);
        if ((role == Role.ProviderStaff ? scope.Providers.Count : scope.Sources.Count) == 0)
        {
            throw new WorkspaceException($"Name at least one {needs} the {Describe(role)} account is limited to.");
        }

        if (other > 0)
        {
            throw new WorkspaceException($"A {Describe(role)} account is limited to {needs}s only; leave out the {(needs == "source" ? "providers" : "sources")}.");
        }

        var sources = _workspace.Sources.List().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (scope.Sources.FirstOrDefault(s => !sources.Contains(s)) is { } unknown)
        {
            throw new WorkspaceException($"The workspace has no source named '{unknown}'.");
        }

        var providers = ProviderRegistry.All(_workspace);
        if (scope.Providers.FirstOrDefault(p => !providers.ContainsKey(p)) is { } stranger)
        {
            throw new WorkspaceException($"There is no registered provider '{stranger}'; 'tessera providers list' shows them.");
        }
    }

    private static ServiceAccount Of(ServiceTokenRecord record) =>
        new(record.Name, Enum.TryParse<Role>(record.Role, out var role) && Roles.Contains(role) ? role : Role.Public,
            AccessScope.FromClaims(record.Scope.Split(',', StringSplitOptions.RemoveEmptyEntries)), record.CreatedUtc, record.RevokedUtc);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex KebabCase();
}
