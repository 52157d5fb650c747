using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Referrals;

/// <summary>
/// The page of one referral, which is the care case once triaged. What it holds depends on the
/// permissions: the mentor's view has the status, the care worker, the agreements of
/// non-confidential notes and the mentor's own action items; care staff see the case work;
/// confidential notes only for the assigned care staff and the coordinator.
/// </summary>
public sealed record ReferralPage(
    int Id,
    Guid Version,
    int PupilId,
    string PupilName,
    string? MentorGroup,
    ReferralCategory Category,
    Urgency Urgency,
    ReferralStatus Status,
    string? Question,
    string? AlreadyTried,
    bool ParentsInformed,
    DateOnly? ParentsInformedOn,
    string ReferredBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    string? CareWorker,
    SupportLevel? SupportLevel,
    CaseOutcome? Outcome,
    string? EndNote,
    string? ReferredOutTo,
    ReferralPermissions Permissions,
    bool MayReassign,
    IReadOnlyList<TransitionLine> Transitions,
    IReadOnlyList<NoteLine> Notes,
    IReadOnlyList<ActionItemLine> ActionItems,
    IReadOnlyList<StaffOption> CareWorkers,
    IReadOnlyList<StaffOption> StaffAtLocation,
    PlanPermissions OnPlans,
    bool IsFlaggedForDiscussion,
    IReadOnlyList<PlanLine> Plans,
    IReadOnlyList<ClassroomMeasure> ClassroomMeasures,
    IReadOnlyList<Domain.Incidents.ExternalReferral> ExternalReferrals,
    IReadOnlyList<MeldcodeLine> MeldcodeTracks,
    bool MayStartMeldcode,
    DateOnly Today,
    IReadOnlyList<Agencies.AgencyOption>? KnownAgencies = null);

/// <summary>A meldcode track of this case, listed only for those who may see it.</summary>
public sealed record MeldcodeLine(int Id, int ReachedStep, bool Closed);

public sealed record PlanLine(int Id, string Title, PlanKind Kind, PlanStatus Status, int Version);

/// <summary>A measure of an active plan that teachers carry out in class: what the mentor reads of the plans.</summary>
public sealed record ClassroomMeasure(string PlanTitle, string What, string ByWhom, string HowOften, string? Duration);

public sealed record TransitionLine(ReferralStatus? From, ReferralStatus To, string By, DateTimeOffset At);

/// <param name="Summary">Null in the mentor's view, which shows only the agreements.</param>
public sealed record NoteLine(int Id, DateOnly Date, ContactParties With, string Author, string? Summary,
    string? Agreements, bool IsConfidential);

public sealed record ActionItemLine(int Id, string Description, string Owner, string OwnerId, DateOnly DueDate,
    ActionItemStatus Status, bool IsOverdue, bool MayComplete);

