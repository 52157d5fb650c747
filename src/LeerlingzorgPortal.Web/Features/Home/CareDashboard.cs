using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.ActionItems;
using LeerlingzorgPortal.Web.Features.CareCases;
using LeerlingzorgPortal.Web.Features.CarePlans;
using LeerlingzorgPortal.Web.Features.Meetings;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Referrals;
using LeerlingzorgPortal.Web.Features.Triage;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Features.Home;

public sealed record WorkerCount(string Name, int Count);

public sealed record CoordinatorOverview(
    int QueueCount,
    IReadOnlyList<QueueRow> Queue,
    IReadOnlyList<CaseRow> WithoutActiveWorker,
    IReadOnlyList<CaseRow> Stale,
    IReadOnlyList<WorkerCount> OverduePerWorker,
    IReadOnlyList<WorkerCount> Caseload,
    int StaleAfterDays);

/// <summary>What each role's home page shows of the care work: the user's own work first.</summary>
public sealed record CareDashboard(
    IReadOnlyList<NotificationRow> Unread,
    IReadOnlyList<MyActionItem> MyActionItems,
    int MyOpenActionItems,
    IReadOnlyList<ReferralRow>? MyReferrals,
    IReadOnlyList<CaseRow>? MyCases,
    CoordinatorOverview? Coordinator,
    IReadOnlyList<PlanSignal>? PlanSignals,
    IReadOnlyList<MeetingReminder> Meetings,
    IReadOnlyList<OverdueFeedback> OverdueFeedback);

/// <summary>An external referral whose feedback is late: signalled like an overdue action item.</summary>
public sealed record OverdueFeedback(int ReferralId, string PupilName, string Agency, DateOnly ExpectedOn);

public sealed class CareDashboardQuery(
    PortalDbContext db,
    CurrentStaff currentStaff,
    CareAccess careAccess,
    MyActionItemsQuery actionItems,
    NotificationListQuery notifications,
    ReferralListQuery referrals,
    CaseListQuery cases,
    TriageQueueQuery queue,
    PlanSignalsQuery planSignals,
    MeetingRemindersQuery meetings,
    TimeProvider clock,
    IOptions<CareOptions> options)
{
    private const int Shown = 5;

    public async Task<CareDashboard> HandleAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var unread = await notifications.HandleAsync(1, Shown, onlyUnread: true, cancellationToken);
        var items = await actionItems.HandleAsync(done: false, 1, Shown, cancellationToken);
        var myReferrals = scope.Has(Domain.Organisation.StaffRole.Mentor)
            ? (await referrals.HandleAsync(null, onlyMine: true, 1, cancellationToken)).Referrals.Items.Take(10).ToList()
            : null;
        var isCareWorker = scope.Has(Domain.Organisation.StaffRole.CareWorkerA) || scope.Has(Domain.Organisation.StaffRole.CareWorkerB)
                           || scope.Has(Domain.Organisation.StaffRole.CareWorkerC);
        var myCases = isCareWorker
            ? (await cases.HandleAsync(closed: false, onlyMine: true, 1, cancellationToken)).Cases.Items.ToList()
            : null;
        var coordinator = scope.Has(Domain.Organisation.StaffRole.Coordinator)
            ? await CoordinatorAsync(cancellationToken)
            : null;
        // The coordinator sees the OPP signals of every case they oversee; a care worker those they are responsible for.
        var signals = coordinator is not null || isCareWorker
            ? await planSignals.HandleAsync(onlyMine: coordinator is null, cancellationToken)
            : null;
        var feedback = coordinator is not null || isCareWorker
            ? await OverdueFeedbackAsync(onlyMine: coordinator is null, cancellationToken)
            : [];
        return new CareDashboard(unread.Items, items.Items, items.TotalCount, myReferrals, myCases, coordinator, signals,
            await meetings.HandleAsync(cancellationToken), feedback);
    }

    private async Task<IReadOnlyList<OverdueFeedback>> OverdueFeedbackAsync(bool onlyMine, CancellationToken cancellationToken)
    {
        var me = currentStaff.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var readable = db.Referrals.Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => !onlyMine || r.AssignedCareWorkerId == me);
        var rows = await db.ExternalReferrals.AsNoTracking()
            .Where(e => readable.Any(r => r.Id == e.ReferralId))
            .Where(e => e.FeedbackReceivedOn == null && e.ExpectedFeedbackOn != null && e.ExpectedFeedbackOn < today
                        && e.Status != Domain.Incidents.ExternalReferralStatus.Finished && e.Status != Domain.Incidents.ExternalReferralStatus.Declined)
            .Select(e => new { e.ReferralId, e.AgencyName, e.ExpectedFeedbackOn, Pupil = db.Pupils.Where(p => p.Id == e.PupilId)
                .Select(p => new { p.Name.FirstName, p.Name.Prefix, p.Name.LastName }).First() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OverdueFeedback(r.ReferralId, ReferralListQuery.FullName(r.Pupil.FirstName, r.Pupil.Prefix, r.Pupil.LastName),
            r.AgencyName, r.ExpectedFeedbackOn!.Value)).ToList();
    }

    private async Task<CoordinatorOverview> CoordinatorAsync(CancellationToken cancellationToken)
    {
        var waiting = await queue.HandleAsync(1, Shown, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var staleAfter = options.Value.StaleAfterDays;
        var open = db.Referrals.AsNoTracking()
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress);

        // The case list sorts the longest without contact first, so its first page holds the stalest cases.
        var stale = (await cases.HandleAsync(closed: false, onlyMine: false, 1, cancellationToken)).Cases.Items
            .Where(c => c.IsStale).ToList();
        var withoutWorker = (await cases.HandleAsync(closed: false, onlyMine: false, 1,
                r => !db.StaffMembers.Any(s => s.Id == r.AssignedCareWorkerId && s.IsActive), cancellationToken))
            .Cases.Items;

        var caseload = await open
            .GroupBy(r => r.AssignedCareWorkerId)
            .Select(g => new { WorkerId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdue = await db.ActionItems.AsNoTracking()
            .Where(i => i.Status == ActionItemStatus.Open && i.DueDate < today && open.Any(r => r.Id == i.ReferralId))
            .GroupBy(i => i.Referral!.AssignedCareWorkerId)
            .Select(g => new { WorkerId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ids = caseload.Select(c => c.WorkerId).Concat(overdue.Select(o => o.WorkerId)).OfType<string>().Distinct().ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        string Name(string? id) => id is not null && names.TryGetValue(id, out var n) ? n : "Niemand";

        return new CoordinatorOverview(waiting.TotalCount, waiting.Items, withoutWorker, stale,
            overdue.Select(o => new WorkerCount(Name(o.WorkerId), o.Count)).OrderByDescending(o => o.Count).ToList(),
            caseload.Select(c => new WorkerCount(Name(c.WorkerId), c.Count)).OrderByDescending(c => c.Count).ToList(),
            staleAfter);
    }
}
