using Tessera.Core.Time;

namespace Tessera.Storage.Management;

/// <summary>How many frontline reports a provider drew in one category in one month.</summary>
/// <param name="Provider">The provider's id.</param>
/// <param name="Category">The category.</param>
/// <param name="Month">The month they were filed in.</param>
/// <param name="Reports">How many.</param>
public sealed record ReportTrend(string Provider, string Category, YearMonth Month, int Reports);
