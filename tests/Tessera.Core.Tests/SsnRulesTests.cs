using Tessera.Core.Identity;

namespace Tessera.Core.Tests;

public class SsnRulesTests
{
    [Theory]
    [InlineData("123450000")] // serial 0000
    [InlineData("123004567")] // group 00
    [InlineData("000123456")] // area 000
    [InlineData("666123456")] // area 666
    [InlineData("912345678")] // area 9xx (ITIN)
    [InlineData("999999999")]
    [InlineData("123456789")]
    [InlineData("078051120")] // the Woolworth wallet number
    [InlineData("12345678")]
    [InlineData("12345678a")]
    public void Implausible_numbers_are_rejected(string ssn) => Assert.False(SsnRules.IsPlausible(ssn));

    [Theory]
    [InlineData("001010001")]
    [InlineData("665991234")]
    [InlineData("667010001")]
    [InlineData("899999999")]
    public void Structurally_valid_numbers_are_accepted(string ssn) => Assert.True(SsnRules.IsPlausible(ssn));
}
