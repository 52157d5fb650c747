using FluentValidation;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Account;

public sealed class AccountController(
    SignInManager<PortalUser> signInManager,
    IValidator<LoginForm> validator,
    ILogger<AccountController> logger) : Controller
{
    private const string FailedMessage = "Onbekend e-mailadres of onjuist wachtwoord.";
    private const string LockedMessage =
        "Dit account is geblokkeerd, na te veel mislukte pogingen of door de beheerder. Probeer het later opnieuw of neem contact op met de functioneel beheerder.";

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
    public async Task<IActionResult> Login(LoginForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(form)))
        {
            return View(form);
        }

        var result = await signInManager.PasswordSignInAsync(form.Email!.Trim(), form.Password!,
            isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Sign-in succeeded");
            return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
        }

        logger.LogWarning("Sign-in refused (locked out: {LockedOut})", result.IsLockedOut);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LockedMessage : FailedMessage);
        form.Password = null;
        return View(form);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        TempData["Message"] = "Je bent uitgelogd.";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult AccessDenied() => View();
}
