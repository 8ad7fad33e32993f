using Tessera.Governance.Access;
using Tessera.Metrics.Definitions;

namespace Tessera.Web.Pages.Metrics;

/// <summary>Which metrics a user may see: all for roles that see every source, those built only on their own sources for a data partner.</summary>
internal static class MetricAccess
{
    public static bool Sees(AccessUser user, MetricDefinition metric) =>
        AccessPolicy.SeesSource(user, metric.Population.Source) && (metric.Outcome is not { } outcome || AccessPolicy.SeesSource(user, outcome.Source));
}
