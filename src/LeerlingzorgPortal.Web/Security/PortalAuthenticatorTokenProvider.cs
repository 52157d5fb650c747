using System.Globalization;
using LeerlingzorgPortal.Data;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Checks authenticator-app codes like Identity's own AuthenticatorTokenProvider, with two differences
/// (ADR 0016): the time comes from the app's <see cref="TimeProvider"/> (Identity's reads the system
/// clock), and a code that was accepted once cannot be used again, nor any code from an earlier step.
/// </summary>
public sealed class PortalAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "PortalAuthenticator";
    private const string LastStepToken = "LastAuthenticatorStep";
    private const string TokenProvider = "[LeerlingzorgPortal]";

    /// <summary>Steps of 30 seconds accepted either side of now, for phones whose clock is a little off.</summary>
    private const int Window = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var digits = token?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || digits is not { Length: 6 } || !int.TryParse(digits, NumberStyles.None,
                CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var keyBytes = Totp.FromBase32(key);
        var now = Totp.TimeStep(clock.GetUtcNow());
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken),
            NumberStyles.Integer, CultureInfo.InvariantCulture, out var used) ? used : long.MinValue;
        for (var step = now - Window; step <= now + Window; step++)
        {
            if (step > last && Totp.Code(keyBytes, step) == code)
            {
                await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken,
                    step.ToString(CultureInfo.InvariantCulture));
                return true;
            }
        }

        return false;
    }
}
