using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Intake.Dictionaries;

/// <summary>
/// Checks a dictionary's internal consistency and fills in its parsed values. Names become SQL
/// identifiers, so they are restricted to letters, digits and underscores; every identity field
/// that identifies on its own must be marked a direct identifier, so nothing identifying is ever
/// stored in plaintext by mistake.
/// </summary>
public static partial class DictionaryValidator
{
    /// <summary>Names that a source may not take because the stores use them for their own schemas.</summary>
    public static IReadOnlySet<string> ReservedSourceNames { get; } =
        new HashSet<string>(["main", "public", "tessera", "temp", "information_schema", "pg_catalog", "pg_toast", "system"], StringComparer.Ordinal);

    /// <summary>Suffix of the plaintext year-month column kept beside an encrypted birth date.</summary>
    public const string YearMonthSuffix = "_year_month";

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex SourceName();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    /// <summary>Returns every problem found (empty when the dictionary is usable).</summary>
    public static IReadOnlyList<string> Validate(SourceDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        var problems = new List<string>();
        if (!SourceName().IsMatch(dictionary.Source ?? ""))
        {
            problems.Add($"source '{dictionary.Source}': use lower-case letters, digits and underscores, starting with a letter (at most 40).");
        }
        else if (ReservedSourceNames.Contains(dictionary.Source!))
        {
            problems.Add($"source '{dictionary.Source}' is reserved; choose another name.");
        }

        if (dictionary.Version < 1)
        {
            problems.Add("version must be 1 or more.");
        }

        if (dictionary.Format is not ("files" or "hmis_csv"))
        {
            problems.Add($"format '{dictionary.Format}': expected 'files' or 'hmis_csv'.");
        }

        if (dictionary.IsHmis && dictionary.CsvVersions.Count == 0)
        {
            problems.Add("an hmis_csv dictionary needs csv_versions (the Export.csv CSVVersion values it reads).");
        }

        if (dictionary.ProviderField is { } providerField)
        {
            foreach (var file in dictionary.Files.Where(f => !f.Fields.Any(x => x.Name == providerField) || !f.PrimaryKey.Contains(providerField)))
            {
                problems.Add($"files.{file.Name}: provider_field '{providerField}' must be a field of every file and part of its primary_key (two providers' rows never share a key).");
            }

            if (dictionary.IsHmis)
            {
                problems.Add("provider_field: an HMIS export is delivered by the HMIS lead, not by providers one by one.");
            }
        }

        foreach (var protection in dictionary.Protections.Where(p => !SourceDictionary.KnownProtections.Contains(p)))
        {
            problems.Add($"protections: '{protection}' is not one of {string.Join(", ", SourceDictionary.KnownProtections.Order(StringComparer.Ordinal))}.");
        }

        if (dictionary.MaxErrorShare is < 0 or > 1)
        {
            problems.Add("max_error_share must be between 0 and 1 (e.g. 0.05 for 5%).");
        }

        if (dictionary.Files.Count == 0)
        {
            problems.Add("files: a dictionary needs at least one file.");
        }

        foreach (var duplicate in dictionary.Files.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"files: '{duplicate.Key}' is defined more than once.");
        }

        foreach (var field in dictionary.Files.SelectMany(f => f.Fields))
        {
            // Parse every field first: checks and references look at fields of other files.
            TryParseType(field.Type, out var kind);
            TryParseSensitivity(field.Sensitivity, out var sensitivity);
            field.Kind = kind;
            field.Class = sensitivity;
        }

        foreach (var file in dictionary.Files)
        {
            ValidateFile(dictionary, file, problems);
        }

