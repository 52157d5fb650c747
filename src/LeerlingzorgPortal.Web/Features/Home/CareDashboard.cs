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
    ReferralListQuery referrals,
    CaseListQuery cases,
    MyActionItemsQuery myItems,
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
        var me = currentStaff.UserId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var isCoordinator = scope.Has(Domain.Organisation.StaffRole.Coordinator);
        var isCareWorker = scope.Has(Domain.Organisation.StaffRole.CareWorkerA) || scope.Has(Domain.Organisation.StaffRole.CareWorkerB)
                           || scope.Has(Domain.Organisation.StaffRole.CareWorkerC);
        var readable = db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken));

        // The page's counts in one command, anchored on the user's own staff row: the open action items and,
        // for the coordinator, the intake queue. The lists below fetch their first rows only, without a count.
        var submitted = readable.Where(r => r.Status == ReferralStatus.Submitted);
        var counts = await db.StaffMembers.AsNoTracking().Where(s => s.Id == me)
            .Select(s => new
            {
                OpenItems = db.ActionItems.Count(i => i.OwnerId == me && i.Status == ActionItemStatus.Open),
                Queue = isCoordinator ? submitted.Count() : 0,
            })
            .FirstOrDefaultAsync(cancellationToken);

        var unread = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == me && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Shown)
            .Select(n => new NotificationRow(n.Id, n.Message, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        var items = await myItems.FirstOpenAsync(Shown, cancellationToken);
        var myReferrals = scope.Has(Domain.Organisation.StaffRole.Mentor)
            ? await referrals.MineFirstAsync(10, cancellationToken)
            : null;
        var myCases = isCareWorker
            ? await cases.FirstPageAsync(onlyMine: true, extra: null, cancellationToken)
            : null;
        var coordinator = isCoordinator
            ? await CoordinatorAsync(counts?.Queue ?? 0, today, readable, cancellationToken)
            : null;
        // The coordinator sees the OPP signals of every case they oversee; a care worker those they are responsible for.
        var signals = coordinator is not null || isCareWorker
            ? await planSignals.HandleAsync(onlyMine: coordinator is null, cancellationToken)
            : null;
        var feedback = coordinator is not null || isCareWorker
            ? await OverdueFeedbackAsync(onlyMine: coordinator is null, cancellationToken)
            : [];
        return new CareDashboard(unread, items, counts?.OpenItems ?? 0, myReferrals, myCases, coordinator, signals,
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

    private async Task<CoordinatorOverview> CoordinatorAsync(int queueCount, DateOnly today, IQueryable<Referral> readable,
        CancellationToken cancellationToken)
    {
        var waiting = await queue.FirstRowsAsync(Shown, cancellationToken);
        var staleAfter = options.Value.StaleAfterDays;

        // The case list sorts the longest without contact first, so its first page holds the stalest cases.
        var stale = (await cases.FirstPageAsync(onlyMine: false, extra: null, cancellationToken)).Where(c => c.IsStale).ToList();
        var withoutWorker = await cases.FirstPageAsync(onlyMine: false,
            r => !db.StaffMembers.Any(s => s.Id == r.AssignedCareWorkerId && s.IsActive), cancellationToken);

        // Caseload and overdue action items per care worker in one GROUP BY over the open cases, with the name.
        var perWorker = await readable
            .Where(r => r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress)
            .Select(r => new
            {
                r.AssignedCareWorkerId,
                Overdue = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open && i.DueDate < today),
            })
            .GroupBy(r => r.AssignedCareWorkerId)
            .Select(g => new { WorkerId = g.Key, Count = g.Count(), Overdue = g.Sum(r => r.Overdue) })
            .ToListAsync(cancellationToken);
        var ids = perWorker.Select(c => c.WorkerId).OfType<string>().ToList();
        var names = await db.StaffMembers.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);
        string Name(string? id) => id is not null && names.TryGetValue(id, out var n) ? n : "Niemand";

        return new CoordinatorOverview(queueCount, waiting, withoutWorker, stale,
            perWorker.Where(o => o.Overdue > 0).Select(o => new WorkerCount(Name(o.WorkerId), o.Overdue)).OrderByDescending(o => o.Count).ToList(),
            perWorker.Select(c => new WorkerCount(Name(c.WorkerId), c.Count)).OrderByDescending(c => c.Count).ToList(),
            staleAfter);
    }
}
