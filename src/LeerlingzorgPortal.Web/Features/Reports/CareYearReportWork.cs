using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>Saves the coordinator's text sections of a zorgjaarverslag, with a version check.</summary>
public sealed class CareYearReportWork(PortalDbContext db, CurrentStaff currentStaff, AuditLog audit, TimeProvider clock,
    ILogger<CareYearReportWork> logger)
{
    private const string ConflictMessage =
        "Iemand anders heeft dit jaarverslag net opgeslagen. Je tekst staat hieronder nog; lees de nieuwe versie na en sla opnieuw op.";

    public async Task<CommandResult> SaveAsync(int locationId, SchoolYear year, CareYearReportForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var report = await db.CareYearReports
            .SingleOrDefaultAsync(r => r.LocationId == locationId && r.SchoolYearStart == year.StartYear, cancellationToken);
        var seen = form.ConcurrencyToken;
        if (report is null && seen != Guid.Empty || report is not null && report.Version != seen)
        {
            return CommandResult.Conflict(ConflictMessage);
        }

        try
        {
            if (report is null)
            {
                report = new CareYearReport(locationId, year);
                db.CareYearReports.Add(report);
            }
            else
            {
                // The token the user saw is the original value, so the UPDATE checks it in the database too.
                db.Entry(report).Property(r => r.Version).OriginalValue = seen;
            }

            report.Write(form.ToText(), currentStaff.UserId!, clock.GetUtcNow());
            audit.Add(AuditAction.Update, nameof(CareYearReport), $"{locationId}:{year.StartYear}", null);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Care year report of location {LocationId} for {SchoolYear} saved", locationId, year.StartYear);
            return CommandResult.Done;
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid(e.Message);
        }
        catch (DbUpdateException)
        {
            // A concurrency failure, or two first saves at once meeting on the unique (location, year) index.
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(ConflictMessage);
        }
    }
}
