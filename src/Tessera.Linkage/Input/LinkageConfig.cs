using System.Globalization;
using Tessera.Linkage.Assignment;
using Tessera.Linkage.Clustering;
using Tessera.Linkage.Records;
using Tessera.Linkage.Running;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tessera.Linkage.Input;

/// <summary>
/// Settings for <c>tessera linkage run --config FILE</c>, for files whose columns are not named
/// after the standard identity columns. Example:
/// <code>
/// record_id: client_no          # the column with each record's id, in files that have it (else the first column)
/// threshold: 0.8                # match probability from which records are joined (default 0.5)
/// columns:                      # file column → standard column, in every input that has it
///   first: given_name
///   surname: family_name
///   dob: birth_date
/// deterministic:                # records agreeing exactly on every column of a rule are one person, before any weighing
///   - [ssn, birth_date]
/// labels: known-matches.csv     # pairs known to be one person: m is learned from them (linkage run)
/// review_from: 0.2              # tessera link: pairs from this probability …
/// review_to: 0.9                # … up to this one go to clerical review
/// leave_out: [sex, zip + initials]  # comparisons or blocking rules not to use (names as in model.json, blocking.csv)
/// one_to_one: greedy            # each source holds a person at most once: greedy, or optimal for two sources
/// </code>
/// </summary>
public sealed class LinkageConfig
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Header of the record id column in files that have it; the first column elsewhere.</summary>
    public string? RecordId { get; init; }

    /// <summary>Match probability from which records are joined; null for the default.</summary>
    public double? Threshold { get; init; }

    /// <summary>File column name → standard column name.</summary>
    public Dictionary<string, string> Columns { get; init; } = [];

    /// <summary>Deterministic rules: lists of standard columns on which exact agreement (valid, complete values) makes two records one person.</summary>
    public List<List<string>> Deterministic { get; init; } = [];

    /// <summary>A CSV of known matches (<see cref="LabelFile"/>), relative to the config file; m is learned from them.</summary>
    public string? Labels { get; init; }

    /// <summary>The folder of the config file, for resolving <see cref="Labels"/>.</summary>
    [YamlIgnore]
    public string Folder { get; private set; } = ".";

    /// <summary>Lowest match probability queued for clerical review (<c>tessera link</c>); null for the default.</summary>
    public double? ReviewFrom { get; init; }

    /// <summary>Match probability from which pairs are no longer queued for review; null for the default.</summary>
    public double? ReviewTo { get; init; }

    /// <summary>
    /// Comparisons and blocking rules not to use, by the names <c>model.json</c> and
    /// <c>blocking.csv</c> give them, e.g. <c>sex</c> where an agency records it unreliably.
    /// </summary>
    public List<string> LeaveOut { get; init; } = [];

    /// <summary>
    /// <c>greedy</c> or <c>optimal</c> when every source holds a person at most once (data
    /// partners who each de-duplicated their extract); null for no such constraint.
    /// </summary>
    public string? OneToOne { get; init; }

    /// <summary>The deterministic rules as standard columns.</summary>
    public IReadOnlyList<IReadOnlyList<StandardColumn>> DeterministicRules =>
        Deterministic.Select(rule => (IReadOnlyList<StandardColumn>)rule.Select(c => StandardColumns.TryParse(c, out var column) ? column : throw new InvalidOperationException(c)).ToList()).ToList();

    /// <summary>The settings this config makes, on top of <paramref name="defaults"/>.</summary>
    public LinkageOptions ApplyTo(LinkageOptions defaults) => defaults with
    {
        MatchThreshold = Threshold ?? defaults.MatchThreshold,
        DeterministicRules = DeterministicRules,
        LeftOut = LeaveOut.ToHashSet(StringComparer.Ordinal),
        OneToOne = OneToOne is null ? defaults.OneToOne : ParseOneToOne(OneToOne) ?? defaults.OneToOne,
    };

    /// <summary>Reads <c>greedy</c> or <c>optimal</c> (any case); null for anything else.</summary>
    public static OneToOne? ParseOneToOne(string value) => value.Trim().ToLowerInvariant() switch
    {
        "greedy" => Assignment.OneToOne.Greedy,
        "optimal" => Assignment.OneToOne.Optimal,
        _ => null,
    };

    /// <summary>The standard column a file column stands for: mapped by the config, else by its own name.</summary>
    public bool TryMap(string header, out StandardColumn column)
    {
        var mapped = Columns.FirstOrDefault(c => string.Equals(c.Key.Trim(), header, StringComparison.OrdinalIgnoreCase)).Value;
        return StandardColumns.TryParse(mapped ?? header, out column);
    }

    /// <summary>Reads and checks the config in <paramref name="path"/>.</summary>
    /// <exception cref="LinkageInputException">The file is missing, is not valid YAML, or names an unknown key, a non-standard column or a threshold outside 0–1.</exception>
    public static LinkageConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new LinkageInputException($"{path}: no such config file.");
        }

        LinkageConfig? config;
        try
        {
            config = Deserializer.Deserialize<LinkageConfig>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new LinkageInputException($"{path} line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message} Expected the keys record_id, threshold, columns, deterministic, labels, review_from, review_to, leave_out and one_to_one (see docs/linkage.md).");
        }

        config ??= new LinkageConfig();
        config.Folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        foreach (var (column, standard) in config.Columns)
        {
            if (!StandardColumns.TryParse(standard ?? string.Empty, out _))
            {
                throw new LinkageInputException($"{path}: column '{column}' is mapped to '{standard}', which is not a standard identity column; expected one of {string.Join(", ", StandardColumns.Names)}.");
            }
        }

        foreach (var (name, probability) in new[] { ("threshold", config.Threshold), ("review_from", config.ReviewFrom), ("review_to", config.ReviewTo) })
        {
            if (probability is { } p and (<= 0 or >= 1))
            {
                throw new LinkageInputException($"{path}: {name} must be a probability between 0 and 1, e.g. 0.8 (got {p.ToString(CultureInfo.InvariantCulture)}).");
            }
        }

        if (config.ReviewFrom is { } from && config.ReviewTo is { } to && from >= to)
        {
            throw new LinkageInputException($"{path}: review_from must be below review_to.");
        }

        if (config.LeaveOut.FirstOrDefault(name => !DefaultModel.Names.Contains(name ?? string.Empty)) is { } unknown)
        {
            throw new LinkageInputException($"{path}: leave_out names '{unknown}', which is neither a comparison nor a blocking rule; expected some of: {string.Join(", ", DefaultModel.Names.Order(StringComparer.Ordinal))}.");
        }

        if (config.OneToOne is { } oneToOne && ParseOneToOne(oneToOne) is null)
        {
            throw new LinkageInputException($"{path}: one_to_one must be greedy or optimal (got '{oneToOne}').");
        }

        foreach (var rule in config.Deterministic)
        {
            if (rule is null || rule.Count == 0)
            {
                throw new LinkageInputException($"{path}: each deterministic rule lists standard columns, e.g. [ssn, birth_date].");
            }

            if (rule.FirstOrDefault(c => !StandardColumns.TryParse(c ?? string.Empty, out var column) || !DeterministicKeys.Supports(column)) is { } bad)
            {
                throw new LinkageInputException($"{path}: deterministic rule [{string.Join(", ", rule)}] names '{bad}'; a rule can use {string.Join(", ", DeterministicKeys.Columns.Select(StandardColumns.NameOf))}.");
            }
        }

        return config;
    }
}