public sealed class ReferralPageQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff,
    StaffLookup staff, TimeProvider clock)
{
    public async Task<ReferralPage?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking()
            .Include(r => r.Pupil!).ThenInclude(p => p.MentorGroup)
            .Include(r => r.Transitions)
            .Include(r => r.Notes)
            .Include(r => r.ActionItems)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var permissions = await careAccess.PermissionsAsync(referral, cancellationToken);
        if (!permissions.CanRead)
        {
            return null;
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var me = scope.StaffMemberId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var names = await staff.NamesAsync(
            referral.Transitions.Select(t => t.ById)
                .Concat(referral.Notes.Select(n => n.AuthorId))
                .Concat(referral.ActionItems.Select(i => i.OwnerId))
                .Append(referral.ReferredById).Append(referral.AssignedCareWorkerId), cancellationToken);
        string Name(string? staffId) => staffId is not null && names.TryGetValue(staffId, out var n) ? n : "–";

        var notes = referral.Notes
            .Where(n => !n.IsConfidential || permissions.ReadsConfidential)
            .Where(n => permissions.SeesCaseWork || n.Agreements is not null)
            .OrderByDescending(n => n.Date).ThenByDescending(n => n.Id)
            .Select(n => new NoteLine(n.Id, n.Date, n.With, Name(n.AuthorId),
                permissions.SeesCaseWork ? n.Summary : null, n.Agreements, n.IsConfidential))
            .ToList();
        var items = referral.ActionItems
            .Where(i => permissions.SeesCaseWork || i.OwnerId == me)
            .OrderBy(i => i.Status).ThenBy(i => i.DueDate)
            .Select(i => new ActionItemLine(i.Id, i.Description, Name(i.OwnerId), i.OwnerId, i.DueDate, i.Status,
                i.IsOverdueOn(today), i.OwnerId == me || permissions.CanWork))
            .ToList();
        var mayReassign = permissions.CanWork
                          && (scope.Has(Domain.Organisation.StaffRole.Coordinator) || scope.Has(Domain.Organisation.StaffRole.CareWorkerC));
        var careWorkers = permissions.CanTriage || mayReassign
            ? await staff.CareWorkersForAsync(referral.LocationId, cancellationToken)
            : [];
        var staffHere = permissions.CanWork ? await staff.StaffAtAsync(referral.LocationId, cancellationToken) : [];

        var onPlans = PlanAccess.For(scope, permissions);
        var plans = onPlans.ReadsPlans || onPlans.ReadsClassroomMeasures
            ? await db.CarePlans.AsNoTracking().Where(p => p.ReferralId == referral.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken)
            : [];
        var planLines = onPlans.ReadsPlans
            ? plans.Select(p => new PlanLine(p.Id, p.Content.Title, p.Kind, p.Status, p.VersionNumber)).ToList()
            : [];
        var classroom = plans.Where(p => p.Status is PlanStatus.Active or PlanStatus.Evaluated)
            .SelectMany(p => p.Content.Measures.Where(m => m.ForClassroom)
                .Select(m => new ClassroomMeasure(p.Content.Title, m.What, m.ByWhom, m.HowOften, m.Duration)))
            .ToList();

        var externals = permissions.SeesCaseWork
            ? await db.ExternalReferrals.AsNoTracking().Where(e => e.ReferralId == referral.Id).OrderByDescending(e => e.SentOn).ToListAsync(cancellationToken)
            : [];
        var knownAgencies = permissions.SeesCaseWork
            ? await db.ExternalOrganisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
                .Select(o => new Agencies.AgencyOption(o.Id, o.Name, o.Kind, o.HowToRefer != null)).ToListAsync(cancellationToken)
            : [];
        var tracks = (await db.MeldcodeTracks.AsNoTracking().Include(t => t.Members).Include(t => t.Entries)
                .Where(t => t.ReferralId == referral.Id).ToListAsync(cancellationToken))
            .Where(t => IncidentAccess.SeesMeldcodeTrack(scope, t))
            .Select(t => new MeldcodeLine(t.Id, t.ReachedStep, t.IsClosed)).ToList();
        var mayStartMeldcode = permissions.CanWork && (scope.Has(Domain.Organisation.StaffRole.Coordinator) || scope.WorksWithPupilsOfOwnLocations
                                                       || scope.WorksAcrossBoard);

        var pupil = referral.Pupil!;
        return new ReferralPage(referral.Id, referral.Version, pupil.Id, pupil.Name.FullName, pupil.MentorGroup?.Name,
            referral.Category, referral.Urgency, referral.Status, referral.Question, referral.AlreadyTried,
            referral.ParentsInformed, referral.ParentsInformedOn,
            referral.Source == ReferralSource.WarmHandover ? $"warme overdracht, vastgelegd door {Name(referral.ReferredById)}" : Name(referral.ReferredById),
            referral.CreatedAt,
            referral.SubmittedAt, referral.AssignedCareWorkerId is null ? null : Name(referral.AssignedCareWorkerId),
            referral.SupportLevel, referral.Outcome, referral.EndNote, referral.ReferredOutTo, permissions, mayReassign,
            referral.Transitions.OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new TransitionLine(t.From, t.To, Name(t.ById), t.At)).ToList(),
            notes, items, careWorkers, staffHere, onPlans, referral.IsFlaggedForDiscussion, planLines, classroom, externals, tracks,
            mayStartMeldcode, today, knownAgencies);
    }
}
