using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// Median and 90th percentile of a waiting time, as shown: null when fewer than
/// <see cref="DashboardReportQuery.MinimumForPercentiles"/> referrals count, so one pupil's timing is never shown.
/// </summary>
public sealed record TimingFigure(string Label, string Count, string? Median, string? P90)
{
    public bool IsShown => Median is not null;
}

/// <summary>The school leader's dashboard: every table already through the small-cell rule.</summary>
public sealed record DashboardReport(
    IReadOnlyList<FilterOption> Locations,
    int? LocationId,
    ReportPeriod Period,
    ReportTable ReferralsByMonth,
    TimingFigure ToTriage,
    TimingFigure ToFirstContact,
    ReportTable Timing,
    ReportTable OpenCasesByLevel,
    ReportTable Caseload,
    ReportTable OverdueActionItems,
    ReportTable Opps,
    ReportTable MeetingsByType,
    ReportTable IncidentsByMonth,
    ReportTable BullyingTrend,
    ReportTable ExternalReferrals,
    ReportTable ExternalWaiting);

/// <summary>
/// The figures of the dashboard for school leaders, per location or for all the user may see, over a
/// period within one school year. Everything is counted in the database (GROUP BY, COUNT, and one
/// grouped query per month because SQLite cannot take the month out of a stored moment); no pupil
/// name or note is read. The state of care now (open cases, caseload, overdue items, OPPs) does not
/// depend on the period.
/// </summary>
public sealed class DashboardReportQuery(PortalDbContext db, CareFiguresReportQuery careFigures, TimeProvider clock)
{
    /// <summary>Fewer referrals than this and no percentile is shown: it could be one pupil's own time.</summary>
    public const int MinimumForPercentiles = DatabasePercentiles.MinimumForMedian;

    public const string TooFew = "te weinig aanmeldingen";

    public const string TooFewAnswers = "te weinig terugkoppelingen";

    /// <summary>The row for agencies typed by hand rather than picked from the sociale kaart.</summary>
    public const string OtherAgencies = "Overige instanties (niet op de sociale kaart)";

    private static readonly ReferralStatus[] OpenCase = [ReferralStatus.Triaged, ReferralStatus.InProgress];

