using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Web.Features.CarePlans;
using LeerlingzorgPortal.Web.Features.Cases.ActionItems;
using LeerlingzorgPortal.Web.Features.Cases.CaseWork;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Cases.Triage;
using LeerlingzorgPortal.Web.Features.Meetings;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Security;
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

public sealed class CareDashboardQuery(
    PortalDbContext db,
    CurrentStaff currentStaff,
    ReferralListQuery referrals,
    CaseListQuery cases,
    TriageQueueQuery queue,
    PlanSignalsQuery planSignals,
    MeetingRemindersQuery meetings,
    IOptions<CareOptions> options)
{
    private const int Shown = 5;

    /// <param name="overview">
    /// The page's first part: the counts, the user's own small lists and the coordinator's caseload per care worker.
    /// </param>
    public async Task<CareDashboard> HandleAsync(HomeOverview overview, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var isCoordinator = scope.Has(Domain.Organisation.StaffRole.Coordinator);
        var isCareWorker = scope.IsCareWorker;

        // The counts (open action items, the coordinator's intake queue) came with the overview's first command, the
        // first unread notifications, open action items and late feedback with its second; the lists below fetch
        // their first rows only.
        var unread = overview.Lists.Unread;
        var items = overview.Lists.MyActionItems;
        var myReferrals = scope.Has(Domain.Organisation.StaffRole.Mentor)
            ? await referrals.MineFirstAsync(10, cancellationToken)
            : null;
        var myCases = isCareWorker
            ? await cases.FirstPageAsync(onlyMine: true, extra: null, cancellationToken)
            : null;
        var coordinator = isCoordinator
            ? await CoordinatorAsync(overview, cancellationToken)
            : null;
        // The coordinator sees the OPP signals of every case they oversee; a care worker those they are responsible for.
        var signals = coordinator is not null || isCareWorker
            ? await planSignals.HandleAsync(onlyMine: coordinator is null, cancellationToken)
            : null;
        return new CareDashboard(unread, items, overview.OpenActionItems, myReferrals, myCases, coordinator, signals,
            await meetings.HandleAsync(cancellationToken), overview.Lists.OverdueFeedback);
    }

    private async Task<CoordinatorOverview> CoordinatorAsync(HomeOverview overview, CancellationToken cancellationToken)
    {
        var staleAfter = options.Value.StaleAfterDays;

        // The case list sorts the longest without contact first, so its first page holds the stalest cases;
        // that page, the first page of the cases without an active care worker and the first rows of the
        // intake queue come in one command.
        var (firstPage, withoutWorker, waiting) = await cases.FirstPagesAsync(
            r => !db.StaffMembers.Any(s => s.Id == r.AssignedCareWorkerId && s.IsActive), queue, Shown, cancellationToken);
        var stale = firstPage.Where(c => c.IsStale).ToList();

        // Caseload and overdue action items per care worker came with the overview's command.
        var perWorker = overview.Caseload;
        static string Name(WorkerLoad w) => w.WorkerId is not null && w.Name is not null ? w.Name : "Niemand";

        return new CoordinatorOverview(overview.QueueCount, waiting, withoutWorker, stale,
            perWorker.Where(o => o.Overdue > 0).Select(o => new WorkerCount(Name(o), o.Overdue)).OrderByDescending(o => o.Count).ToList(),
            perWorker.Select(c => new WorkerCount(Name(c), c.Cases)).OrderByDescending(c => c.Count).ToList(),
            staleAfter);
    }
}
