using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Cases.ActionItems;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Notifications;
using LeerlingzorgPortal.Web.Features.Protocols;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Home;

/// <summary>The home page's small lists of the user's own work, read together.</summary>
public sealed record HomeLists(
    IReadOnlyList<MyActionItem> MyActionItems,
    IReadOnlyList<NotificationRow> Unread,
    IReadOnlyList<ProtocolSignal> ProtocolsDue,
    IReadOnlyList<OverdueFeedback> OverdueFeedback);

/// <summary>An external referral whose feedback is late: signalled like an overdue action item.</summary>
public sealed record OverdueFeedback(int ReferralId, string PupilName, string Agency, DateOnly ExpectedOn);

/// <summary>
/// The user's first open action items and unread notifications, the protocols whose review has passed and
/// the external referrals whose feedback is late, in one command (a UNION ALL of four parts, ADR 0032).
/// Each part keeps its own filter, order and length.
/// </summary>
public sealed class HomeListsQuery(PortalDbContext db, CareAccess careAccess, TimeProvider clock)
{
    /// <summary>How many unread notifications and open action items the home page shows.</summary>
    public const int Shown = 5;

    private const int ActionItemPart = 0;
    private const int NotificationPart = 1;
    private const int ProtocolPart = 2;
    private const int FeedbackPart = 3;

    /// <param name="lateFeedback">
    /// Whose late feedback to read: null for none (the user works no cases), false for every case the user may
    /// read (the coordinator), true for the cases the user is the care worker of.
    /// </param>
    public async Task<HomeLists> HandleAsync(StaffScope scope, bool? lateFeedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var me = scope.StaffMemberId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        // The first part types every column that is not text (ADR 0030): an action item has a moment, a day, a
        // number, a status and a version of its own. The notifications' part is cut to its first rows inside a
        // subquery, where PostgreSQL types a bare NULL as text, which then cannot be matched with the first part's
        // number. EF Core writes a null parameter as a bare NULL too, so the part fills those columns with a CASE that
        // never matches (ids are positive) and takes its type from its one branch (a parameter: a literal uuid would be text).
        var anyVersion = Guid.Empty;
        var rows = db.ActionItems.AsNoTracking()
            .Where(i => i.OwnerId == me && i.Status == ActionItemStatus.Open)
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id)
            .Take(Shown)
            .Select(i => new HomeListRow
            {
                Part = ActionItemPart,
                Id = i.Id,
                ReferralId = i.ReferralId,
                At = i.CreatedAt,
                Day = i.DueDate,
                Version = i.Version,
                Code = i.Status.ToString(),
                Text = i.Description,
                Link = null,
                Person = null,
                FirstName = i.Referral!.Pupil!.Name.FirstName,
                Prefix = i.Referral.Pupil.Name.Prefix,
                LastName = i.Referral.Pupil.Name.LastName,
            })
            .Concat(db.Notifications.AsNoTracking()
                .Where(n => n.RecipientId == me && n.ReadAt == null)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Take(Shown)
                .Select(n => new HomeListRow
                {
                    Part = NotificationPart,
                    Id = n.Id,
                    ReferralId = n.Id < 0 ? 0 : null,
                    At = n.CreatedAt,
                    Day = n.Id < 0 ? today : null,
                    Version = n.Id < 0 ? anyVersion : null,
                    Code = null,
                    Text = n.Message,
                    Link = n.Link,
                    Person = null,
                    FirstName = null,
                    Prefix = null,
                    LastName = null,
                }))
            .Concat(db.Protocols.AsNoTracking()
                .Where(ProtocolSignals.DueFor(scope, today))
                .Select(p => new HomeListRow
                {
                    Part = ProtocolPart,
                    Id = p.Id,
                    ReferralId = null,
                    At = null,
                    Day = p.ReviewOn,
                    Version = null,
                    Code = null,
                    Text = p.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First(),
                    Link = null,
                    Person = db.StaffMembers.Where(s => s.Id == p.OwnerId).Select(s => s.DisplayName).FirstOrDefault(),
                    FirstName = null,
                    Prefix = null,
                    LastName = null,
                }));
        if (lateFeedback is { } onlyMine)
        {
            var readable = db.Referrals.Where(await careAccess.ReadableAsync(cancellationToken))
                .Where(r => !onlyMine || r.AssignedCareWorkerId == me);
            rows = rows.Concat(
                from e in db.ExternalReferrals.AsNoTracking()
                join p in db.Pupils on e.PupilId equals p.Id
                where readable.Any(r => r.Id == e.ReferralId)
                      && e.FeedbackReceivedOn == null && e.ExpectedFeedbackOn != null && e.ExpectedFeedbackOn < today
                      && e.Status != ExternalReferralStatus.Finished && e.Status != ExternalReferralStatus.Declined
                select new HomeListRow
                {
                    Part = FeedbackPart,
                    Id = e.Id,
                    ReferralId = e.ReferralId,
                    At = null,
                    Day = e.ExpectedFeedbackOn,
                    Version = null,
                    Code = null,
                    Text = e.AgencyName,
                    Link = null,
                    Person = null,
                    FirstName = p.Name.FirstName,
                    Prefix = p.Name.Prefix,
                    LastName = p.Name.LastName,
                });
        }

        var all = await rows.ToListAsync(cancellationToken);
        return new HomeLists(
            MyActionItemsQuery.Rows(Part(all, ActionItemPart).OrderBy(r => r.Day).ThenBy(r => r.Id).Select(r => new MyActionItemData
            {
                Id = (int)r.Id,
                ReferralId = r.ReferralId!.Value,
                Description = r.Text!,
                FirstName = r.FirstName!,
                Prefix = r.Prefix,
                LastName = r.LastName!,
                DueDate = r.Day!.Value,
                Status = Enum.Parse<ActionItemStatus>(r.Code!),
                Version = r.Version!.Value,
            }), today),
            Part(all, NotificationPart).OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
                .Select(r => new NotificationRow(r.Id, r.Text!, r.Link!, r.At!.Value, IsRead: false)).ToList(),
            Part(all, ProtocolPart).OrderBy(r => r.Day).ThenBy(r => r.Id)
                .Select(r => new ProtocolSignal((int)r.Id, r.Text!, r.Day!.Value, r.Person ?? "–")).ToList(),
            Part(all, FeedbackPart).OrderBy(r => r.Day).ThenBy(r => r.Id)
                .Select(r => new OverdueFeedback(r.ReferralId!.Value, ReferralListQuery.FullName(r.FirstName!, r.Prefix, r.LastName!),
                    r.Text!, r.Day!.Value)).ToList());
    }

    private static IEnumerable<HomeListRow> Part(IEnumerable<HomeListRow> rows, int part) => rows.Where(r => r.Part == part);
}

/// <summary>An action item, notification, protocol or external referral, projected to the same columns for one UNION ALL.</summary>
internal sealed class HomeListRow
{
    public int Part { get; set; }

    public long Id { get; set; }

    public int? ReferralId { get; set; }

    public DateTimeOffset? At { get; set; }

    public DateOnly? Day { get; set; }

    public Guid? Version { get; set; }

    public string? Code { get; set; }

    public string? Text { get; set; }

    public string? Link { get; set; }

    public string? Person { get; set; }

    public string? FirstName { get; set; }

    public string? Prefix { get; set; }

    public string? LastName { get; set; }
}
