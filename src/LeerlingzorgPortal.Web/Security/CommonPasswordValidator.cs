using LeerlingzorgPortal.Data;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Refuses the passwords attackers try first: a bundled list of the most common ones (English and
/// Dutch), also with digits or punctuation stuck to either end ("Welkom2026!"), and passwords that
/// contain the account's own e-mail name. Length does the rest (12 characters, passphrases welcome).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(IsWeak(password, user.Email)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Dit wachtwoord is te voorspelbaar: het staat op de lijst van veelgebruikte wachtwoorden of bevat je e-mailnaam. Kies bijvoorbeeld een zin van een paar woorden.",
            })
            : IdentityResult.Success);
    }

    public static bool IsWeak(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            return false;
        }

        var lower = password.ToLowerInvariant();
        var core = lower.Trim("0123456789!@#$%^&*()-_=+.,;:?/\\|~`'\" ".ToCharArray());
        if (Common.Value.Contains(lower) || core.Length == 0 || Common.Value.Contains(core))
        {
            return true;
        }

        var emailName = email?.Split('@')[0].ToLowerInvariant();
        return emailName is { Length: >= 4 } && lower.Contains(emailName, StringComparison.Ordinal);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("LeerlingzorgPortal.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word);
            }
        }

        return words;
    }
}
