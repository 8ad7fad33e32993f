using System.Globalization;
using System.Text.Json;
using Tessera.Storage.Operational;
using Tessera.Storage.Workspaces;

namespace Tessera.Storage.Planning;

/// <summary>
/// Planning figures worked out from the vault, kept in the operational store per kind, link run,
/// last delivery and window (exact counts, suppressed only when shown), so the planning pages read
/// them again without opening person-level data. Figures of an earlier link run or delivery are out
/// of date and dropped when newer ones of their kind are kept.
/// </summary>
internal static class PlanFigures
{
    /// <summary>The kept figures of <paramref name="kind"/>, or null.</summary>
    public static T? Kept<T>(Workspace workspace, string kind, long run, long lastDelivery, DateOnly? from, DateOnly? to)
        where T : class
    {
        using var tables = new OperationalTables(workspace, "plan_");
        var kept = tables.Query($"SELECT figures FROM {tables.Table("figures")} WHERE kind = @p0 AND link_run = @p1 AND last_delivery = @p2 AND window_from = @p3 AND window_to = @p4",
            r => r.GetString(0), kind, run, lastDelivery, Day(from), Day(to)).FirstOrDefault();
        return kept is null ? null : JsonSerializer.Deserialize<T>(kept);
    }

    /// <summary>Keeps <paramref name="figures"/> of <paramref name="kind"/>, dropping those of earlier link runs and deliveries.</summary>
    public static void Keep<T>(Workspace workspace, string kind, long run, long lastDelivery, DateOnly? from, DateOnly? to, T figures)
    {
        using var tables = new OperationalTables(workspace, "plan_");
        tables.Begin();
        tables.Execute($"DELETE FROM {tables.Table("figures")} WHERE kind = @p0 AND (link_run < @p1 OR last_delivery < @p2 OR (window_from = @p3 AND window_to = @p4))",
            kind, run, lastDelivery, Day(from), Day(to));
        tables.Execute($"INSERT INTO {tables.Table("figures")} (kind, link_run, last_delivery, window_from, window_to, computed_utc, figures) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
            kind, run, lastDelivery, Day(from), Day(to), tables.Now.ToString("O", CultureInfo.InvariantCulture), JsonSerializer.Serialize(figures));
        tables.Commit();
    }

    private static string Day(DateOnly? day) => day is { } d ? OperationalTables.Day(d) : "";
}
