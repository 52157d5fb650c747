using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>One of the coordinator's lists with names: its address, title and columns (after the pupil's name).</summary>
public sealed record SignalList(string Key, string Title, string Explanation, IReadOnlyList<string> Columns)
{
    public static readonly SignalList OverdueItems = new("actiepunten", "Achterstallige actiepunten",
        "Lopende zorgtrajecten met open actiepunten waarvan de deadline voorbij is.",
        ["Klas", "Zorgmedewerker", "Actiepunten te laat", "Oudste deadline"]);

    public static readonly SignalList NoContact = new("zonder-contact", "Geen contact",
        "Lopende zorgtrajecten zonder gespreksverslag in de afgelopen {0} dagen, ook als er sinds de toewijzing nog geen enkel gesprek was.",
        ["Klas", "Zorgmedewerker", "Laatste contact", "Dagen zonder contact"]);

    public static readonly SignalList OppsDue = new("opp", "OPP-deadlines",
        "OPP's die binnen {0} dagen vastgesteld of geëvalueerd moeten zijn, of waarvoor dat al te laat is.",
        ["Klas", "Verantwoordelijke", "Deadline voor", "Uiterlijk", "Stand"]);

    public static readonly SignalList DiscussedInZat = new("zat", "Besproken in het ZAT",
        "Leerlingen die dit schooljaar ({0}) in een ZAT zijn besproken.",
        ["Klas", "Aantal keer", "Besproken op"]);

    public static readonly SignalList WaitingReferrals = new("doorverwijzingen", "Wachten op terugkoppeling",
        "Doorverwijzingen naar een instantie die nog lopen en waarvan nog geen terugkoppeling is ontvangen.",
        ["Klas", "Instantie", "Status", "Verwezen op", "Terugkoppeling verwacht", "Dagen wachtend"]);

    public static IReadOnlyList<SignalList> All { get; } = [OverdueItems, NoContact, OppsDue, DiscussedInZat, WaitingReferrals];

    public static SignalList? Find(string? key) => All.FirstOrDefault(l => string.Equals(l.Key, key, StringComparison.Ordinal));
}

/// <summary>One line of a list: the pupil, the page it links to (a case or a plan) and the other cells as text.</summary>
public sealed record SignalRow(int PupilId, string PupilName, string LinkController, int LinkId, IReadOnlyList<string> Cells);

public sealed record SignalListPage(
    SignalList List,
    string Explanation,
    IReadOnlyList<FilterOption> Locations,
    int? LocationId,
    PagedList<SignalRow> Rows);

/// <summary>
/// The coordinator's signal lists with pupil names, for the chosen locations and only for cases the user may
/// read (<see cref="CareAccess"/>): filtered, projected and paged in the database. No note text, only dates and counts.
/// </summary>
public sealed class SignalListQuery(PortalDbContext db, CareAccess careAccess, TimeProvider clock, IOptions<CareOptions> options)
{
    public const int PageSize = 20;

    /// <summary>How far ahead an OPP deadline is signalled.</summary>
    public const int OppHorizonDays = 14;

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public SchoolYear CurrentSchoolYear => SchoolYear.Containing(Today);

    public string ExplanationOf(SignalList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var value = list == SignalList.NoContact ? Dutch.Number(options.Value.StaleAfterDays)
            : list == SignalList.OppsDue ? Dutch.Number(OppHorizonDays)
            : list == SignalList.DiscussedInZat ? CurrentSchoolYear.ToString()
            : string.Empty;
        return string.Format(Dutch.Culture, list.Explanation, value);
    }

