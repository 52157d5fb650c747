using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Meetings;
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
        var coordinatorOf = LocationAccess.CoordinatedLocations(scope);
        // One command: the meetings, each with its partner kinds (one joined string) and, as the query's only
        // collection, its agenda items with the pupil's date of birth and consents (nested, so not multiplied).
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= now && m.StartsAt <= until)
            .Where(m => coordinatorOf.Contains(m.LocationId) || m.ChairId == me || m.MinuteTakerId == me || m.Staff.Any(s => s.StaffMemberId == me))
            .OrderBy(m => m.StartsAt)
            .Select(m => new
            {
                m.Id,
                m.Type,
                m.StartsAt,
                m.LocationId,
                Partners = string.Join(",", m.Externals.Select(e => e.Kind.ToString())),
                Agenda = m.Agenda.Select(a => new
                {
                    WithoutQuestion = a.Question == null,
                    DateOfBirth = db.Pupils.Where(p => p.Id == a.PupilId).Select(p => p.DateOfBirth).First(),
                    Consents = db.PupilConsents.Where(c => c.PupilId == a.PupilId).ToList(),
                }).ToList(),
            })
            .AsSingleQuery()
            .ToListAsync(cancellationToken);

        return meetings.Select(m =>
        {
            string? problem = null;
            if (coordinatorOf.Contains(m.LocationId))
            {
                var partners = PartnerKindsOf(m.Partners);
                var date = DateOnly.FromDateTime(m.StartsAt.UtcDateTime);
                var withoutConsent = m.Agenda.Count(a => !MeetingConsent.Check(a.DateOfBirth, a.Consents, m.Type, partners, date).Covered);
                var withoutQuestion = m.Agenda.Count(a => a.WithoutQuestion);
                problem = m.Agenda.Count == 0 ? "nog geen agendapunten"
                    : withoutConsent > 0 ? $"{withoutConsent} agendapunt(en) zonder geldige toestemming"
                    : withoutQuestion > 0 ? $"{withoutQuestion} agendapunt(en) zonder vraag"
                    : null;
            }

            return new MeetingReminder(m.Id, m.Type, m.StartsAt, problem);
        }).ToList();
    }

    /// <summary>The distinct partner kinds of a meeting's externals, as <see cref="Meeting.PartnerKinds"/> gives them.</summary>
    private static List<PartnerKind> PartnerKindsOf(string? joined) =>
        string.IsNullOrEmpty(joined)
            ? []
            : joined.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<PartnerKind>).Distinct().ToList();
}
