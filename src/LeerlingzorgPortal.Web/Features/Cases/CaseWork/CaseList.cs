using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Cases.Triage;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

public sealed record CaseRow(int Id, int PupilId, string PupilName, string? MentorGroup, ReferralStatus Status, string? CareWorker,
    SupportLevel? SupportLevel, DateOnly? LastContact, int OpenItems, int OverdueItems, bool IsStale);

public sealed record CaseListPage(bool Closed, bool OnlyMine, int StaleAfterDays, PagedList<CaseRow> Cases);

/// <summary>
/// Care cases the user may read: open ones by default, the user's own or all they may see, with the
/// date of the last contact and the open and overdue action items.
/// </summary>
public sealed class CaseListQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<CareOptions> options)
{
    public const int PageSize = 25;

    public async Task<CaseListPage> HandleAsync(bool closed, bool onlyMine, int? page, CancellationToken cancellationToken = default) =>
        await HandleAsync(closed, onlyMine, page, extra: null, cancellationToken);

    /// <param name="extra">A further filter, for the coordinator's signals (cases without an active care worker).</param>
    public async Task<CaseListPage> HandleAsync(bool closed, bool onlyMine, int? page,
        System.Linq.Expressions.Expression<Func<Referral, bool>>? extra, CancellationToken cancellationToken = default)
    {
        var query = await FilterAsync(closed, onlyMine, extra, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var current = Paging.Clamp(page, total, PageSize);
        var items = await RowsAsync(query, closed, (current - 1) * PageSize, cancellationToken);
        return new CaseListPage(closed, onlyMine, options.Value.StaleAfterDays, new PagedList<CaseRow>(items, current, PageSize, total));
    }

    /// <summary>
    /// The first page of open cases without counting them all: for the home page, which shows the rows
    /// only. The same filter and order as <see cref="HandleAsync(bool, bool, int?, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<CaseRow>> FirstPageAsync(bool onlyMine,
        System.Linq.Expressions.Expression<Func<Referral, bool>>? extra, CancellationToken cancellationToken = default) =>
        await RowsAsync(await FilterAsync(closed: false, onlyMine, extra, cancellationToken), closed: false, skip: 0, cancellationToken);

