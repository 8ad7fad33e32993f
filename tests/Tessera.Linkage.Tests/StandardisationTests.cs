using Tessera.Linkage.Standardisation;

namespace Tessera.Linkage.Tests;

public sealed class StandardisationTests
{
    [Theory]
    [InlineData("JOSÉ", "jose")]
    [InlineData("  O'Brien ", "obrien")]
    [InlineData("Zoë-Ann", "zoeann")]
    [InlineData("Müller", "muller")]
    public void Names_lose_case_accents_and_punctuation(string raw, string expected)
    {
        Assert.Equal(expected, NameStandardiser.Given(raw)!.Full);
    }

    [Fact]
    public void Suffixes_are_dropped_and_particles_kept_in_the_spelling_but_not_as_parts()
    {
        var name = NameStandardiser.Family("De La Cruz Jr.")!;
        Assert.Equal("delacruz", name.Full);
        Assert.Equal(["cruz"], name.Parts);
        Assert.Equal(["garcia", "lopez"], NameStandardiser.Family("Garcia-Lopez")!.Parts);
    }

    [Theory]
    [InlineData("UNKNOWN")]
    [InlineData("fnu")]
    [InlineData("Baby Girl")]
    [InlineData(" - ")]
    public void Placeholder_names_count_as_missing(string raw)
    {
        Assert.Null(NameStandardiser.Given(raw));
    }

    [Fact]
    public void A_full_name_is_split_with_or_without_a_comma()
    {
        var (given, middle, family) = NameStandardiser.SplitFull("GARCIA LOPEZ, MARIA J");
        Assert.Equal(("maria", "j", "garcialopez"), (given!.Full, middle!.Full, family!.Full));
        (given, middle, family) = NameStandardiser.SplitFull("Maria Garcia");
        Assert.Equal(("maria", "garcia"), (given!.Full, family!.Full));
        Assert.Null(middle);
    }

    [Theory]
    [InlineData("bill", "william")]
    [InlineData("peggy", "margaret")]
    [InlineData("liz", "beth")]
    public void Nicknames_are_equivalent_to_their_formal_names_and_to_each_other(string a, string b)
    {
        Assert.True(Nicknames.ShareGroup(Nicknames.GroupsOf(a), Nicknames.GroupsOf(b)));
        Assert.False(Nicknames.ShareGroup(Nicknames.GroupsOf(a), Nicknames.GroupsOf("zebedee")));
    }

    [Theory]
    [InlineData("knight", "NAGT")]
    [InlineData("night", "NAGT")]
    [InlineData("macintosh", "MCANT")]
    [InlineData("brown", "BRAN")]
    [InlineData("browne", "BRAN")]
    public void Nysiis_codes_names_that_sound_alike_the_same(string name, string code)
    {
        Assert.Equal(code, Nysiis.Encode(name));
    }

    [Theory]
    [InlineData("1984-03-07", 19840307)]
    [InlineData("19840307", 19840307)]
    [InlineData("03/07/1984", 19840307)]
    [InlineData("3/7/1984", 19840307)]
    [InlineData("25/12/1984", 19841225)]
    [InlineData("07.03.1984", 19840307)]
    [InlineData("1984-03-07 00:00:00", 19840307)]
    [InlineData("1984", 19840000)]
    [InlineData("1994-11-81", 19941181)]
    [InlineData("yesterday", 0)]
    [InlineData("", 0)]
    public void Birth_dates_are_read_in_every_common_format(string raw, int expected)
    {
        Assert.Equal(expected, BirthDateParser.Parse(raw));
    }

    [Theory]
    [InlineData("03/07/84", 2029, 19840307)]
    [InlineData("03/07/29", 2029, 20290307)]
    [InlineData("03/07/30", 2029, 19300307)]
    [InlineData("03/07/30", 2035, 20300307)]
    [InlineData("03/07/99", 2105, 20990307)]
    public void A_two_digit_year_is_the_latest_not_after_the_configured_year_whatever_the_date_today(string raw, int twoDigitYearMax, int expected) =>
        Assert.Equal(expected, BirthDateParser.Parse(raw, twoDigitYearMax));

    [Theory]
    [InlineData("123-45-6780", "123456780", "6780")]
    [InlineData("000-12-3456", null, null)]
    [InlineData("666123456", null, null)]
    [InlineData("912345678", null, null)]
    [InlineData("123004567", null, null)]
    [InlineData("123450000", null, null)]
    [InlineData("999-99-9999", null, null)]
    [InlineData("123-45-6789", null, null)]
    [InlineData("xxxxx1234", null, "1234")]
    [InlineData("1804974", "1804974", null)]
    [InlineData("1111111", null, null)]
    public void Ssns_follow_the_ssa_rules_and_masked_ones_keep_their_last_four(string raw, string? ssn, string? lastFour)
    {
        Assert.Equal(ssn, IdentifierStandardiser.Ssn(raw, out var last));
        Assert.Equal(lastFour, last);
    }

    [Theory]
    [InlineData("(555) 123-4567", "5551234567")]
    [InlineData("+1 555 123 4567", "5551234567")]
    [InlineData("0000000", null)]
    [InlineData("12345", null)]
    public void Phone_numbers_keep_their_last_ten_digits(string raw, string? expected)
    {
        Assert.Equal(expected, IdentifierStandardiser.Phone(raw));
    }

    [Theory]
    [InlineData("12345-6789", "12345")]
    [InlineData("2119", "02119")]
    [InlineData("TQ13 8DF", "tq138df")]
    [InlineData("00000", null)]
    public void Zip_codes_keep_five_digits_and_postcodes_are_squeezed(string raw, string? expected)
    {
        Assert.Equal(expected, IdentifierStandardiser.Zip(raw));
    }

    [Fact]
    public void Addresses_are_abbreviated_and_the_unit_split_off()
    {
        Assert.Equal(("12 n main st", "4b"), AddressStandardiser.Standardise("12 North Main Street, Apt. 4B"));
        Assert.Equal(("12 n main st", "4b"), AddressStandardiser.Standardise("12 N Main St #4B"));
        Assert.Equal(("7 wallaby pl", null), AddressStandardiser.Standardise("7 wallaby place"));
    }
}
