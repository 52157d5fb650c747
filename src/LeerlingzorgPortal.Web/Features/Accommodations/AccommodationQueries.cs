using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Accommodations;

public enum AccommodationState
{
    Current,
    Upcoming,
    Past,
    Withdrawn,
}

/// <summary>One accommodation on the pupil page. <see cref="Ground"/> and <see cref="GrantedBy"/> are null for the mentor.</summary>
public sealed record AccommodationRow(
    int Id,
    AccommodationKind Kind,
    string? Detail,
    string? Ground,
    DateOnly? StatementValidUntil,
    DateOnly ValidFrom,
    DateOnly ValidUntil,
    DateOnly LastDay,
    DateOnly? EndedOn,
    string? GrantedBy,
    AccommodationState State);

/// <summary>The section "Faciliteiten" of the pupil page.</summary>
public sealed record PupilAccommodations(int PupilId, int? MentorGroupId, bool MayHandle, IReadOnlyList<AccommodationRow> Rows);

/// <summary>What a teacher may know of one accommodation: what, and until when. Never why.</summary>
public sealed record TeacherAccommodation(AccommodationKind Kind, string? Detail, DateOnly Until);

/// <summary>The faciliteitenpas: one pupil's currently valid accommodations, for the pupil to show in class and at tests.</summary>
public sealed record AccommodationCard(
    int PupilId,
    string Board,
    string Location,
    string PupilName,
    string? MentorGroup,
    string SchoolYear,
    DateOnly Today,
    IReadOnlyList<TeacherAccommodation> Accommodations);

public sealed record GroupPupil(int PupilId, string PupilName, IReadOnlyList<TeacherAccommodation> Accommodations);

/// <summary>The overview for the teachers of one mentor group: pupils with their currently valid accommodations only.</summary>
public sealed record GroupOverview(
    int GroupId,
    string Group,
    string SchoolYear,
    string Board,
    string Location,
    DateOnly Today,
    int PupilCount,
    IReadOnlyList<GroupPupil> Pupils);

