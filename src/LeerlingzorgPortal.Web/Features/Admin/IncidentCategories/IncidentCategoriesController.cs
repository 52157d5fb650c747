using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.IncidentCategories;

/// <summary>The admin maintains the school's own incident categories next to the fixed monitoring ones.</summary>
[Authorize(Policy = Policies.ManagesUsers)]
[Route("Admin/IncidentCategories/[action]/{id?}")]
public sealed class IncidentCategoriesController(PortalDbContext db, AuditLog audit) : Controller
{
    [HttpGet("/Admin/IncidentCategories")]
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.CustomIncidentCategories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Add(string? name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim();
        string? error = null;
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "Vul de naam van de categorie in.";
        }
        else if (trimmed.Length > CustomIncidentCategory.NameMaxLength)
        {
            error = $"De naam is hoogstens {CustomIncidentCategory.NameMaxLength} tekens lang.";
        }
        else if ((await db.CustomIncidentCategories.Select(c => c.Name).ToListAsync(cancellationToken))
                 .Exists(existing => string.Equals(existing, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            error = "Deze categorie bestaat al.";
        }

        if (error is not null)
        {
            TempData["Error"] = error;
            TempData["Name"] = name;
            return RedirectToAction(nameof(Index));
        }

        try
        {
            var category = new CustomIncidentCategory(trimmed!);
            db.CustomIncidentCategories.Add(category);
            await audit.SaveCreatedAsync(nameof(CustomIncidentCategory), () => category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                null, cancellationToken);
        }
        catch (DomainRuleException e)
        {
            TempData["Error"] = e.Message;
            return RedirectToAction(nameof(Index));
        }

        TempData["Message"] = "De categorie is toegevoegd.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        var category = await db.CustomIncidentCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        category.SetActive(active);
        audit.Add(AuditAction.Update, nameof(CustomIncidentCategory), id.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = active ? "De categorie is weer in gebruik." : "De categorie is uit gebruik genomen; bestaande incidenten houden haar.";
        return RedirectToAction(nameof(Index));
    }
}
