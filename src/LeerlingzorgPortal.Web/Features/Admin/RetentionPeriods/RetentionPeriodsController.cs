using FluentValidation;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Retention;
using LeerlingzorgPortal.Web.Features.Retention;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.RetentionPeriods;

/// <summary>"Bewaartermijnen": the admin sets the retention period per kind of data, in whole years.</summary>
[Authorize(Policy = Policies.ManagesUsers)]
[Route("Admin/RetentionPeriods")]
public sealed class RetentionPeriodsController(PortalDbContext db, TimeProvider clock, CurrentStaff currentStaff, AuditLog audit)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(RetentionPeriodsForm.From(await RetentionScan.PeriodsAsync(db, cancellationToken)));

    [HttpPost("")]
    public async Task<IActionResult> Index(RetentionPeriodsForm form, [FromServices] IValidator<RetentionPeriodsForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!(ModelState.IsValid & ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))))
        {
            return View(form);
        }

        var stored = await db.RetentionPeriods.ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var kind in Enum.GetValues<RetentionKind>())
        {
            var years = form.YearsOf(kind)!.Value;
            if (!stored.TryGetValue(kind, out var period))
            {
                period = new RetentionPeriod(kind, years);
                db.RetentionPeriods.Add(period);
            }

            period.Change(years, currentStaff.UserId!, clock.GetUtcNow());
        }

        audit.Add(AuditAction.Update, nameof(RetentionPeriod), "all", null);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "De bewaartermijnen zijn opgeslagen. De dagelijkse controle gebruikt ze vanaf de volgende run.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The admin finds a pupil by number to set the leaving date by hand.</summary>
    [HttpGet("Pupil")]
    public async Task<IActionResult> Pupil(string? number, CancellationToken cancellationToken)
    {
        var trimmed = number?.Trim();
        var id = string.IsNullOrEmpty(trimmed)
            ? null
            : await db.Pupils.Where(p => p.Number == trimmed && p.AnonymisedOn == null).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            TempData["Error"] = string.IsNullOrEmpty(trimmed) ? "Vul een leerlingnummer in." : "Er is geen leerling met dit leerlingnummer.";
            return RedirectToAction(nameof(Index));
        }

        return RedirectToAction("LeavingDate", "Retention", new { id });
    }
}
