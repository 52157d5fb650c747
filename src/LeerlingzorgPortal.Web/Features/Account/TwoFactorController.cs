using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;

namespace LeerlingzorgPortal.Web.Features.Account;

public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool Required);

public sealed record TwoFactorSetup(string GroupedKey, string QrCodeDataUri, bool Required, bool HasEnrolmentCode,
    string? EnrolmentCode = null);

/// <summary>Setting up, managing and switching off the authenticator app for one's own account.</summary>
[Route("Account/TwoFactor/[action]")]
public sealed class TwoFactorController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signInManager,
    AuditLog audit,
    AccountThrottle throttle,
    TimeProvider clock,
    IOptionsSnapshot<SecurityOptions> options) : Controller
{
    public const string EnrolmentCodeMissing = "Vul de inschrijfcode in die je van de functioneel beheerder kreeg.";
    public const string EnrolmentCodeWrong =
        "Deze inschrijfcode klopt niet, is verlopen of is al gebruikt. Vraag de functioneel beheerder om een nieuwe.";

    public const string Issuer = "LeerlingzorgPortaal";
    private const int RecoveryCodeCount = 10;

    [HttpGet("/Account/TwoFactor")]
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Setup));
        }

        return View(new TwoFactorStatus(true, await users.CountRecoveryCodesAsync(user), options.Value.RequireTwoFactor));
    }

    [HttpGet]
    public async Task<IActionResult> Setup()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        return View(await SetupModelAsync(user));
    }

    /// <summary>
    /// Enrolling the first app needs the one-time enrolment code the beheerder handed over apart from the
    /// password, so knowing the password alone is not enough to bind one's own phone (ADR 0038).
    /// </summary>
    [HttpPost]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> Setup(TwoFactorSetupForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        var enrolmentCode = (form.EnrolmentCode ?? "").Trim();
        var code = TwoFactorCodeForm.NormaliseCode(form.Code);
        if (enrolmentCode.Length == 0)
        {
            ModelState.AddModelError(nameof(form.EnrolmentCode), EnrolmentCodeMissing);
        }

        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(form.Code), "Vul de code van zes cijfers uit je app in.");
        }

        if (!ModelState.IsValid)
        {
            return View(await SetupModelAsync(user, enrolmentCode.Length > 40 ? null : enrolmentCode));
        }

        if (!throttle.TryAttempt("two-factor", user.Id, out var retryAfter))
        {
            Response.Headers.RetryAfter = Throttling.RetryAfterSeconds(retryAfter);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (enrolmentCode.Length > 40 || !user.EnrolmentCodeMatches(enrolmentCode, clock.GetUtcNow()))
        {
            ModelState.AddModelError(nameof(form.EnrolmentCode), EnrolmentCodeWrong);
            return View(await SetupModelAsync(user));
        }

        if (code.Length > 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(form.Code), "Deze code klopt niet. Controleer of de klok van je telefoon goed staat en typ de code van dit moment.");
            // The enrolment code was right: it stays in its field, so only the app's code is typed again.
            return View(await SetupModelAsync(user, enrolmentCode));
        }

        // Used once: saved together with two factors switched on.
        user.UseUpEnrolmentCode();
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAccountEventAsync(AuditAction.TwoFactorEnabled, user.Id);
        ViewData["Message"] = "Tweestapsverificatie staat aan. Je logt voortaan in met je wachtwoord en een code uit je app.";
        return View("RecoveryCodes", codes!.ToList());
    }

    [HttpPost]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Setup));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAccountEventAsync(AuditAction.RecoveryCodesRenewed, user.Id);
        ViewData["Message"] = "Er zijn nieuwe herstelcodes gemaakt; de oude werken niet meer.";
        return View(codes!.ToList());
    }

    [HttpPost]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> Disable()
    {
        var user = await CurrentUserAsync();
        if (options.Value.RequireTwoFactor)
        {
            TempData["Error"] = "Tweestapsverificatie is verplicht en kan niet worden uitgezet.";
            return RedirectToAction(nameof(Index));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAccountEventAsync(AuditAction.TwoFactorDisabled, user.Id);
        TempData["Message"] = "Tweestapsverificatie staat uit.";
        return RedirectToAction("Index", "Home");
    }

    private async Task<PortalUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");

    private async Task<TwoFactorSetup> SetupModelAsync(PortalUser user, string? enrolmentCode = null)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return new TwoFactorSetup(Totp.Grouped(key!), QrCodeDataUri(AuthenticatorUri(user.Email ?? user.Id, key!)),
            options.Value.RequireTwoFactor, user.HasValidEnrolmentCode(clock.GetUtcNow()), enrolmentCode);
    }

    public static string AuthenticatorUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>The QR code as a PNG in a data: address (the content security policy allows data: images), drawn here, not by a service.</summary>
    public static string QrCodeDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
