using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Audit;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LeerlingzorgPortal.Web.Features.Account;

public sealed record SessionRow(string Id, string SignedIn, bool IsThis);

public sealed record SessionsPage(IReadOnlyList<SessionRow> Sessions);

/// <summary>
/// One's own open sessions (ASVS 5.0 V7.5.2): when each began, and ending the others, one or all,
/// after giving the password again.
/// </summary>
[Route("Account/Sessions")]
public sealed class SessionsController(UserManager<PortalUser> users, PortalSessions sessions, AuditLog audit) : Controller
{
    public const string WrongPassword = "Je wachtwoord klopt niet; er is geen sessie beëindigd.";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await PageAsync());

    [HttpPost("")]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> Index(string? password, string? sessionId)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            ModelState.AddModelError("password", string.IsNullOrEmpty(password) ? "Vul je wachtwoord in." : WrongPassword);
            return View(await PageAsync());
        }

        var ended = await sessions.EndOthersAsync(user.Id, await CurrentIdAsync() ?? "", string.IsNullOrEmpty(sessionId) ? null : sessionId);
        await audit.RecordAsync(AuditAction.SessionsEnded, "Account", user.Id, pupilId: null);
        TempData["Message"] = ended == 1 ? "Eén andere sessie is beëindigd." : $"{ended.ToString(CultureInfo.InvariantCulture)} andere sessies zijn beëindigd.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<SessionsPage> PageAsync()
    {
        var current = await CurrentIdAsync();
        var open = await sessions.OpenAsync(users.GetUserId(User)!);
        return new SessionsPage(open.Select(s => new SessionRow(s.Id, AuditTime.Text(s.SignedIn), s.Id == current)).ToList());
    }

    private async Task<string?> CurrentIdAsync()
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return PortalSessions.IdOf(result.Properties);
    }
}
