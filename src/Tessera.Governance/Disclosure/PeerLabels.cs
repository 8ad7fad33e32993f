using System.Security.Cryptography;
using System.Text;
using Tessera.Governance.Keys;

namespace Tessera.Governance.Disclosure;

/// <summary>
/// The names a provider sees its peers under: a keyed hash of the viewing provider, the program and
/// the peer, written as five letters and digits ("Peer K7Q2M"). The same peer keeps its label for
/// the same viewer month after month and metric after metric, so trends can be followed; the label
/// carries nothing of the peer's rank or size; it differs from one viewer to the next, so two
/// providers cannot pool what they know; and without the workspace's key it cannot be turned back
/// into a provider.
/// </summary>
public sealed class PeerLabels(DataKey key)
{
    /// <summary>The workspace key the labels are derived with.</summary>
    public const string KeyName = "(peers)";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O or U

    /// <summary>The label <paramref name="viewer"/> sees <paramref name="peer"/> under in <paramref name="program"/>.</summary>
    public string Of(string viewer, string program, string peer)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = HMACSHA256.HashData(key.Material, Encoding.UTF8.GetBytes($"{viewer}\n{program}\n{peer}"));
        var value = BitConverter.ToUInt64(hash, 0);
        var text = new StringBuilder("Peer ", 10);
        for (var i = 0; i < 5; i++)
        {
            text.Append(Alphabet[(int)(value & 31)]);
            value >>= 5;
        }

        return text.ToString();
    }
}
