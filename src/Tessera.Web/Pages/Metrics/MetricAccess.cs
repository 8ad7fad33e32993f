using Tessera.Governance.Access;
using Tessera.Metrics.Compilation;
using Tessera.Metrics.Definitions;

namespace Tessera.Web.Pages.Metrics;

/// <summary>
/// Which metrics a user may see: all for roles that see every source; for a data partner, those
/// whose every file — population, outcome, exclusions, joins — comes from their own sources.
/// </summary>
internal static class MetricAccess
{
    public static bool Sees(AccessUser user, MetricDefinition metric) =>
        MetricSql.Files(metric).All(f => AccessPolicy.SeesSource(user, f.Source));
}
