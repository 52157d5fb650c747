using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Interventions;

/// <summary>Which interventions the catalogue lists: those in use (the default), those taken out of use, or all.</summary>
public enum InterventionState
{
    Active,
    Inactive,
    All,
}

public sealed record InterventionLine(int Id, string Name, SupportLevel SupportLevel, string TargetGroup, string Provider, string Period,
    int Capacity, int Participants, int Waiting, bool IsActive);

public sealed record InterventionListPage(SupportLevel? Level, InterventionState State, PagedList<InterventionLine> Interventions);

/// <summary>The catalogue (zorgaanbod): every signed-in member of staff reads it; counts only, no pupils.</summary>
public sealed class InterventionListQuery(PortalDbContext db)
{
    public const int PageSize = 20;

    public async Task<InterventionListPage> HandleAsync(SupportLevel? level, InterventionState state, int? page,
        CancellationToken cancellationToken = default)
    {
        var query = db.Interventions.AsNoTracking();
        if (level is { } wanted)
        {
            query = query.Where(i => i.SupportLevel == wanted);
        }

        query = state switch
        {
            InterventionState.Active => query.Where(i => i.IsActive),
            InterventionState.Inactive => query.Where(i => !i.IsActive),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var lines = await query.OrderBy(i => i.Name)
            .Skip((current - 1) * PageSize).Take(PageSize)
            .Select(i => new InterventionLine(i.Id, i.Name, i.SupportLevel, i.TargetGroup, i.Provider, i.Period, i.Capacity,
                i.Enrolments.Count(e => e.Status == EnrolmentStatus.Participating),
                i.Enrolments.Count(e => e.Status == EnrolmentStatus.Waiting), i.IsActive))
            .ToListAsync(cancellationToken);
        return new InterventionListPage(level, state, new PagedList<InterventionLine>(lines, current, PageSize, total));
    }
}

/// <param name="Position">The place on the waiting list (1 is next); 0 for participants and past enrolments.</param>
public sealed record EnrolmentLine(int Id, int PupilId, string PupilName, string? MentorGroup, int? ReferralId, EnrolmentStatus Status,
    DateTimeOffset RequestedAt, DateOnly? StartOn, DateOnly? EndOn, string? Outcome, int Position);

/// <summary>
/// One intervention with its participants and waiting list. Pupils are named only for care staff and
/// coordinators who may work with them; everyone else sees the counts.
/// </summary>
public sealed record InterventionPage(
    int Id,
    Guid Version,
    string Name,
    string Description,
    string TargetGroup,
    string Provider,
    SupportLevel SupportLevel,
    int Capacity,
    string Period,
    bool IsActive,
    int ParticipantCount,
    int WaitingCount,
    int FreePlaces,
    bool SeesPupils,
    IReadOnlyList<EnrolmentLine> Participants,
    IReadOnlyList<EnrolmentLine> WaitingList,
    IReadOnlyList<EnrolmentLine> Past,
    DateOnly Today)
{
    /// <summary>The pupils named on the page: each is a read of their dossier, for the audit log.</summary>
    public IEnumerable<int> NamedPupilIds => Participants.Concat(WaitingList).Concat(Past).Select(e => e.PupilId).Distinct();
}

public sealed class InterventionPageQuery(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock)
{
    /// <summary>How many finished or withdrawn enrolments the page lists.</summary>
    public const int PastShown = 25;

    public async Task<InterventionPage?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var intervention = await db.Interventions.AsNoTracking().Include(i => i.Enrolments)
            .SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (intervention is null)
        {
            return null;
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var seesPupils = scope.WorksWithPupilsOfOwnLocations || scope.WorksAcrossBoard;
        var pupilIds = intervention.Enrolments.Select(e => e.PupilId).Distinct().ToList();
        var pupils = seesPupils && pupilIds.Count > 0
            ? await db.Pupils.AsNoTracking().Where(p => pupilIds.Contains(p.Id)).Where(PupilAccess.ReadableBy(scope))
                .Select(p => new { p.Id, p.Name.FirstName, p.Name.Prefix, p.Name.LastName, Group = p.MentorGroup!.Name })
                .ToDictionaryAsync(p => p.Id, cancellationToken)
            : [];

        List<EnrolmentLine> Lines(IEnumerable<Enrolment> enrolments, bool numbered) => enrolments
            .Select((e, index) => (e, index))
            .Where(x => pupils.ContainsKey(x.e.PupilId))
            .Select(x =>
            {
                var pupil = pupils[x.e.PupilId];
                return new EnrolmentLine(x.e.Id, x.e.PupilId, new Domain.Organisation.PersonName(pupil.FirstName, pupil.Prefix, pupil.LastName).FullName,
                    pupil.Group, x.e.ReferralId, x.e.Status, x.e.RequestedAt, x.e.StartOn, x.e.EndOn, x.e.Outcome, numbered ? x.index + 1 : 0);
            })
            .ToList();

        var participants = intervention.Enrolments.Where(e => e.Status == EnrolmentStatus.Participating)
            .OrderBy(e => e.StartOn).ThenBy(e => e.Id);
        var past = intervention.Enrolments.Where(e => !e.IsOpen)
            .OrderByDescending(e => e.EndOn).ThenByDescending(e => e.Id).Take(PastShown);
        return new InterventionPage(intervention.Id, intervention.Version, intervention.Name, intervention.Description,
            intervention.TargetGroup, intervention.Provider, intervention.SupportLevel, intervention.Capacity, intervention.Period,
            intervention.IsActive, intervention.ParticipantCount, intervention.WaitingList.Count, intervention.FreePlaces, seesPupils,
            Lines(participants, numbered: false), Lines(intervention.WaitingList, numbered: true), Lines(past, numbered: false),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
