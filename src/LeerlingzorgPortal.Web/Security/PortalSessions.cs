using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using LeerlingzorgPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Server-side sessions (ADR 0017). Each sign-in gets a fresh random session id, kept in the sign-in
/// cookie's properties and as a row in Identity's user-token table. A cookie is only accepted while its
/// row exists: signing out deletes the row, so a copy of the old cookie no longer works, while the
/// person's sessions on other devices go on. The sign-in time in the cookie gives the absolute timeout.
/// </summary>
public sealed class PortalSessions(PortalDbContext db, TimeProvider clock, IOptions<SecurityOptions> options,
    SignedInUser signedInUser)
{
    public const string SessionIdItem = "lzp.sid";
    public const string SignedInItem = "lzp.signed_in";
    public const string LoginProvider = "[LeerlingzorgPortal.Session]";
    public const int MaxSessions = 50;

    public async Task StartAsync(string userId, AuthenticationProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var now = clock.GetUtcNow();
        var sessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        properties.Items[SessionIdItem] = sessionId;
        properties.Items[SignedInItem] = now.ToString("O", CultureInfo.InvariantCulture);

        // At most MaxSessions open sessions per person: the oldest make way (expired ones are tidied at sign-out).
        var open = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider).ToListAsync();
        db.UserTokens.RemoveRange(open.OrderByDescending(t => t.Value, StringComparer.Ordinal).Skip(MaxSessions - 1));
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = userId,
            LoginProvider = LoginProvider,
            Name = sessionId,
            Value = properties.Items[SignedInItem],
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Why the session is no longer valid, or null while it is.</summary>
    public async Task<string?> CheckAsync(string? userId, AuthenticationProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (userId is null
            || !properties.Items.TryGetValue(SessionIdItem, out var sessionId) || sessionId is null
            || !properties.Items.TryGetValue(SignedInItem, out var signedInText)
            || SignedInAt(signedInText) is not { } signedIn)
        {
            return "no session";
        }

        if (clock.GetUtcNow() - signedIn > options.Value.AbsoluteTimeout)
        {
            return "absolute timeout";
        }

        // The session row and the user in one round trip, together with everything the claims are made of
        // and the menu's badge count (ADR 0026). The user is tracked, so the security-stamp check that
        // follows (Identity's FindByIdAsync, a FindAsync) takes it from this context instead of asking the
        // database again, and the claims factory takes the facts read here; the stamp it compares is read
        // in this same request (ADR 0004, 0017).
        var found = await signedInUser.LoadAsync(userId, sessionId);
        return found is { User: not null, SessionActive: true } ? null : "ended";
    }

    /// <summary>The person's open sessions, newest first.</summary>
    public async Task<IReadOnlyList<(string Id, DateTimeOffset SignedIn)>> OpenAsync(string userId)
    {
        var cutoff = clock.GetUtcNow() - options.Value.AbsoluteTimeout;
        var rows = await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == LoginProvider)
            .Select(t => new { t.Name, t.Value }).ToListAsync();
        return rows
            .Select(r => (r.Name, At: SignedInAt(r.Value) ?? DateTimeOffset.MinValue))
            .Where(r => r.At >= cutoff)
            .OrderByDescending(r => r.At)
            .Select(r => (r.Name, r.At))
            .ToList();
    }

    /// <summary>Ends the person's other sessions (or only <paramref name="onlyId"/>); this one goes on. Returns how many ended.</summary>
    public async Task<int> EndOthersAsync(string userId, string currentId, string? onlyId)
    {
        var rows = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name != currentId
                                                  && (onlyId == null || t.Name == onlyId)).ToListAsync();
        db.UserTokens.RemoveRange(rows);
        await db.SaveChangesAsync();
        return rows.Count;
    }

    /// <summary>The session id the sign-in cookie carries, if any.</summary>
    public static string? IdOf(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(SessionIdItem, out var id) == true ? id : null;

    /// <summary>The sign-in moment as kept in the cookie and in the session row (round-trip format).</summary>
    private static DateTimeOffset? SignedInAt(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public async Task EndAsync(string? userId, AuthenticationProperties? properties)
    {
        if (userId is null || IdOf(properties) is not { } sessionId)
        {
            return;
        }

        // This session, and any that have passed the absolute timeout and can never be used again.
        var cutoff = clock.GetUtcNow() - options.Value.AbsoluteTimeout;
        var rows = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider).ToListAsync();
        db.UserTokens.RemoveRange(rows.Where(t => t.Name == sessionId
            || SignedInAt(t.Value) is not { } at
            || at < cutoff));
        await db.SaveChangesAsync();
    }
}

/// <summary>The sign-in cookie's events: a new session at every sign-in, checked on every request.</summary>
public static class PortalCookieEvents
{
    /// <summary>How old a sign-in cookie gets before a request re-issues it with a new idle expiry.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(1);

    /// <summary>The same claims (type and value), in any order.</summary>
    public static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = a.Claims.Select(c => c.Type + "\n" + c.Value).Order(StringComparer.Ordinal).ToList();
        var right = b.Claims.Select(c => c.Type + "\n" + c.Value).Order(StringComparer.Ordinal).ToList();
        return left.SequenceEqual(right, StringComparer.Ordinal);
    }

    public static void Apply(CookieAuthenticationEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var validateStamp = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            var sessions = context.HttpContext.RequestServices.GetRequiredService<PortalSessions>();
            var problem = await sessions.CheckAsync(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier),
                context.Properties);
            if (problem is not null)
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger(typeof(PortalCookieEvents)).LogInformation("Session refused: {Reason}", problem);
                var signedInUser = context.HttpContext.RequestServices.GetRequiredService<SignedInUser>();
                signedInUser.ForgetClaims();
                signedInUser.ForgetStaff();
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            // Identity's security-stamp check (every request, ADR 0004): role changes, deactivation
            // and password resets reach open sessions. It rebuilds the principal and asks for a new
            // cookie every time; a cookie with the very same claims is not worth its encryption and
            // Set-Cookie, so it is only re-issued when a claim changed (the idle timeout slides below).
            var before = context.Principal;
            try
            {
                await validateStamp(context);
            }
            finally
            {
                var signedInUser = context.HttpContext.RequestServices.GetRequiredService<SignedInUser>();
                signedInUser.ForgetClaims();
                if (context.Principal is null)
                {
                    signedInUser.ForgetStaff();
                }
            }

            if (context.ShouldRenew && before is not null && context.Principal is not null
                && SameClaims(before, context.Principal))
            {
                context.ShouldRenew = false;
            }
        };

        // The idle timeout (Security:IdleTimeoutMinutes, the cookie's sliding expiry): the cookie is
        // re-issued with a new expiry once it is a minute old, instead of at half its lifetime (the
        // framework's default) or on every request (as the stamp check did). A session thus ends after
        // 29 to 30 minutes without a request.
        events.OnCheckSlidingExpiration = context =>
        {
            context.ShouldRenew = context.ElapsedTime >= RenewAfter;
            return Task.CompletedTask;
        };

        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            // A refresh (after a role or two-factor change of one's own) keeps its session; a sign-in
            // starts a new one, so a cookie from before can never be carried over.
            if (!context.Properties.Items.ContainsKey(PortalSessions.SessionIdItem)
                && context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await context.HttpContext.RequestServices.GetRequiredService<PortalSessions>()
                    .StartAsync(userId, context.Properties);
            }

            await signingIn(context);
        };
    }
}
