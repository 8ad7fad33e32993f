namespace Tessera.Contracts.Management;

/// <summary>
/// A note on an action item's progress — by the agency or by the provider's staff, who own many of
/// the items a meeting agrees — kept in order under the item, so the next meeting reads where it
/// stands without a round of e-mails.
/// </summary>
/// <param name="Item">The action item.</param>
/// <param name="Position">Its place under the item (1 first).</param>
/// <param name="WrittenUtc">When it was written.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">What it says.</param>
public sealed record ActionItemUpdate(long Item, int Position, DateTime WrittenUtc, string Author, string Text)
{
    /// <summary>The longest note an item takes.</summary>
    public const int MaxText = 2000;

    /// <summary>What is wrong with a note before it is kept: none, too long, or something that looks like a client identifier.</summary>
    public static IReadOnlyList<string> Problems(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ["comment: say where the item stands."]
        : text.Length > MaxText ? [$"comment: at most {MaxText} characters."]
        : ClientIdentifiers.LikelyIn(text) ? ["comment: looks like it holds a number, date or e-mail address that could identify a client; describe the progress without them."]
        : [];
}