/// <summary>
/// What the accommodation screens read. The ground is care data: it is only selected for care staff who
/// may work with the pupil, and the teacher-facing pages (card and group overview) never select it at all.
/// </summary>
public sealed class AccommodationQueries(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <param name="mayHandle">Whether the user may work with the pupil as care staff: only then grounds and granters are read.</param>
    public async Task<PupilAccommodations> ForPupilAsync(int pupilId, bool mayHandle, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var mentorGroupId = await db.Pupils.Where(p => p.Id == pupilId).Select(p => p.MentorGroupId).SingleOrDefaultAsync(cancellationToken);
        var rows = await db.Accommodations.AsNoTracking()
            .Where(a => a.PupilId == pupilId)
            .Select(a => new
            {
                a.Id,
                a.Kind,
                a.Detail,
                Ground = mayHandle ? a.Ground : null,
                StatementValidUntil = mayHandle ? a.StatementValidUntil : null,
                a.ValidFrom,
                a.ValidUntil,
                a.EndedOn,
                GrantedBy = mayHandle ? db.StaffMembers.Where(s => s.Id == a.GrantedById).Select(s => s.DisplayName).FirstOrDefault() : null,
            })
            .ToListAsync(cancellationToken);
        var result = rows.Select(a =>
            {
                var lastDay = LastDay(a.ValidUntil, a.EndedOn);
                var state = a.EndedOn is not null && a.EndedOn <= today ? AccommodationState.Withdrawn
                    : lastDay < today ? AccommodationState.Past
                    : a.ValidFrom > today ? AccommodationState.Upcoming
                    : AccommodationState.Current;
                return new AccommodationRow(a.Id, a.Kind, a.Detail, a.Ground, a.StatementValidUntil, a.ValidFrom, a.ValidUntil, lastDay,
                    a.EndedOn, a.GrantedBy, state);
            })
            .OrderBy(r => r.State)
            .ThenBy(r => r.State is AccommodationState.Past or AccommodationState.Withdrawn ? -r.LastDay.DayNumber : r.ValidFrom.DayNumber)
            .ThenBy(r => r.Kind)
            .ToList();
        return new PupilAccommodations(pupilId, mentorGroupId, mayHandle, result);
    }

    /// <summary>The card of a pupil already loaded (with location, board and mentor group) and authorized.</summary>
    public async Task<AccommodationCard> CardAsync(Pupil pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        var today = Today;
        var accommodations = await CurrentFor([pupil.Id], today, cancellationToken);
        return new AccommodationCard(pupil.Id, pupil.Location!.Board?.Name ?? string.Empty, pupil.Location.Name, pupil.Name.FullName,
            pupil.MentorGroup?.Name, (pupil.MentorGroup?.SchoolYear ?? SchoolYear.Containing(today)).ToString(), today,
            accommodations.GetValueOrDefault(pupil.Id, []));
    }

    public Task<Pupil?> LoadPupilAsync(int id, CancellationToken cancellationToken = default) =>
        db.Pupils.AsNoTracking()
            .Include(p => p.Location).ThenInclude(l => l!.Board)
            .Include(p => p.MentorGroup)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>
    /// The group overview, or null when the group does not exist or is out of the user's reach: its mentors,
    /// care staff and coordinators of its location, and level c across the board.
    /// </summary>
    public async Task<GroupOverview?> GroupAsync(int groupId, CancellationToken cancellationToken = default)
    {
        var group = await db.MentorGroups.AsNoTracking()
            .Include(g => g.Location).ThenInclude(l => l!.Board)
            .SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null || !AccommodationAccess.OpensGroup(await currentStaff.GetScopeAsync(cancellationToken), group))
        {
            return null;
        }

        var today = Today;
        var pupils = await db.Pupils.AsNoTracking()
            .Where(p => p.MentorGroupId == groupId && (p.LeftOn == null || p.LeftOn > today))
            .Select(p => new { p.Id, p.Name.FirstName, p.Name.Prefix, p.Name.LastName })
            .ToListAsync(cancellationToken);
        var accommodations = await CurrentFor(pupils.Select(p => p.Id).ToList(), today, cancellationToken);
        var rows = pupils
            .Where(p => accommodations.ContainsKey(p.Id))
            .Select(p => (Pupil: p, Name: new PersonName(p.FirstName, p.Prefix, p.LastName)))
            .OrderBy(p => p.Name.SortName, StringComparer.Create(Shared.Dutch.Culture, ignoreCase: true))
            .Select(p => new GroupPupil(p.Pupil.Id, p.Name.FullName, accommodations[p.Pupil.Id]))
            .ToList();
        return new GroupOverview(group.Id, group.Name, group.SchoolYear.ToString(), group.Location!.Board?.Name ?? string.Empty,
            group.Location.Name, today, pupils.Count, rows);
    }

    /// <summary>The accommodations valid today per pupil: kind, detail and last day only.</summary>
    private async Task<Dictionary<int, IReadOnlyList<TeacherAccommodation>>> CurrentFor(List<int> pupilIds, DateOnly today,
        CancellationToken cancellationToken)
    {
        var rows = await db.Accommodations.AsNoTracking()
            .Where(a => pupilIds.Contains(a.PupilId))
            .Where(a => a.ValidFrom <= today && a.ValidUntil >= today && (a.EndedOn == null || a.EndedOn > today))
            .Select(a => new { a.PupilId, a.Kind, a.Detail, a.ValidUntil, a.EndedOn })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(a => a.PupilId).ToDictionary(g => g.Key, g => (IReadOnlyList<TeacherAccommodation>)g
            .OrderBy(a => a.Kind).ThenBy(a => a.Detail, StringComparer.Ordinal)
            .Select(a => new TeacherAccommodation(a.Kind, a.Detail, LastDay(a.ValidUntil, a.EndedOn)))
            .ToList());
    }

    private static DateOnly LastDay(DateOnly validUntil, DateOnly? endedOn) => Accommodation.LastDayOf(validUntil, endedOn);
}