    /// <param name="page">The page to show; null for every line (an export).</param>
    public async Task<PagedList<SignalRow>> HandleAsync(SignalList list, IReadOnlyCollection<int> locationIds, int? page,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(list);
        var locations = locationIds.ToList();
        var readable = db.Referrals.AsNoTracking()
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => locations.Contains(r.LocationId));
        return list == SignalList.OverdueItems ? await OverdueAsync(readable, page, cancellationToken)
            : list == SignalList.NoContact ? await NoContactAsync(readable, page, cancellationToken)
            : list == SignalList.OppsDue ? await OppsAsync(readable, page, cancellationToken)
            : list == SignalList.DiscussedInZat ? await ZatAsync(readable, locations, page, cancellationToken)
            : await WaitingAsync(readable, page, cancellationToken);
    }

    private static IQueryable<Referral> Open(IQueryable<Referral> readable) =>
        readable.Where(r => r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress);

    private async Task<PagedList<SignalRow>> OverdueAsync(IQueryable<Referral> readable, int? page, CancellationToken cancellationToken)
    {
        var today = Today;
        var query = Open(readable)
            .Where(r => r.ActionItems.Any(i => i.Status == ActionItemStatus.Open && i.DueDate < today))
            .Select(r => new
            {
                r.Id,
                r.PupilId,
                r.Pupil!.Name.FirstName,
                r.Pupil.Name.Prefix,
                r.Pupil.Name.LastName,
                Group = r.Pupil.MentorGroup == null ? null : r.Pupil.MentorGroup.Name,
                CareWorker = db.StaffMembers.Where(s => s.Id == r.AssignedCareWorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                Overdue = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open && i.DueDate < today),
                Oldest = r.ActionItems.Where(i => i.Status == ActionItemStatus.Open && i.DueDate < today).Min(i => (DateOnly?)i.DueDate),
            })
            .OrderBy(r => r.Oldest).ThenBy(r => r.Id);
        return await PageAsync(query, page, r => new SignalRow(r.PupilId, ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName),
            "Referrals", r.Id, [Text(r.Group), Text(r.CareWorker), Dutch.Number(r.Overdue), Dutch.Date(r.Oldest!.Value)]), cancellationToken);
    }

    private async Task<PagedList<SignalRow>> NoContactAsync(IQueryable<Referral> readable, int? page, CancellationToken cancellationToken)
    {
        var today = Today;
        var since = today.AddDays(-options.Value.StaleAfterDays);
        var sinceMoment = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // Contact is a gespreksverslag (its date), as on the case list; without any, the days count from the assignment.
        var query = Open(readable)
            .Where(r => (r.Notes.Any() && !r.Notes.Any(n => n.Date >= since)) || (!r.Notes.Any() && r.TriagedAt < sinceMoment))
            .Select(r => new
            {
                r.Id,
                r.PupilId,
                r.Pupil!.Name.FirstName,
                r.Pupil.Name.Prefix,
                r.Pupil.Name.LastName,
                Group = r.Pupil.MentorGroup == null ? null : r.Pupil.MentorGroup.Name,
                CareWorker = db.StaffMembers.Where(s => s.Id == r.AssignedCareWorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                LastContact = r.Notes.Max(n => (DateOnly?)n.Date),
                r.TriagedAt,
            })
            .OrderBy(r => r.LastContact ?? DateOnly.MinValue).ThenBy(r => r.Id);
        return await PageAsync(query, page, r =>
        {
            var assigned = DateOnly.FromDateTime(r.TriagedAt!.Value.UtcDateTime);
            var last = r.LastContact is { } date ? Dutch.Date(date) : $"nog geen (toegewezen {Dutch.Date(assigned)})";
            var days = today.DayNumber - (r.LastContact ?? assigned).DayNumber;
            return new SignalRow(r.PupilId, ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName), "Referrals", r.Id,
                [Text(r.Group), Text(r.CareWorker), last, Dutch.Number(days)]);
        }, cancellationToken);
    }

    private async Task<PagedList<SignalRow>> OppsAsync(IQueryable<Referral> readable, int? page, CancellationToken cancellationToken)
    {
        var today = Today;
        var query = db.CarePlans.AsNoTracking()
            .Where(OppDeadlines.DueOnOrBefore(today.AddDays(OppHorizonDays)))
            .Where(p => readable.Any(r => r.Id == p.ReferralId))
            .Join(db.Pupils, p => p.PupilId, pupil => pupil.Id, (p, pupil) => new
            {
                p.Id,
                p.PupilId,
                pupil.Name.FirstName,
                pupil.Name.Prefix,
                pupil.Name.LastName,
                Group = pupil.MentorGroup == null ? null : pupil.MentorGroup.Name,
                Responsible = db.StaffMembers.Where(s => s.Id == p.ResponsibleId).Select(s => s.DisplayName).FirstOrDefault(),
                p.NeedEstablishedOn,
                p.FirstActivatedOn,
                p.LastEvaluatedOn,
            })
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);
        return await PageAsync(query, page, p =>
        {
            var toBeSet = p.FirstActivatedOn is null;
            var by = toBeSet
                ? p.NeedEstablishedOn!.Value.AddDays(OppDeadlines.SetWithin.Days)
                : OppDeadlines.EvaluateBy(p.FirstActivatedOn, p.LastEvaluatedOn)!.Value;
            var left = by.DayNumber - today.DayNumber;
            var state = left < 0 ? $"te laat ({Dutch.Number(-left)} dagen)" : left == 0 ? "vandaag" : $"nog {Dutch.Number(left)} dagen";
            return new SignalRow(p.PupilId, ReferralListQuery.FullName(p.FirstName, p.Prefix, p.LastName), "CarePlans", p.Id,
                [Text(p.Group), Text(p.Responsible), toBeSet ? "Vaststellen" : "Jaarlijkse evaluatie", Dutch.Date(by), state]);
        }, cancellationToken);
    }

    private async Task<PagedList<SignalRow>> ZatAsync(IQueryable<Referral> readable, List<int> locations, int? page,
        CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(CurrentSchoolYear.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var now = Now;
        var items = db.Meetings.AsNoTracking()
            .Where(m => m.Type == MeetingType.Zat && locations.Contains(m.LocationId) && m.StartsAt >= from && m.StartsAt <= now)
            .SelectMany(m => m.Agenda, (m, a) => new { a.PupilId, a.ReferralId, m.StartsAt })
            .Where(a => readable.Any(r => r.Id == a.ReferralId));
        var query = items
            .GroupBy(a => a.PupilId)
            .Select(g => new { PupilId = g.Key, Times = g.Count() })
            .Join(db.Pupils, g => g.PupilId, pupil => pupil.Id, (g, pupil) => new
            {
                g.PupilId,
                g.Times,
                pupil.Name.FirstName,
                pupil.Name.Prefix,
                pupil.Name.LastName,
                Group = pupil.MentorGroup == null ? null : pupil.MentorGroup.Name,
            })
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.PupilId);
        var total = await query.CountAsync(cancellationToken);
        var current = page is null ? 1 : Paging.Clamp(page, total, PageSize);
        var shown = await (page is null ? query : query.Skip((current - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);

        // The dates of just the pupils on this page, and the case of the latest discussion to link to.
        var ids = shown.Select(p => p.PupilId).ToList();
        var dates = (await items.Where(a => ids.Contains(a.PupilId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.PupilId);
        var rows = shown.Select(p =>
        {
            var discussed = dates[p.PupilId].OrderBy(a => a.StartsAt).ToList();
            return new SignalRow(p.PupilId, ReferralListQuery.FullName(p.FirstName, p.Prefix, p.LastName), "Referrals",
                discussed[^1].ReferralId,
                [Text(p.Group), Dutch.Number(p.Times),
                 string.Join(", ", discussed.Select(a => Dutch.Date(DateOnly.FromDateTime(a.StartsAt.UtcDateTime))).Distinct())]);
        }).ToList();
        return new PagedList<SignalRow>(rows, current, page is null ? Math.Max(1, total) : PageSize, total);
    }

    private async Task<PagedList<SignalRow>> WaitingAsync(IQueryable<Referral> readable, int? page, CancellationToken cancellationToken)
    {
        var today = Today;
        var query = db.ExternalReferrals.AsNoTracking()
            .Where(e => e.FeedbackReceivedOn == null
                        && e.Status != ExternalReferralStatus.Finished && e.Status != ExternalReferralStatus.Declined)
            .Where(e => readable.Any(r => r.Id == e.ReferralId))
            .Join(db.Pupils, e => e.PupilId, pupil => pupil.Id, (e, pupil) => new
            {
                e.Id,
                e.ReferralId,
                e.PupilId,
                pupil.Name.FirstName,
                pupil.Name.Prefix,
                pupil.Name.LastName,
                Group = pupil.MentorGroup == null ? null : pupil.MentorGroup.Name,
                e.AgencyName,
                e.Status,
                e.SentOn,
                e.ExpectedFeedbackOn,
            })
            .OrderBy(e => e.SentOn).ThenBy(e => e.Id);
        return await PageAsync(query, page, e =>
        {
            var expected = e.ExpectedFeedbackOn is { } on ? Dutch.Date(on) + (on < today ? " (te laat)" : string.Empty) : "–";
            return new SignalRow(e.PupilId, ReferralListQuery.FullName(e.FirstName, e.Prefix, e.LastName), "Referrals", e.ReferralId,
                [Text(e.Group), e.AgencyName, Dutch.ExternalStatus(e.Status), Dutch.Date(e.SentOn), expected,
                 Dutch.Number(today.DayNumber - e.SentOn.DayNumber)]);
        }, cancellationToken);
    }

    private static async Task<PagedList<SignalRow>> PageAsync<T>(IQueryable<T> query, int? page, Func<T, SignalRow> row,
        CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        if (page is null)
        {
            var all = await query.ToListAsync(cancellationToken);
            return new PagedList<SignalRow>(all.Select(row).ToList(), 1, Math.Max(1, total), total);
        }

        var current = Paging.Clamp(page, total, PageSize);
        var items = await query.Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PagedList<SignalRow>(items.Select(row).ToList(), current, PageSize, total);
    }

    private static string Text(string? value) => string.IsNullOrEmpty(value) ? "–" : value;
}
