using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LeerlingzorgPortal.Web.Features.Account;

public sealed class AccountController(
    SignInManager<PortalUser> signInManager,
    UserManager<PortalUser> users,
    AuditLog audit,
    AccountThrottle throttle,
    PortalSessions sessions,
    PasswordSignIn passwordSignIn,
    ILogger<AccountController> logger) : Controller
{
    private const string FailedMessage = "Onbekend e-mailadres of onjuist wachtwoord.";
    private const string LockedMessage =
        "Dit account is geblokkeerd, na te veel mislukte pogingen of door de beheerder. Probeer het later opnieuw of neem contact op met de functioneel beheerder.";
    private const string WrongCodeMessage = "Deze code klopt niet. Kijk in je authenticator-app en typ de code van dit moment.";
    private const string WrongRecoveryCodeMessage = "Deze herstelcode klopt niet of is al gebruikt.";
    private const string ExpiredMessage = "Je inlogpoging is verlopen. Log opnieuw in met je e-mailadres en wachtwoord.";

    [HttpGet]
    [AllowAnonymous]
    public IActionResult Login(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToAction("Index", "Home");
        }

        return View(new LoginForm { ReturnUrl = returnUrl });
    }

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] IValidator<LoginForm> validator)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(form)))
        {
            return View(form);
        }

        var email = form.Email!.Trim();
        if (!throttle.TryAttempt("sign-in", email, out var retryAfter))
        {
            return TooManyAttempts(retryAfter);
        }

        var result = await passwordSignIn.HandleAsync(email, form.Password!, Throttling.ClientAddress(HttpContext));
        switch (result.Outcome)
        {
            case PasswordSignInOutcome.SignedIn:
                logger.LogInformation("Sign-in succeeded");
                await audit.RecordAccountEventAsync(AuditAction.SignIn, result.UserId, "wachtwoord");
                return RedirectToLocal(form.ReturnUrl);
            case PasswordSignInOutcome.RequiresTwoFactor:
                return RedirectToAction(nameof(LoginWithCode), new { returnUrl = form.ReturnUrl });
            case PasswordSignInOutcome.Waiting:
                // The same for every typed address, existing or not: it is counted per address and client.
                logger.LogWarning("Sign-in refused: waiting after failures");
                ModelState.AddModelError(string.Empty, WaitMessage(result.WaitUntil!.Value));
                form.Password = null;
                return View(form);
            default:
                logger.LogWarning("Sign-in refused (locked out: {LockedOut})", result.Outcome == PasswordSignInOutcome.LockedOut);
                await audit.RecordAccountEventAsync(
                    result.Outcome == PasswordSignInOutcome.LockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed,
                    result.UserId, "wachtwoord");
                // "Geblokkeerd" only after the right password: a stranger learns nothing about the account.
                ModelState.AddModelError(string.Empty,
                    result.Outcome == PasswordSignInOutcome.LockedOut ? LockedMessage : FailedMessage);
                form.Password = null;
                return View(form);
        }
    }

    /// <summary>"Te veel mislukte pogingen. Probeer het na 09:31 opnieuw." in the school's time zone.</summary>
    public static string WaitMessage(DateTimeOffset until)
    {
        var local = TimeZoneInfo.ConvertTime(until, SchoolHours.Amsterdam);
        // Round up to the next minute, so the time shown is never too early.
        var shown = local.Second == 0 && local.Millisecond == 0 ? local : local.AddSeconds(60 - local.Second).AddMilliseconds(-local.Millisecond);
        return $"Te veel mislukte pogingen. Probeer het na {shown.ToString("HH:mm", Dutch.Culture)} opnieuw.";
    }

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithCode(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            TempData["Message"] = ExpiredMessage;
            return RedirectToAction(nameof(Login));
        }

        return View(new TwoFactorCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> LoginWithCode(TwoFactorCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await SecondFactorAsync(form, recovery: false);
    }

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            TempData["Message"] = ExpiredMessage;
            return RedirectToAction(nameof(Login));
        }

        return View(new TwoFactorCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost]
    [AllowAnonymous]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> LoginWithRecoveryCode(TwoFactorCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await SecondFactorAsync(form, recovery: true);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var userId = users.GetUserId(User);
        await sessions.EndAsync(userId, current.Properties);
        await signInManager.SignOutAsync();
        if (userId is not null)
        {
            await audit.RecordAccountEventAsync(AuditAction.SignOut, userId);
        }

        // Tell the browser to drop what it may have kept of the session's pages (a shared school computer).
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
        TempData["Message"] = "Je bent uitgelogd.";
        return RedirectToAction(nameof(Login));
    }

    /// <summary>
    /// A page refused by its role policy. Recorded like a refused record (a 404 from the need-to-know
    /// rules): the page's path, never its query string, which can hold a searched name.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> AccessDenied(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var path = Url.IsLocalUrl(returnUrl) ? returnUrl!.Split('?', 2)[0] : "(onbekend)";
            await audit.RecordAsync(AuditAction.AccessRefused, "Page", path, pupilId: null);
        }

        return View();
    }

    private async Task<IActionResult> SecondFactorAsync(TwoFactorCodeForm form, bool recovery)
    {
        var viewName = recovery ? nameof(LoginWithRecoveryCode) : nameof(LoginWithCode);
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData["Message"] = ExpiredMessage;
            return RedirectToAction(nameof(Login));
        }

        var code = recovery ? TwoFactorCodeForm.NormaliseRecoveryCode(form.Code) : TwoFactorCodeForm.NormaliseCode(form.Code);
        if (string.IsNullOrEmpty(code) || code.Length > 20)
        {
            ModelState.AddModelError(nameof(form.Code), recovery ? "Vul een herstelcode in." : "Vul de code van zes cijfers uit je app in.");
            return View(viewName, form);
        }

        if (!throttle.TryAttempt("two-factor", user.Id, out var retryAfter))
        {
            return TooManyAttempts(retryAfter);
        }

        var result = recovery
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code)
            : await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAccountEventAsync(recovery ? AuditAction.RecoveryCodeUsed : AuditAction.SignIn, user.Id,
                recovery ? "herstelcode" : "wachtwoord en authenticator-app");
            if (recovery)
            {
                await audit.RecordAccountEventAsync(AuditAction.SignIn, user.Id, "wachtwoord en herstelcode");
            }

            return RedirectToLocal(form.ReturnUrl);
        }

        await audit.RecordAccountEventAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed, user.Id,
            recovery ? "herstelcode" : "authenticator-code");
        ModelState.AddModelError(nameof(form.Code),
            result.IsLockedOut ? LockedMessage : recovery ? WrongRecoveryCodeMessage : WrongCodeMessage);
        form.Code = null;
        return View(viewName, form);
    }

    private IActionResult RedirectToLocal(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction("Index", "Home");

    private StatusCodeResult TooManyAttempts(TimeSpan retryAfter)
    {
        Response.Headers.RetryAfter = Throttling.RetryAfterSeconds(retryAfter);
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
