using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Meetings;

public sealed record MeetingReminder(int Id, MeetingType Type, DateTimeOffset StartsAt, string? Problem);

/// <summary>
/// Upcoming meetings for the home page: the ones the user takes part in, and for the coordinator
/// the meetings at their locations whose agenda lacks consent or preparation.
/// </summary>
public sealed class MeetingRemindersQuery(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock)
{
    public const int DaysAhead = 21;

    public async Task<IReadOnlyList<MeetingReminder>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var me = scope.StaffMemberId;
        var now = clock.GetUtcNow();
        var until = now.AddDays(DaysAhead);
        var coordinatorOf = scope.Has(Domain.Organisation.StaffRole.Coordinator) ? scope.LocationIds.ToList() : [];
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Agenda).Include(m => m.Externals)
            .Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= now && m.StartsAt <= until)
            .Where(m => coordinatorOf.Contains(m.LocationId) || m.ChairId == me || m.MinuteTakerId == me || m.Staff.Any(s => s.StaffMemberId == me))
            .OrderBy(m => m.StartsAt)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var pupilIds = meetings.SelectMany(m => m.Agenda.Select(a => a.PupilId)).Distinct().ToList();
        // Date of birth and consents of the pupils on the agendas in one command.
        var pupils = await db.Pupils.AsNoTracking().Where(p => pupilIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DateOfBirth, Consents = db.PupilConsents.Where(c => c.PupilId == p.Id).ToList() })
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        return meetings.Select(m =>
        {
            string? problem = null;
            if (coordinatorOf.Contains(m.LocationId))
            {
                var withoutConsent = m.Agenda.Count(a => !MeetingConsent.Check(pupils[a.PupilId].DateOfBirth, pupils[a.PupilId].Consents,
                    m.Type, m.PartnerKinds, m.Date).Covered);
                var withoutQuestion = m.Agenda.Count(a => a.Question is null);
                problem = m.Agenda.Count == 0 ? "nog geen agendapunten"
                    : withoutConsent > 0 ? $"{withoutConsent} agendapunt(en) zonder geldige toestemming"
                    : withoutQuestion > 0 ? $"{withoutQuestion} agendapunt(en) zonder vraag"
                    : null;
            }

            return new MeetingReminder(m.Id, m.Type, m.StartsAt, problem);
        }).ToList();
    }
}
