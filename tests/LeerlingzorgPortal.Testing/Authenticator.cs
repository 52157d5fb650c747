using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LeerlingzorgPortal.Testing;

/// <summary>
/// What an authenticator app does, written out from RFC 6238 independently of the portal's code:
/// HMAC-SHA1 over the number of 30-second steps since 1970, truncated to 6 digits.
/// </summary>
public static class Authenticator
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        return Code(Base32(base32Key), at.ToUnixTimeSeconds() / 30, digits: 6);
    }

    public static string Code(byte[] key, long counter, int digits)
    {
        var message = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 is HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0xF;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % (int)Math.Pow(10, digits);
        return value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>RFC 4648 base32 (the key as the portal shows it, spaces allowed).</summary>
    public static byte[] Base32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bits = string.Concat(clean.Select(c =>
            Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
