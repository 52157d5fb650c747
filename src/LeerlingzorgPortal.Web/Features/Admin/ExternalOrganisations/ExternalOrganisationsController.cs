using System.Globalization;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.ExternalOrganisations;

/// <summary>The admin keeps the list of agencies that care workers pick from when they refer a pupil.</summary>
[Authorize(Policy = Policies.ManagesUsers)]
[Route("Admin/ExternalOrganisations/[action]/{id?}")]
public sealed class ExternalOrganisationsController(PortalDbContext db, AuditLog audit) : Controller
{
    [HttpGet("/Admin/ExternalOrganisations")]
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.ExternalOrganisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Add(string? name, PartnerKind? kind, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim();
        string? error = null;
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "Vul de naam van de instantie in.";
        }
        else if (kind is null || !Enum.IsDefined(kind.Value))
        {
            error = "Kies het soort instantie.";
        }
        else if ((await db.ExternalOrganisations.Select(o => o.Name).ToListAsync(cancellationToken))
                 .Exists(existing => string.Equals(existing, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            error = "Deze instantie staat al in de lijst.";
        }

        if (error is not null)
        {
            TempData["Error"] = error;
            TempData["Name"] = name;
            return RedirectToAction(nameof(Index));
        }

        try
        {
            var organisation = new ExternalOrganisation(trimmed!, kind!.Value);
            db.ExternalOrganisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(AuditAction.Create, nameof(ExternalOrganisation), organisation.Id.ToString(CultureInfo.InvariantCulture), null,
                cancellationToken);
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
            TempData["Name"] = name;
            return RedirectToAction(nameof(Index));
        }

        TempData["Message"] = "De instantie is toegevoegd.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        var organisation = await db.ExternalOrganisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        organisation.SetActive(active);
        audit.Add(AuditAction.Update, nameof(ExternalOrganisation), id.ToString(CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = active ? "De instantie is weer in gebruik." : "De instantie is uit gebruik genomen; bestaande doorverwijzingen houden haar naam.";
        return RedirectToAction(nameof(Index));
    }
}
