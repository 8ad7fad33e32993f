namespace Tessera.Contracts.Management;

/// <summary>
/// A caseworker's one-minute report of a problem with a provider — the families they referred
/// cannot get there, a waitlist, no-shows — without naming anyone: the seeds' frontline feedback
/// that tells a contract manager what the numbers cannot.
/// </summary>
/// <param name="Id">The report's number.</param>
/// <param name="Provider">The provider it is about.</param>
/// <param name="Category">transportation, clothing, no_show, waitlist or other.</param>
/// <param name="Text">What happened, in the caseworker's words.</param>
/// <param name="Filed">The day it was filed.</param>
/// <param name="ActionItem">The action item it became, if any.</param>
public sealed record FrontlineReport(long Id, string Provider, string Category, string Text, DateOnly Filed, long? ActionItem)
{
    /// <summary>The categories a report is filed under.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["transportation", "clothing", "no_show", "waitlist", "other"];

    /// <summary>The longest text a report takes.</summary>
    public const int MaxText = 1000;

    /// <summary>A category in words: "no-show" for no_show.</summary>
    public static string CategoryWords(string category) => category == "no_show" ? "no-show" : category;

    /// <summary>
    /// What is wrong with a report before it is filed: an unknown category, no text or too much,
    /// or text that looks like a client identifier (a social security, case or phone number, a
    /// date of birth, an e-mail address) — reports are read beyond the caseworker's agency.
    /// </summary>
    public static IReadOnlyList<string> Problems(string? category, string? text)
    {
        var problems = new List<string>();
        if (category is null || !Categories.Contains(category))
        {
            problems.Add($"category: choose one of {string.Join(", ", Categories)}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("text: say what happened, in a sentence or two.");
        }
        else if (text.Length > MaxText)
        {
            problems.Add($"text: at most {MaxText} characters.");
        }
        else if (ClientIdentifiers.LikelyIn(text))
        {
            problems.Add("text: looks like it holds a number, date or e-mail address that could identify a client; describe the problem without them.");
        }

        return problems;
    }
}
