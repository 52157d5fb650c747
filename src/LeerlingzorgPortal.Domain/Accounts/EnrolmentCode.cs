using System.Security.Cryptography;
using System.Text;

namespace LeerlingzorgPortal.Domain.Accounts;

/// <summary>
/// The one-time code the functioneel beheerder hands over, apart from the password, to bind an account's
/// first authenticator app (ADR 0038). Sixteen characters from an alphabet without look-alikes (80 bits),
/// shown once in groups of four, kept only as a salted PBKDF2 hash, valid 72 hours, used once.
/// </summary>
public static class EnrolmentCode
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(72);

    public const int Length = 16;

    // No 0/O, 1/I/L: the code is read from a screen or paper and typed by hand.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Iterations = 100_000;

    /// <summary>A new code in groups of four, e.g. <c>K7QM-2XWA-PNR4-HT9C</c>.</summary>
    public static string Generate()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Grouped(new string(chars));
    }

    public static string Grouped(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Join('-', code.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>Upper case, without spaces and dashes; as typed otherwise. Empty when nothing usable was typed.</summary>
    public static string Normalise(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Convert.ToBase64String(salt)}${Convert.ToBase64String(Derive(Normalise(code), salt))}";
    }

    /// <summary>Whether a typed code matches a stored hash (in constant time for codes of the right length).</summary>
    public static bool Matches(string? storedHash, string? typed)
    {
        var code = Normalise(typed);
        if (string.IsNullOrEmpty(storedHash) || code.Length != Length)
        {
            return false;
        }

        var parts = storedHash.Split('$');
        return parts.Length == 2
               && CryptographicOperations.FixedTimeEquals(Derive(code, Convert.FromBase64String(parts[0])),
                   Convert.FromBase64String(parts[1]));
    }

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
