namespace Tessera.Linkage.Encodings;

/// <summary>
/// One column of the input as a clkhash linkage schema (v3) describes it: ignored, or a format
/// (string, integer, date, enum), how it is tokenised, how many bits each token (or the whole
/// feature) sets, with which hash, and what stands for a missing value.
/// </summary>
/// <param name="Identifier">The column's name in the schema.</param>
/// <param name="Ignored">True when the column is not encoded (a record id).</param>
/// <param name="FormatType"><c>string</c>, <c>integer</c>, <c>date</c> or <c>enum</c>.</param>
/// <param name="Encoding">The text encoding of a string's tokens (<c>utf-8</c> by default).</param>
/// <param name="DateFormat">A date's <c>strptime</c> format, e.g. <c>%Y-%m-%d</c>.</param>
/// <param name="Comparison">The tokenisation.</param>
/// <param name="BitsPerToken">Bits each token sets (or null with <paramref name="BitsPerFeature"/>).</param>
/// <param name="BitsPerFeature">Bits the whole feature sets, spread over its tokens.</param>
/// <param name="Hash"><c>doubleHash</c> or <c>blakeHash</c>.</param>
/// <param name="PreventSingularity">Double hashing: re-hash when the second hash is 0 mod l.</param>
/// <param name="MissingSentinel">The value that stands for a missing one, if any.</param>
/// <param name="MissingReplacement">What a missing value is encoded as (the sentinel itself when not given).</param>
public sealed record SchemaFeature(
    string Identifier, bool Ignored, string FormatType = "string", string Encoding = "utf-8", string? DateFormat = null, FeatureComparison? Comparison = null,
    int? BitsPerToken = null, int? BitsPerFeature = null, string Hash = "blakeHash", bool PreventSingularity = false, string? MissingSentinel = null, string? MissingReplacement = null);
