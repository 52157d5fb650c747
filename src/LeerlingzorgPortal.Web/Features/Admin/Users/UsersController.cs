using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Accounts;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

[Authorize(Policy = Policies.ManagesUsers)]
[Route("Admin/Users/[action]/{id?}")]
public sealed class UsersController(StaffAssignmentOptionsQuery options, PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("/Admin/Users")]
    [HttpGet]
    public async Task<IActionResult> Index(string? search, int? page, [FromServices] StaffDirectoryQuery query,
        CancellationToken cancellationToken)
    {
        if (search?.Length > 100)
        {
            ModelState.AddModelError("search", "Zoek met hoogstens 100 tekens.");
            search = null;
        }

        return View(await query.HandleAsync(search, page, cancellationToken));
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        await FormView("Create", new CreateUserForm(), cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Create(CreateUserForm form, [FromServices] IValidator<CreateUserForm> validator,
        [FromServices] CreateUser createUser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            return await FormView("Create", form, cancellationToken);
        }

        var (result, id, enrolmentCode) = await createUser.HandleAsync(form, cancellationToken);
        if (!result.Succeeded)
        {
            result.CopyTo(ModelState);
            form.Password = form.ConfirmPassword = null;
            return await FormView("Create", form, cancellationToken);
        }

        // The enrolment code is shown on this answer only (it is stored hashed): no redirect to lose it in.
        return EnrolmentCodeView(id!, form.DisplayName!, enrolmentCode!, $"Het account van {form.DisplayName} is aangemaakt.");
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var form = await LoadEditFormAsync(id, cancellationToken);
        return form is null ? NotFound() : await FormView("Edit", form, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, EditUserForm form, [FromServices] IValidator<EditUserForm> validator,
        [FromServices] UpdateUser updateUser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        if (!ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            return await FormView("Edit", form, cancellationToken);
        }

        var result = await updateUser.HandleAsync(form, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Done:
                TempData["Message"] = "De wijzigingen zijn opgeslagen.";
                return RedirectToAction(nameof(Edit), new { id });
            case CommandStatus.Conflict:
                var saved = await LoadEditFormAsync(id, cancellationToken);
                if (saved is null)
                {
                    return NotFound();
                }

                ViewData["Saved"] = saved;
                form.Version = saved.Version;
                ModelState.Remove(nameof(form.Version));
                break;
            default:
                break;
        }

        result.CopyTo(ModelState);
        return await FormView("Edit", form, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Deactivate(string id, [FromServices] SetUserActive setActive,
        CancellationToken cancellationToken) =>
        await SetActive(id, active: false, setActive, "Het account is gedeactiveerd; open sessies zijn beëindigd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> Reactivate(string id, [FromServices] SetUserActive setActive,
        CancellationToken cancellationToken) =>
        await SetActive(id, active: true, setActive, "Het account is weer actief.", cancellationToken);

    [HttpPost]
    public async Task<IActionResult> ResetTwoFactor(string id, [FromServices] ResetUserTwoFactor resetTwoFactor,
        CancellationToken cancellationToken)
    {
        var result = await resetTwoFactor.HandleAsync(id, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        var name = await db.StaffMembers.Where(s => s.Id == id).Select(s => s.DisplayName).SingleAsync(cancellationToken);
        return EnrolmentCodeView(id, name, resetTwoFactor.EnrolmentCode!,
            "De tweestapsverificatie is verwijderd; open sessies zijn beëindigd. Bij de volgende keer inloggen stelt de medewerker een nieuwe app in met de inschrijfcode hieronder.");
    }

    [HttpGet]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var name = await db.StaffMembers.Where(s => s.Id == id).Select(s => s.DisplayName)
            .SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        ViewData["StaffName"] = name;
        return View(new ResetPasswordForm { Id = id });
    }

    [HttpPost]
    [EnableRateLimiting(Throttling.CredentialsPolicy)]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordForm form,
        [FromServices] IValidator<ResetPasswordForm> validator, [FromServices] ResetUserPassword resetPassword,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        var name = await db.StaffMembers.Where(s => s.Id == id).Select(s => s.DisplayName)
            .SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var result = await resetPassword.HandleAsync(form, cancellationToken);
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded && resetPassword.EnrolmentCode is { } enrolmentCode)
            {
                return EnrolmentCodeView(id, name, enrolmentCode,
                    $"Het wachtwoord van {name} is ingesteld; open sessies zijn beëindigd. Bij de volgende keer inloggen kiest de medewerker een eigen wachtwoord.");
            }

            if (result.Succeeded)
            {
                TempData["Message"] = $"Het wachtwoord van {name} is ingesteld; open sessies zijn beëindigd. Bij de volgende keer inloggen kiest de medewerker een eigen wachtwoord.";
                return RedirectToAction(nameof(Edit), new { id });
            }

            result.CopyTo(ModelState);
        }

        ViewData["StaffName"] = name;
        form.Password = form.ConfirmPassword = null;
        return View(form);
    }

    /// <summary>What the person still has to do at their next sign-in, for the beheerder (ADR 0038).</summary>
    private string? FirstSignInStatus(bool mustChangePassword, bool twoFactor, DateTimeOffset? codeExpiresAt)
    {
        var parts = new List<string>();
        if (mustChangePassword)
        {
            parts.Add("kiest bij de volgende keer inloggen een eigen wachtwoord");
        }

        if (!twoFactor && codeExpiresAt is { } expires)
        {
            parts.Add(expires > clock.GetUtcNow()
                ? "inschrijfcode geldig tot " + TimeZoneInfo.ConvertTime(expires, SchoolHours.Amsterdam).ToString("dd-MM-yyyy HH:mm", Dutch.Culture)
                : "inschrijfcode verlopen");
        }

        return parts.Count == 0 ? null : char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..];
    }

    private ViewResult EnrolmentCodeView(string id, string name, string code, string message) =>
        View("EnrolmentCode", new IssuedEnrolmentCode(id, name, code,
            TimeZoneInfo.ConvertTime(clock.GetUtcNow() + EnrolmentCode.ValidFor, SchoolHours.Amsterdam)
                .ToString("dd-MM-yyyy HH:mm", Dutch.Culture), message));

    private async Task<IActionResult> SetActive(string id, bool active, SetUserActive setActive, string message,
        CancellationToken cancellationToken)
    {
        var result = await setActive.HandleAsync(id, active, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded ? message : result.Errors[0].Message;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<EditUserForm?> LoadEditFormAsync(string id,
        CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking().Include(s => s.Locations).Include(s => s.MentorGroups)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (staff is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .ToListAsync(cancellationToken);
        return new EditUserForm
        {
            Id = staff.Id,
            Version = staff.Version,
            DisplayName = staff.DisplayName,
            Roles = roles.Select(n => PortalRoles.TryParse(n, out var r) ? r : (StaffRole?)null).OfType<StaffRole>().ToList(),
            LocationIds = staff.LocationIds.ToList(),
            MentorGroupIds = staff.MentorGroupIds.ToList(),
        };
    }

    private async Task<IActionResult> FormView(string viewName, StaffAssignmentForm form,
        CancellationToken cancellationToken)
    {
        ViewData["Options"] = await options.HandleAsync(cancellationToken);
        if (form is EditUserForm edit)
        {
            var staff = await db.StaffMembers.AsNoTracking().Where(s => s.Id == edit.Id)
                .Select(s => new { s.Email, s.IsActive, s.DisplayName }).SingleAsync(cancellationToken);
            ViewData["Email"] = staff.Email;
            ViewData["IsActive"] = staff.IsActive;
            ViewData["SavedName"] = staff.DisplayName;
            var account = await db.Users.Where(u => u.Id == edit.Id)
                .Select(u => new { u.TwoFactorEnabled, u.MustChangePassword, u.EnrolmentCodeExpiresAt })
                .SingleAsync(cancellationToken);
            ViewData["TwoFactor"] = account.TwoFactorEnabled;
            ViewData["FirstSignIn"] = FirstSignInStatus(account.MustChangePassword, account.TwoFactorEnabled,
                account.EnrolmentCodeExpiresAt);
        }

        return View(viewName, form);
    }
}