    public async Task<DashboardReport> HandleAsync(IReadOnlyList<FilterOption> reachable, int? locationId, ReportPeriod period,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        ArgumentNullException.ThrowIfNull(period);
        // Counted for every location the user may see, whichever one is chosen: a location's table and the
        // board's table are suppressed together, so comparing them cannot reveal a hidden number.
        var scope = new ReportScope(reachable, locationId);
        var locationIds = scope.Ids;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var months = period.Months;
        var monthLabels = months.Select(m => m.Label).ToList();

        var referrals = db.Referrals.AsNoTracking().Where(r => locationIds.Contains(r.LocationId));
        var submitted = referrals.Where(r => r.SubmittedAt >= period.Start && r.SubmittedAt < period.End);

        var categories = Enum.GetValues<ReferralCategory>();
        var referralCounts = new int[scope.Count, categories.Length, months.Count];
        for (var m = 0; m < months.Count; m++)
        {
            var (start, end) = Moments(months[m]);
            var perCategory = await referrals.Where(r => r.SubmittedAt >= start && r.SubmittedAt < end)
                .GroupBy(r => new { r.LocationId, r.Category }).Select(g => new { g.Key.LocationId, g.Key.Category, Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var group in perCategory)
            {
                referralCounts[scope.IndexOf(group.LocationId), Array.IndexOf(categories, group.Category), m] = group.Count;
            }
        }

        // The number of referrals behind each waiting time is a count like any other: per location, suppressed together.
        var timed = await submitted.GroupBy(r => r.LocationId)
            .Select(g => new { LocationId = g.Key, Triaged = g.Count(r => r.MinutesToTriage != null), Contacted = g.Count(r => r.MinutesToFirstAction != null) })
            .ToListAsync(cancellationToken);
        var timedCounts = new int[scope.Count, 2, 1];
        foreach (var row in timed)
        {
            timedCounts[scope.IndexOf(row.LocationId), 0, 0] = row.Triaged;
            timedCounts[scope.IndexOf(row.LocationId), 1, 0] = row.Contacted;
        }

        var timedShown = LinkedSmallCells.Suppress(timedCounts, rowTotals: false, columnTotals: false);
        var viewIds = scope.ViewIds;
        var inView = submitted.Where(r => viewIds.Contains(r.LocationId));
        var toTriage = await TimingAsync("Van aanmelding tot triage", timedShown.Format(scope.Table, 0, 0),
            inView.Where(r => r.MinutesToTriage != null).Select(r => r.MinutesToTriage!.Value), cancellationToken);
        var toFirstContact = await TimingAsync("Van aanmelding tot eerste contact", timedShown.Format(scope.Table, 1, 0),
            inView.Where(r => r.MinutesToFirstAction != null).Select(r => r.MinutesToFirstAction!.Value), cancellationToken);

        var care = await careFigures.HandleAsync(reachable, locationId, cancellationToken);

        var actionItems = await (
                from item in db.ActionItems.AsNoTracking()
                join referral in db.Referrals on item.ReferralId equals referral.Id
                where locationIds.Contains(referral.LocationId) && item.Status == ActionItemStatus.Open
                group item by referral.LocationId into g
                select new { LocationId = g.Key, Open = g.Count(), Overdue = g.Count(i => i.DueDate < today) })
            .ToListAsync(cancellationToken);
        var actionCounts = new int[scope.Count, 1, 2];
        for (var l = 0; l < scope.Count; l++)
        {
            var counts = actionItems.SingleOrDefault(a => a.LocationId == scope.Ids[l]);
            actionCounts[l, 0, 0] = counts?.Open ?? 0;
            actionCounts[l, 0, 1] = counts?.Overdue ?? 0;
        }

        var cutOffs = OppDeadlines.CutOffsOn(today);
        var opps = await (
                from plan in db.CarePlans.AsNoTracking()
                join referral in db.Referrals on plan.ReferralId equals referral.Id
                where locationIds.Contains(referral.LocationId) && plan.Kind == PlanKind.Opp && plan.Status != PlanStatus.Closed
                group plan by referral.LocationId into g
                select new
                {
                    LocationId = g.Key,
                    Opps = g.Count(),
                    LateToBeSet = g.Count(p => p.FirstActivatedOn == null && p.NeedEstablishedOn != null && p.NeedEstablishedOn < cutOffs.NeedEstablishedBefore),
                    LateForEvaluation = g.Count(p => p.FirstActivatedOn != null
                        && ((p.LastEvaluatedOn != null && p.LastEvaluatedOn >= p.FirstActivatedOn && p.LastEvaluatedOn < cutOffs.EvaluatedBefore)
                            || ((p.LastEvaluatedOn == null || p.LastEvaluatedOn < p.FirstActivatedOn) && p.FirstActivatedOn < cutOffs.ActivatedBefore))),
                })
            .ToListAsync(cancellationToken);
        var oppCounts = new int[scope.Count, 1, 3];
        for (var l = 0; l < scope.Count; l++)
        {
            var counts = opps.SingleOrDefault(o => o.LocationId == scope.Ids[l]);
            oppCounts[l, 0, 0] = counts?.Opps ?? 0;
            oppCounts[l, 0, 1] = counts?.LateToBeSet ?? 0;
            oppCounts[l, 0, 2] = counts?.LateForEvaluation ?? 0;
        }

        var now = clock.GetUtcNow();
        var heldUntil = period.End < now ? period.End : now;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => locationIds.Contains(m.LocationId) && m.StartsAt >= period.Start && m.StartsAt < heldUntil)
            .GroupBy(m => new { m.Type, m.LocationId })
            .Select(g => new { g.Key.Type, g.Key.LocationId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var types = Enum.GetValues<MeetingType>();
        var meetingCounts = new int[scope.Count, types.Length, 1];
        for (var t = 0; t < types.Length; t++)
        {
            for (var l = 0; l < scope.Count; l++)
            {
                meetingCounts[l, t, 0] = meetings.Where(m => m.Type == types[t] && m.LocationId == scope.Ids[l]).Sum(m => m.Count);
            }
        }

        var incidentCategories = Enum.GetValues<IncidentCategory>();
        var incidentCounts = new int[scope.Count, incidentCategories.Length, months.Count];
        var incidents = db.Incidents.AsNoTracking().Where(i => locationIds.Contains(i.LocationId));
        for (var m = 0; m < months.Count; m++)
        {
            var (start, end) = Moments(months[m]);
            var perCategory = await incidents.Where(i => i.OccurredAt >= start && i.OccurredAt < end)
                .GroupBy(i => new { i.LocationId, i.Category }).Select(g => new { g.Key.LocationId, g.Key.Category, Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var group in perCategory)
            {
                incidentCounts[scope.IndexOf(group.LocationId), Array.IndexOf(incidentCategories, group.Category), m] = group.Count;
            }
        }

        // The categories that occurred, and the two kinds of bullying always, for the trend line.
        var shownCategories = incidentCategories.Select((c, i) => (Category: c, Index: i))
            .Where(c => c.Category is IncidentCategory.Bullying or IncidentCategory.Cyberbullying
                        || Enumerable.Range(0, scope.Count).Any(l => Enumerable.Range(0, months.Count).Any(m => incidentCounts[l, c.Index, m] > 0)))
            .ToList();
        var shownIncidentCounts = new int[scope.Count, shownCategories.Count, months.Count];
        for (var l = 0; l < scope.Count; l++)
        {
            for (var r = 0; r < shownCategories.Count; r++)
            {
                for (var m = 0; m < months.Count; m++)
                {
                    shownIncidentCounts[l, r, m] = incidentCounts[l, shownCategories[r].Index, m];
                }
            }
        }

        var incidentTable = ReportTables.Linked("Incidenten per maand en categorie", monthLabels,
            shownCategories.Select(c => Dutch.IncidentCategory(c.Category)).ToList(), shownIncidentCounts, scope,
            rowTotals: true, columnTotals: true, "Totaal");
        var startDay = period.From;
        var lastDay = period.To;
        var external = await (
                from sent in db.ExternalReferrals.AsNoTracking()
                join referral in db.Referrals on sent.ReferralId equals referral.Id
                where locationIds.Contains(referral.LocationId) && sent.SentOn >= startDay && sent.SentOn <= lastDay
                // A typed agency name can say anything ("praktijk X, voor Anna"): only names on the sociale kaart are shown.
                let known = db.ExternalOrganisations.Any(o => o.Name == sent.AgencyName)
                group sent by new { referral.LocationId, AgencyName = known ? sent.AgencyName : OtherAgencies } into g
                select new
                {
                    g.Key.LocationId,
                    Agency = g.Key.AgencyName,
                    Sent = g.Count(),
                    Waiting = g.Count(e => e.FeedbackReceivedOn == null
                                           && e.Status != ExternalReferralStatus.Finished && e.Status != ExternalReferralStatus.Declined),
                })
            .ToListAsync(cancellationToken);
        var agencies = external.Select(e => e.Agency).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var externalCounts = new int[scope.Count, agencies.Count, 2];
        foreach (var row in external)
        {
            externalCounts[scope.IndexOf(row.LocationId), agencies.IndexOf(row.Agency), 0] = row.Sent;
            externalCounts[scope.IndexOf(row.LocationId), agencies.IndexOf(row.Agency), 1] = row.Waiting;
        }

        // Days from sending to the agency's feedback, per agency, over referrals sent in the period and answered.
        // Without the number of answers: with the "still waiting" count above it could reveal a hidden cell.
        // All answered referrals of the view in one query (a number of days each), split per agency here:
        // one query per agency would grow with the sociale kaart.
        var answered = await (
                from sent in db.ExternalReferrals.AsNoTracking()
                join referral in db.Referrals on sent.ReferralId equals referral.Id
                let known = db.ExternalOrganisations.Any(o => o.Name == sent.AgencyName)
                where viewIds.Contains(referral.LocationId) && sent.SentOn >= startDay && sent.SentOn <= lastDay
                      && sent.FeedbackReceivedOn != null && sent.FeedbackReceivedOn >= sent.SentOn
                // A feedback date before the sending date is a typing error, not a negative wait.
                select new { Known = known, sent.AgencyName, Days = sent.FeedbackReceivedOn!.Value.DayNumber - sent.SentOn.DayNumber })
            .ToListAsync(cancellationToken);
        var waitingRows = new List<ReportRow>();
        foreach (var name in agencies)
        {
            var days = answered.Where(a => name == OtherAgencies ? !a.Known : a.Known && a.AgencyName == name).Select(a => a.Days).ToList();
            var figures = DatabasePercentiles.MedianAndP90(days);
            waitingRows.Add(new ReportRow(name, [Shown(figures.Median, Days, TooFewAnswers), Shown(figures.P90, Days, TooFewAnswers)]));
        }

        return new DashboardReport(
            reachable,
            locationId,
            period,
            ReportTables.Linked("Aanmeldingen per maand en categorie (ingediend in de periode)", monthLabels,
                categories.Select(Dutch.Category).ToList(), referralCounts, scope, rowTotals: true, columnTotals: true, "Totaal"),
            toTriage,
            toFirstContact,
            new ReportTable("Doorlooptijden van aanmeldingen ingediend in de periode", ["Aanmeldingen", "Mediaan", "90e percentiel"],
                [TimingRow(toTriage), TimingRow(toFirstContact)], null),
            care.OpenCasesByLevel,
            care.Caseload,
            ReportTables.RowPerLocation("Open actiepunten per locatie, en hoeveel daarvan over de deadline zijn", ["Open", "Over de deadline"],
                actionCounts, scope, "Totaal"),
            ReportTables.RowPerLocation("Lopende OPP's per locatie, en hoeveel te laat zijn", ["OPP's", "Niet binnen 6 weken vastgesteld", "Jaarlijkse evaluatie te laat"],
                oppCounts, scope, "Totaal"),
            ReportTables.ColumnPerLocation("Gehouden overleggen per soort (in de periode)", types.Select(Dutch.MeetingType).ToList(), meetingCounts, scope, "Totaal"),
            incidentTable,
            BullyingRows(incidentTable),
            ReportTables.Linked("Externe doorverwijzingen per instantie (verstuurd in de periode)", ["Doorverwezen", "Wacht nog op terugkoppeling"],
                agencies, externalCounts, scope, rowTotals: false, columnTotals: true, "Totaal"),
            new ReportTable("Wachttijd van doorverwijzing tot terugkoppeling per instantie (verstuurd in de periode)", ["Mediaan", "90e percentiel"],
                waitingRows, null));
    }

    /// <summary>
    /// The bullying rows exactly as the incident table shows them: a second table with its own hiding
    /// could show a number the first one hides, and the difference would give it away.
    /// </summary>
    private static ReportTable BullyingRows(ReportTable incidents)
    {
        string[] bullying = [Dutch.IncidentCategory(IncidentCategory.Bullying), Dutch.IncidentCategory(IncidentCategory.Cyberbullying)];
        var columns = incidents.Columns.Count - 1;
        return new ReportTable("Pestincidenten per maand (trend)", incidents.Columns.Take(columns).ToList(),
            incidents.Rows.Where(r => bullying.Contains(r.Label)).Select(r => new ReportRow(r.Label, r.Cells.Take(columns).ToList())).ToList(),
            null);
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Moments(ReportMonth month) =>
        (new DateTimeOffset(month.First.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(month.End.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    /// <summary>
    /// The median from <see cref="MinimumForPercentiles"/> referrals, the 90th percentile from
    /// <see cref="DatabasePercentiles.MinimumForP90"/>: below that, nearest rank makes it the single longest wait, one pupil's own.
    /// </summary>
    private static async Task<TimingFigure> TimingAsync(string label, string shownCount, IQueryable<int> minutes, CancellationToken cancellationToken)
    {
        var figures = await DatabasePercentiles.MedianAndP90Async(minutes, cancellationToken);
        return figures.Median is null
            ? new TimingFigure(label, shownCount, null, null)
            : new TimingFigure(label, shownCount, Percentile.FormatMinutes(figures.Median.Value), Shown(figures.P90, Percentile.FormatMinutes, TooFew));
    }

    private static string Shown(int? value, Func<int, string> format, string tooFew) => value is int v ? format(v) : tooFew;

    private static string Days(int days) => days == 1 ? "1 dag" : $"{Dutch.Number(days)} dagen";

    private static ReportRow TimingRow(TimingFigure figure) =>
        new(figure.Label, [figure.Count, figure.Median ?? TooFew, figure.P90 ?? TooFew]);
}
