using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Features.Account;

public enum PasswordSignInOutcome
{
    SignedIn,
    RequiresTwoFactor,
    Failed,
    LockedOut,
    Waiting,
}

public sealed record PasswordSignInResult(PasswordSignInOutcome Outcome, string? UserId = null, DateTimeOffset? WaitUntil = null);

/// <summary>
/// The password step of signing in (ADR 0038). Known and unknown addresses take the same path: the typed
/// address and this client may have to wait after failures (the same for every address), the password is
/// hashed once (against a dummy hash when the address is unknown), and a wrong password gets the same
/// answer whether the account exists, is locked or not. Only with the right password does the person
/// learn that the account is locked.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<PortalUser> users,
    PortalSignInManager signInManager,
    IPasswordHasher<PortalUser> hasher,
    SignInDelays delays)
{
    private static readonly PortalUser Nobody = new();
    private static string? _dummyHash;

    public async Task<PasswordSignInResult> HandleAsync(string email, string password, string client)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        if (delays.WaitUntil(email, client) is { } until)
        {
            return new PasswordSignInResult(PasswordSignInOutcome.Waiting, WaitUntil: until);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // The same hashing work as for an account, so the answer takes as long (ASVS V6.3.8).
            _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
            return Failed(email, client, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return Failed(email, client, user.Id);
        }

        delays.Succeeded(email, client);
        var result = await signInManager.SignInWithCheckedPasswordAsync(user);
        var outcome = result.Succeeded ? PasswordSignInOutcome.SignedIn
            : result.RequiresTwoFactor ? PasswordSignInOutcome.RequiresTwoFactor
            : result.IsLockedOut ? PasswordSignInOutcome.LockedOut
            : PasswordSignInOutcome.Failed;
        return new PasswordSignInResult(outcome, user.Id);
    }

    private PasswordSignInResult Failed(string email, string client, string? userId)
    {
        delays.Failed(email, client);
        return new PasswordSignInResult(PasswordSignInOutcome.Failed, userId);
    }
}
