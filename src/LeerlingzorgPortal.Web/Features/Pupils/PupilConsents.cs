using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Pupils;

/// <summary>A pupil's consents for meetings with externals, newest first.</summary>
public sealed class PupilConsentsQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<PupilConsent>> HandleAsync(int pupilId, CancellationToken cancellationToken = default) =>
        await db.PupilConsents.AsNoTracking().Where(c => c.PupilId == pupilId).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
}
