using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Import;

public sealed record ImportPreview(ImportUpload Upload, ImportTable? Table, IReadOnlyList<ImportField> Mapping, ImportPlan? Plan, string? Problem);

/// <summary>Upload, preview (with the column mapping), confirm. Nothing is written before the confirmation.</summary>
[Authorize(Policy = Policies.Imports)]
public sealed class ImportController(ImportService imports, PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock,
    AuditLog audit) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        UploadForm(await imports.AllowedLocationsAsync(cancellationToken));

    private ViewResult UploadForm(IReadOnlyList<(int Id, string Name)> locations)
    {
        ViewData["Locations"] = locations;
        ViewData["Today"] = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return View(nameof(Index));
    }

    /// <remarks>Large files are accepted up to the transport limit, so the user gets the Dutch size message, not a bare 413.</remarks>
    [HttpPost]
    [RequestSizeLimit(64 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? file, int? locationId, bool fullImport, DateOnly? leavingDate, CancellationToken cancellationToken)
    {
        var allowed = await imports.AllowedLocationsAsync(cancellationToken);
        string? problem = null;
        ImportTable? table = null;
        if (file is null || file.Length == 0)
        {
            problem = file is null ? "Kies een bestand." : "Het bestand is leeg.";
        }
        else if (file.Length > ImportFileReader.MaxBytes)
        {
            problem = $"Het bestand is te groot ({file.Length / 1024 / 1024} MB); de grens is {ImportFileReader.MaxBytes / 1024 / 1024} MB.";
        }
        else if (locationId is int chosen && allowed.All(l => l.Id != chosen))
        {
            problem = "Kies een locatie waarvoor je mag importeren.";
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            (table, problem) = ImportFileReader.Read(file.FileName, buffer.ToArray());
        }

        if (problem is not null || table is null)
        {
            ModelState.AddModelError(string.Empty, problem ?? "Het bestand kan niet worden gelezen.");
            return UploadForm(allowed);
        }

        var upload = new ImportUpload
        {
            UploadedById = currentStaff.UserId!,
            FileName = Path.GetFileName(file!.FileName),
            Table = table.ToJson(),
            LocationId = locationId,
            FullImport = fullImport,
            LeavingDate = leavingDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            UploadedAt = clock.GetUtcNow(),
        };
        db.ImportUploads.Add(upload);
        audit.Add(AuditAction.Create, "ImportUpload", upload.Id.ToString("N", CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Preview), new { id = upload.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Preview(Guid id, CancellationToken cancellationToken)
    {
        var upload = await LoadAsync(id, cancellationToken);
        if (upload is null)
        {
            return NotFound();
        }

        var (table, mapping, plan, problem) = await imports.PlanAsync(upload, cancellationToken);
        return View(new ImportPreview(upload, table, mapping, plan, problem));
    }

    [HttpPost]
    public async Task<IActionResult> Map(Guid id, List<ImportField> mapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var upload = await LoadAsync(id, cancellationToken);
        if (upload is null)
        {
            return NotFound();
        }

        upload.Mapping = string.Join('|', mapping);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction(nameof(Preview), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Confirm(Guid id, CancellationToken cancellationToken)
    {
        var upload = await LoadAsync(id, cancellationToken);
        if (upload is null)
        {
            return NotFound();
        }

        var (plan, problem) = await imports.ApplyAsync(upload, cancellationToken);
        if (problem is not null || plan is null)
        {
            TempData["Error"] = problem;
            return RedirectToAction(nameof(Preview), new { id });
        }

        TempData["Message"] = $"De import is verwerkt: {plan.Counts}.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken)
    {
        var upload = await LoadAsync(id, cancellationToken);
        if (upload is null)
        {
            return NotFound();
        }

        db.ImportUploads.Remove(upload);
        audit.Add(AuditAction.Delete, "ImportUpload", id.ToString("N", CultureInfo.InvariantCulture), null);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "De import is geannuleerd; er is niets veranderd.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>An upload belongs to whoever uploaded it; anyone else gets 404.</summary>
    private async Task<ImportUpload?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = currentStaff.UserId;
        return await db.ImportUploads.SingleOrDefaultAsync(u => u.Id == id && u.UploadedById == me, cancellationToken);
    }
}