    /// <summary>
    /// The coordinator's first pages in one command (UNION ALL): the first page of all open cases
    /// (<see cref="FirstPageAsync"/> without a filter), the first page of those that match <paramref name="extra"/>,
    /// each in the case list's order, and the first rows of the intake queue (<see cref="TriageQueueQuery.FirstAsync"/>).
    /// </summary>
    public async Task<(IReadOnlyList<CaseRow> All, IReadOnlyList<CaseRow> Matching, IReadOnlyList<QueueRow> Queue)> FirstPagesAsync(
        System.Linq.Expressions.Expression<Func<Referral, bool>> extra, TriageQueueQuery queue, int queueRows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var all = await FilterAsync(closed: false, onlyMine: false, extra: null, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await Page(Project(all, 0, today), 0)
            .Concat(Page(Project(all.Where(extra), 1, today), 0))
            .Concat(Project(await queue.FirstAsync(queueRows, cancellationToken), 2, today))
            .ToListAsync(cancellationToken);
        var waiting = rows.Where(r => r.Part == 2)
            .Select(r => queue.Row(r.Id, r.FirstName, r.Prefix, r.LastName, r.MentorGroup, r.Location, r.Category, r.Urgency,
                r.SubmittedAt!.Value, r.ReferredBy, r.Source));
        return (Rows(rows.Where(r => r.Part == 0), closed: false), Rows(rows.Where(r => r.Part == 1), closed: false),
            TriageQueueQuery.InOrder(waiting).ToList());
    }

    private async Task<IQueryable<Referral>> FilterAsync(bool closed, bool onlyMine,
        System.Linq.Expressions.Expression<Func<Referral, bool>>? extra, CancellationToken cancellationToken)
    {
        var me = currentStaff.UserId;
        var query = db.Referrals.AsNoTracking().Where(await careAccess.ReadableAsync(cancellationToken));
        query = closed
            ? query.Where(r => r.Status == ReferralStatus.Closed || r.Status == ReferralStatus.ReferredOut)
            : query.Where(r => r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress);
        if (onlyMine)
        {
            query = query.Where(r => r.AssignedCareWorkerId == me);
        }

        return extra is null ? query : query.Where(extra);
    }

    private async Task<List<CaseRow>> RowsAsync(IQueryable<Referral> query, bool closed, int skip, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await Page(Project(query, 0, today), skip).ToListAsync(cancellationToken);
        return Rows(rows, closed);
    }

    private IQueryable<CaseData> Project(IQueryable<Referral> query, int part, DateOnly today) =>
        query.Select(r => new CaseData
        {
            Part = part,
            Id = r.Id,
            PupilId = r.PupilId,
            FirstName = r.Pupil!.Name.FirstName,
            Prefix = r.Pupil.Name.Prefix,
            LastName = r.Pupil.Name.LastName,
            MentorGroup = r.Pupil.MentorGroup == null ? null : r.Pupil.MentorGroup.Name,
            Status = r.Status,
            CareWorker = db.StaffMembers.Where(s => s.Id == r.AssignedCareWorkerId).Select(s => s.DisplayName).FirstOrDefault(),
            SupportLevel = r.SupportLevel,
            TriagedAt = r.TriagedAt,
            LastContact = r.Notes.Max(n => (DateOnly?)n.Date),
            OpenItems = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open),
            OverdueItems = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open && i.DueDate < today),
            // For the intake queue's rows in the same command (FirstPagesAsync).
            Location = db.Locations.Where(l => l.Id == r.LocationId).Select(l => l.Name).First(),
            Category = r.Category,
            Urgency = r.Urgency,
            SubmittedAt = r.SubmittedAt,
            Source = r.Source,
            ReferredBy = db.StaffMembers.Where(s => s.Id == r.ReferredById).Select(s => s.DisplayName).First(),
        });

    /// <summary>The list's order (longest without contact first) and one page of it.</summary>
    private static IQueryable<CaseData> Page(IQueryable<CaseData> rows, int skip) =>
        rows.OrderBy(r => r.LastContact ?? DateOnly.MinValue).ThenBy(r => r.Id)
            .Skip(skip)
            .Take(PageSize);

    private List<CaseRow> Rows(IEnumerable<CaseData> rows, bool closed)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var staleBefore = today.AddDays(-options.Value.StaleAfterDays);
        return rows
            .OrderBy(r => r.LastContact ?? DateOnly.MinValue).ThenBy(r => r.Id)
            .Select(r => new CaseRow(r.Id, r.PupilId, ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName),
                r.MentorGroup, r.Status, r.CareWorker, r.SupportLevel, r.LastContact, r.OpenItems, r.OverdueItems,
                !closed && (r.LastContact ?? DateOnly.FromDateTime(r.TriagedAt!.Value.UtcDateTime)) < staleBefore))
            .ToList();
    }

    private sealed class CaseData
    {
        public int Part { get; init; }
        public int Id { get; init; }
        public int PupilId { get; init; }
        public string FirstName { get; init; } = string.Empty;
        public string? Prefix { get; init; }
        public string LastName { get; init; } = string.Empty;
        public string? MentorGroup { get; init; }
        public ReferralStatus Status { get; init; }
        public string? CareWorker { get; init; }
        public SupportLevel? SupportLevel { get; init; }
        public DateTimeOffset? TriagedAt { get; init; }
        public DateOnly? LastContact { get; init; }
        public int OpenItems { get; init; }
        public int OverdueItems { get; init; }
        public string Location { get; init; } = string.Empty;
        public ReferralCategory Category { get; init; }
        public Urgency Urgency { get; init; }
        public DateTimeOffset? SubmittedAt { get; init; }
        public ReferralSource Source { get; init; }
        public string ReferredBy { get; init; } = string.Empty;
    }
}
