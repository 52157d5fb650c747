using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// A person whose password was set by the functioneel beheerder chooses their own first, before any other
/// page, whatever the two-factor setting (ADR 0038). Then, with <c>Security:RequireTwoFactor</c> on, a signed-in person without an authenticator app is sent
/// to set one up before any other page. Only the set-up pages, signing out, the status pages and the
/// health checks stay open (static files are served before this runs).
/// </summary>
public sealed class TwoFactorEnforcementMiddleware(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public const string SetupPath = "/Account/TwoFactor/Setup";

    public const string PasswordPath = "/Account/Password";

    private static readonly string[] OpenBeforePasswordChange =
    [
        PasswordPath, "/Account/Logout", "/Account/Login", "/Account/AccessDenied", "/Home/Status", "/Home/Error", "/health",
    ];

    private static readonly string[] OpenPaths =
    [
        "/Account/TwoFactor", "/Account/Logout", "/Account/Login", "/Account/AccessDenied", "/Home/Status", "/Home/Error",
        "/health",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated == true && context.User.MustChangePassword())
        {
            // The password first; the two-factor set-up comes after it.
            if (OpenBeforePasswordChange.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                return next(context);
            }

            context.Response.Redirect(PasswordPath);
            return Task.CompletedTask;
        }

        if (options.CurrentValue.RequireTwoFactor
            && context.User.Identity?.IsAuthenticated == true
            && !context.User.HasTwoFactor()
            && !OpenPaths.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}

public static class TwoFactorClaims
{
    public static bool HasTwoFactor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(PortalClaimsPrincipalFactory.TwoFactorClaim, "true");
    }

    public static bool MustChangePassword(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(PortalClaimsPrincipalFactory.MustChangePasswordClaim, "true");
    }
}