        return problems;
    }

    private static void ValidateFile(SourceDictionary dictionary, FileDefinition file, List<string> problems)
    {
        var where = $"files[{file.Name}]";
        if (!Identifier().IsMatch(file.Name ?? ""))
        {
            problems.Add($"{where}: name must be letters, digits and underscores, starting with a letter.");
        }

        if (file.Fields.Count == 0)
        {
            problems.Add($"{where}: a file needs at least one field.");
        }

        foreach (var duplicate in file.Fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"{where}: field '{duplicate.Key}' is defined more than once.");
        }

        foreach (var field in file.Fields)
        {
            ValidateField(file, field, $"{where}.fields[{field.Name}]", problems);
        }

        RequireFields(file, file.PrimaryKey, $"{where}.primary_key", problems);
        foreach (var key in file.PrimaryKey.Select(file.Field).OfType<FieldDefinition>().Where(f => f.Sensitivity == "direct_identifier"))
        {
            problems.Add($"{where}.primary_key: '{key.Name}' is a direct identifier, which is stored encrypted and cannot serve as a key; use the agency's record number.");
        }
        if (file.LatestBy is not null && file.Field(file.LatestBy) is not { Kind: FieldType.Date or FieldType.DateTime or FieldType.Integer, IsEncrypted: false })
        {
            problems.Add($"{where}.latest_by: '{file.LatestBy}' must be a date, date-time or number field of the file (not a direct identifier).");
        }

        if (file.LatestBy is not null && file.PrimaryKey.Count == 0)
        {
            problems.Add($"{where}.latest_by needs a primary_key: it orders versions of the same row.");
        }

        if (file.PersonKey is not null)
        {
            RequireFields(file, [file.PersonKey], $"{where}.person_key", problems);
        }

        foreach (var (column, fieldName) in file.Identity)
        {
            if (!StandardIdentity.Columns.Contains(column))
            {
                problems.Add($"{where}.identity: '{column}' is not a standard identity column ({string.Join(", ", StandardIdentity.Columns)}).");
            }
            else if (file.Field(fieldName) is not { } field)
            {
                problems.Add($"{where}.identity.{column}: the file has no field '{fieldName}'.");
            }
            else if (StandardIdentity.Encoded.Contains(column) != (field.Type == "bloom_filter"))
            {
                problems.Add(StandardIdentity.Encoded.Contains(column)
                    ? $"{where}.identity.{column}: field '{fieldName}' must have type bloom_filter: {column} holds an encoded identifier."
                    : $"{where}.identity.{column}: field '{fieldName}' is a bloom_filter; map it to an encoded column such as {column}_clk.");
            }
            else if (StandardIdentity.Direct.Contains(column) && field.Sensitivity != "direct_identifier")
            {
                problems.Add($"{where}.identity.{column}: field '{fieldName}' identifies a person on its own, so its sensitivity must be direct_identifier (it is then stored encrypted).");
            }
        }

        if (file.SexFlags is { } flags)
        {
            RequireFields(file, [flags.Female, flags.Male], $"{where}.sex_flags", problems);
            if (new[] { flags.Female, flags.Male }.Any(f => file.Field(f) is { IsEncrypted: true }))
            {
                problems.Add($"{where}.sex_flags: a yes/no flag does not identify anyone on its own; mark it quasi_identifier, not direct_identifier.");
            }
            else if (file.Identity.ContainsKey("sex"))
            {
                problems.Add($"{where}.sex_flags: the file maps identity.sex already; give sex one way only.");
            }
            else if (file.Identity.Count == 0)
            {
                problems.Add($"{where}.sex_flags: the file has no identity columns; sex_flags only adds sex to a file whose rows are people to link.");
            }
        }

        if (file.Household is { } household)
        {
            ValidateHousehold(file, household, $"{where}.household", problems);
        }

        foreach (var relation in file.Relations)
        {
            RequireFields(file, [relation.From, relation.To], $"{where}.relations", problems);
            if (!RelationDefinition.Names.Contains(relation.Relation))
            {
                problems.Add($"{where}.relations: '{relation.Relation}' is not a relation Tessera knows ({string.Join(", ", RelationDefinition.Names)}).");
            }
        }

        foreach (var reference in file.References)
        {
            ValidateReference(dictionary, file, reference, where, problems);
        }

        foreach (var @event in file.Events)
        {
            var at = $"{where}.events[{@event.Type}]";
            if (string.IsNullOrWhiteSpace(@event.Type))
            {
                problems.Add($"{where}.events: every event needs a type.");
            }

            if (file.Field(@event.Date) is not { Type: "date" or "datetime" })
            {
                problems.Add($"{at}.date: '{@event.Date}' must be a date field of the file.");
            }

            RequireFields(file, new[] { @event.EndDate, @event.Provider, @event.Amount }.OfType<string>().ToList(), at, problems);
        }

        foreach (var check in file.Checks)
        {
            ValidateCheck(dictionary, file, check, $"{where}.checks[{check.Name}]", problems);
        }
    }

    private static void ValidateHousehold(FileDefinition file, HouseholdDefinition household, string where, List<string> problems)
    {
        RequireFields(file, [household.Key], $"{where}.key", problems);
        if (household.Role is null)
        {
            if (household.Roles.Count > 0)
            {
                problems.Add($"{where}.roles: name the field they are codes of with 'role'.");
            }

            if (household.MembersDistinct)
            {
                problems.Add($"{where}.members_distinct: only a file of household members (with 'role' and a person_key) has members to tell apart.");
            }

            return;
        }

        RequireFields(file, [household.Role], $"{where}.role", problems);
        if (file.PersonKey is null)
        {
            problems.Add($"{where}.role: roles belong to people, so the file needs a person_key.");
        }

        foreach (var (code, role) in household.Roles)
        {
            if (!HouseholdDefinition.RoleNames.Contains(role))
            {
                problems.Add($"{where}.roles.{code}: '{role}' is not a family role ({string.Join(", ", HouseholdDefinition.RoleNames)}).");
            }
        }
    }

    private static void ValidateField(FileDefinition file, FieldDefinition field, string where, List<string> problems)
    {
        if (!Identifier().IsMatch(field.Name ?? ""))
        {
            problems.Add($"{where}: name must be letters, digits and underscores, starting with a letter (at most 63).");
        }

        if (!TryParseType(field.Type, out var kind))
        {
            problems.Add($"{where}: type '{field.Type}': expected string, integer, decimal, money, date, datetime or bloom_filter.");
        }

        field.Kind = kind;
        if (!TryParseSensitivity(field.Sensitivity, out var sensitivity))
        {
            problems.Add($"{where}: sensitivity '{field.Sensitivity}': expected direct_identifier, quasi_identifier, sensitive or other.");
        }

        field.Class = sensitivity;
        var isDate = kind is FieldType.Date or FieldType.DateTime;
        if (field.Format is not null && !isDate)
        {
            problems.Add($"{where}: format applies to date and datetime fields only.");
        }

        if (isDate && !IsUsableDateFormat(field.EffectiveFormat))
        {
            problems.Add($"{where}: format '{field.Format}' is not a date format that can be read back (e.g. MM/dd/yyyy, yyyyMMdd).");
        }

        if (field.Codes.Count > 0 && kind is not (FieldType.String or FieldType.Integer))
        {
            problems.Add($"{where}: codes apply to string and integer fields only.");
        }

        if (kind == FieldType.Integer && field.Codes.Keys.Any(code => !long.TryParse(code, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            problems.Add($"{where}: every code of an integer field must be a whole number.");
        }

        if ((field.Min is not null || field.Max is not null) && kind is not (FieldType.Integer or FieldType.Decimal or FieldType.Money))
        {
            problems.Add($"{where}: min and max apply to numbers only.");
        }

        if (field.Future && !isDate)
        {
            problems.Add($"{where}: future applies to dates only.");
        }

        if (field.IsEncrypted && isDate && file.Fields.Any(other => string.Equals(other.Name, field.Name + YearMonthSuffix, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{where}: the store adds a column '{field.Name}{YearMonthSuffix}' (the plaintext year and month); rename the field that already has that name.");
        }
    }

    private static void ValidateReference(SourceDictionary dictionary, FileDefinition file, ReferenceDefinition reference, string where, List<string> problems)
    {
        var at = $"{where}.references[{reference.File}]";
        RequireFields(file, reference.Fields, at + ".fields", problems);
        if (reference.Fields.Count == 0)
        {
            problems.Add($"{at}: list the fields that hold the reference.");
        }

        if (reference.OnMissing is not ("reject" or "quarantine" or "report"))
        {
            problems.Add($"{at}.on_missing '{reference.OnMissing}': expected reject, quarantine or report.");
        }

        if (dictionary.File(reference.File) is not { } target)
        {
            problems.Add($"{at}: there is no file '{reference.File}' in this dictionary.");
            return;
        }

        var to = reference.To.Count > 0 ? reference.To : target.PrimaryKey;
        if (to.Count != reference.Fields.Count)
        {
            problems.Add($"{at}.to: name as many fields of '{target.Name}' as the reference has ({reference.Fields.Count}); default is its primary key.");
        }

        RequireFields(target, to, at + ".to", problems);
    }

    private static void ValidateCheck(SourceDictionary dictionary, FileDefinition file, CheckDefinition check, string where, List<string> problems)
    {
        var forms = (check.Order.Count > 0 ? 1 : 0) + (check.Missing is null ? 0 : 1) + (check.Value is null ? 0 : 1);
        if (forms != 1)
        {
            problems.Add($"{where}: give exactly one of order, missing or value.");
            return;
        }

        if (check.Order.Count > 0)
        {
            if (check.Order.Count != 2)
            {
                problems.Add($"{where}.order: name two date fields, the earlier first.");
                return;
            }

            foreach (var name in check.Order)
            {
                if (ResolveCheckField(dictionary, file, name) is not { Kind: FieldType.Date or FieldType.DateTime, IsEncrypted: false })
                {
                    problems.Add($"{where}.order: '{name}' must be a date field (not a direct identifier) of this file, or File.field of a file this file refers to.");
                }
            }
        }
        else if (check.Missing is not null)
        {
            RequireFields(file, [check.Missing], where + ".missing", problems);
        }
        else
        {
            RequireFields(file, [check.Value!.Field], where + ".value", problems);
            if (file.Field(check.Value.Field) is { IsEncrypted: true })
            {
                problems.Add($"{where}.value: '{check.Value.Field}' is a direct identifier, stored encrypted, so its values cannot be counted; use missing instead.");
            }
        }
    }

    /// <summary>Resolves "Field" or "File.Field" (a file this one refers to) for a check.</summary>
    public static FieldDefinition? ResolveCheckField(SourceDictionary dictionary, FileDefinition file, string name)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return file.Field(name);
        }

        var target = name[..dot];
        return file.References.Any(r => string.Equals(r.File, target, StringComparison.OrdinalIgnoreCase))
            ? dictionary.File(target)?.Field(name[(dot + 1)..])
            : null;
    }

    private static void RequireFields(FileDefinition file, IReadOnlyList<string> names, string where, List<string> problems)
    {
        foreach (var name in names)
        {
            if (file.Field(name) is null)
            {
                problems.Add($"{where}: the file '{file.Name}' has no field '{name}'.");
            }
        }
    }

    private static bool TryParseType(string text, out FieldType type)
    {
        type = text switch
        {
            "string" => FieldType.String,
            "integer" => FieldType.Integer,
            "decimal" => FieldType.Decimal,
            "money" => FieldType.Money,
            "date" => FieldType.Date,
            "datetime" => FieldType.DateTime,
            "bloom_filter" => FieldType.BloomFilter,
            _ => (FieldType)(-1),
        };
        return Enum.IsDefined(type);
    }

    private static bool TryParseSensitivity(string text, out Sensitivity sensitivity)
    {
        sensitivity = text switch
        {
            "direct_identifier" => Dictionaries.Sensitivity.DirectIdentifier,
            "quasi_identifier" => Dictionaries.Sensitivity.QuasiIdentifier,
            "sensitive" => Dictionaries.Sensitivity.SensitiveAttribute,
            "other" => Dictionaries.Sensitivity.Other,
            _ => (Sensitivity)(-1),
        };
        return Enum.IsDefined(sensitivity);
    }

    private static bool IsUsableDateFormat(string format)
    {
        var sample = new DateTime(2024, 11, 23, 13, 45, 6, DateTimeKind.Unspecified);
        try
        {
            var text = sample.ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back)
                && back.Year == sample.Year && back.Month == sample.Month
                && format.Contains('y', StringComparison.Ordinal) && format.Contains('M', StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
