using System.Security.Cryptography;
using System.Text;
using Tessera.Governance.Keys;

namespace Tessera.Governance.Tests;

/// <summary>
/// Identifiers are sealed through libsodium where the processor allows and through .NET's AES-GCM
/// elsewhere; a workspace moved between machines must open either way.
/// </summary>
public sealed class FieldCipherTests
{
    private static readonly byte[] Names = FieldCipher.Column("benefits", "members", "_identifiers");

    public static TheoryData<bool, bool> Implementations => new() { { true, false }, { false, true }, { true, true }, { false, false } };

    [Theory]
    [MemberData(nameof(Implementations))]
    public void A_value_sealed_by_one_implementation_opens_with_the_other(bool sealWithLibsodium, bool openWithLibsodium)
    {
        var key = DataKey.Generate("benefits", 3);
        using var sealer = new FieldCipher(key, sealWithLibsodium);
        using var opener = new FieldCipher(key, openWithLibsodium);
        foreach (var text in new[] { "", "MARY", "Ōkubo-Nuñez, José María", new string('x', 5_000) })
        {
            var sealedBytes = sealer.Encrypt(text.AsSpan(), Names);

            Assert.Equal(FieldCipher.SealedLength(Encoding.UTF8.GetByteCount(text)), sealedBytes.Length);
            Assert.Equal(3, FieldCipher.KeyIdOf(sealedBytes));
            Assert.Equal(text, opener.DecryptText(sealedBytes, Names));
            Assert.Equal(Encoding.UTF8.GetBytes(text), opener.Decrypt(sealedBytes, Names));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_altered_value_or_one_from_another_column_does_not_open(bool libsodium)
    {
        var key = DataKey.Generate("benefits", 1);
        using var cipher = new FieldCipher(key, libsodium);
        var sealedBytes = cipher.Encrypt("123-45-6789".AsSpan(), Names);

        Assert.Throws<AuthenticationTagMismatchException>(() => cipher.Decrypt(sealedBytes, FieldCipher.Column("benefits", "cases", "_identifiers")));
        for (var i = 17; i < sealedBytes.Length; i++)
        {
            var altered = (byte[])sealedBytes.Clone();
            altered[i] ^= 0x01;
            Assert.Throws<AuthenticationTagMismatchException>(() => cipher.DecryptText(altered, Names));
        }
    }

    [Fact]
    public void Two_values_never_share_a_nonce()
    {
        using var cipher = new FieldCipher(DataKey.Generate("benefits", 1));
        var nonces = Enumerable.Range(0, 10_000).Select(_ => Convert.ToHexString(cipher.Encrypt("MARY".AsSpan(), Names).AsSpan(5, 12))).ToList();

        Assert.Equal(nonces.Count, nonces.Distinct().Count());
    }
}
