using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace LeerlingzorgPortal.Web.Features.Account;

/// <summary>
/// Changing one's own password (ASVS V6.2.2/V6.2.3): the current password is required, the new one goes
/// through Identity's validators. The changed security stamp ends the sessions on other devices; this
/// one is refreshed and keeps its server-side session (ADR 0017).
/// </summary>
[Route("Account/Password")]
public sealed class PasswordController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signInManager,
    AuditLog audit,
    AccountThrottle throttle) : Controller
{
    public const string WrongCurrentPassword = "Je huidige wachtwoord klopt niet.";
    public const string Changed = "Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.";
    public const string SamePassword = "Kies een ander wachtwoord dan je huidige.";

    [HttpGet]
    public IActionResult Index() => View(new ChangePasswordForm());

    [HttpPost]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> Index(ChangePasswordForm form, [FromServices] IValidator<ChangePasswordForm> validator)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(form)))
        {
            return View(new ChangePasswordForm());
        }

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        if (!throttle.TryAttempt("password-change", user.Id, out var retryAfter))
        {
            Response.Headers.RetryAfter = Throttling.RetryAfterSeconds(retryAfter);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (!await users.CheckPasswordAsync(user, form.CurrentPassword!))
        {
            ModelState.AddModelError(nameof(form.CurrentPassword), WrongCurrentPassword);
            return View(new ChangePasswordForm());
        }

        if (string.Equals(form.CurrentPassword, form.NewPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(form.NewPassword), SamePassword);
            return View(new ChangePasswordForm());
        }

        // Saved with the new password: the beheerder's password is gone, so is the duty to replace it.
        var mustChange = user.MustChangePassword;
        user.PasswordChangedByOwner();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            if (mustChange)
            {
                user.RequirePasswordChange();
            }

            ModelState.AddErrorsFrom(result, nameof(form.NewPassword));
            return View(new ChangePasswordForm());
        }

        // The new security stamp signs out every other device at its next request; this one gets a
        // fresh cookie with the new stamp and the same session id.
        await signInManager.RefreshSignInAsync(user);
        await audit.RecordAccountEventAsync(AuditAction.PasswordChanged, user.Id);
        TempData["Message"] = Changed;
        return RedirectToAction("Index", "Home");
    }
}
