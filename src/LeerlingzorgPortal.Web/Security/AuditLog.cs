using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Data;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>Writes who read or changed what. Every read of a pupil's dossier goes through here.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, CurrentStaff currentStaff,
    IHttpContextAccessor httpContextAccessor)
{
    /// <summary>
    /// Records a sign-in event, for which nobody (or not yet the right person) is signed in: the account
    /// concerned (or <see cref="AuditEntryAccounts.Unknown"/>) and the client address; never what was typed.
    /// </summary>
    public async Task RecordAccountEventAsync(AuditAction action, string? accountId, string? detail = null,
        CancellationToken cancellationToken = default)
    {
        var userId = accountId ?? AuditEntryAccounts.Unknown;
        var address = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "onbekend";
        var entry = new AuditEntry(clock.GetUtcNow(), userId, action, "Account", userId, pupilId: null)
            .WithDetail(detail is null ? $"adres {address}" : $"{detail}; adres {address}");
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordAsync(AuditAction action, string subjectType, string subjectId, int? pupilId,
        CancellationToken cancellationToken = default)
    {
        Add(action, subjectType, subjectId, pupilId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the line to the unit of work, so it is saved together with the change it describes.</summary>
    public void Add(AuditAction action, string subjectType, string subjectId, int? pupilId, string? detail = null)
    {
        var userId = currentStaff.UserId
                     ?? throw new InvalidOperationException("Audit needs a signed-in user.");
        var entry = new AuditEntry(clock.GetUtcNow(), userId, action, subjectType, subjectId, pupilId);
        db.AuditEntries.Add(detail is null ? entry : entry.WithDetail(detail));
    }
}
