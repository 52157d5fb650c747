using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Domain.Reporting;
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
/// period within one school year. Everything is counted in the database (GROUP BY, COUNT; the month of a
/// stored moment as a CASE over the months' ends, because SQLite cannot take it apart), in three commands
/// whatever the data and the period (ADR 0028): every count with the waiting times, the caseload with the
/// care workers' names, and the external referrals. No pupil name or note is read. The state of care now
/// (open cases, caseload, overdue items, OPPs) does not depend on the period.
/// </summary>
public sealed class DashboardReportQuery(PortalDbContext db, CareFiguresReportQuery careFigures, TimeProvider clock)
{
    /// <summary>Fewer referrals than this and no percentile is shown: it could be one pupil's own time.</summary>
    public const int MinimumForPercentiles = DatabasePercentiles.MinimumForMedian;

    public const string TooFew = "te weinig aanmeldingen";

    public const string TooFewAnswers = "te weinig terugkoppelingen";

    /// <summary>The row for agencies typed by hand rather than picked from the sociale kaart.</summary>
    public const string OtherAgencies = "Overige instanties (niet op de sociale kaart)";

    // The tables whose cells travel in the one UNION ALL of counts (FigureCell.Figure).
    private const int ReferralFigure = 0;
    private const int MinutesToTriageFigure = 1;
    private const int MinutesToFirstContactFigure = 2;
    private const int LevelFigure = 3;
    private const int ActionItemFigure = 4;
    private const int OppFigure = 5;
    private const int MeetingFigure = 6;
    private const int IncidentFigure = 7;

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
        var viewIds = scope.ViewIds;
        var inView = submitted.Where(r => viewIds.Contains(r.LocationId));
        var categories = Enum.GetValues<ReferralCategory>();
        var incidentCategories = Enum.GetValues<IncidentCategory>();
        var types = Enum.GetValues<MeetingType>();
        var now = clock.GetUtcNow();
        var heldUntil = period.End < now ? period.End : now;
        var cutOffs = OppDeadlines.CutOffsOn(today);

        // Every count of the dashboard in one command (ADR 0028): a GROUP BY per table, with the month and the category
        // computed as a CASE in SQL, sent together as one UNION ALL; with them the waiting times of the view's referrals
        // (whole minutes, one integer per referral), from which the percentiles are taken here.
        var cells = await FigureCells.Count(submitted, ReferralFigure, r => r.LocationId,
                FigureCells.IndexIn((Referral r) => r.Category, categories), FigureCells.MonthOf((Referral r) => r.SubmittedAt!.Value, months),
                r => r.MinutesToTriage != null ? 1 : 0, r => r.MinutesToFirstAction != null ? 1 : 0)
            .Concat(inView.Where(r => r.MinutesToTriage != null).Select(r => new FigureCell
            {
                Figure = MinutesToTriageFigure,
                LocationId = r.LocationId,
                Row = 0,
                Column = 0,
                Count = r.MinutesToTriage!.Value,
                Second = 0,
                Third = 0,
            }))
            .Concat(inView.Where(r => r.MinutesToFirstAction != null).Select(r => new FigureCell
            {
                Figure = MinutesToFirstContactFigure,
                LocationId = r.LocationId,
                Row = 0,
                Column = 0,
                Count = r.MinutesToFirstAction!.Value,
                Second = 0,
                Third = 0,
            }))
            .Concat(careFigures.LevelCells(locationIds, LevelFigure))
            .Concat(FigureCells.Count(
                from item in db.ActionItems.AsNoTracking()
                join referral in db.Referrals on item.ReferralId equals referral.Id
                where locationIds.Contains(referral.LocationId) && item.Status == ActionItemStatus.Open
                select new { referral.LocationId, item.DueDate },
                ActionItemFigure, i => i.LocationId, second: i => i.DueDate < today ? 1 : 0))
            .Concat(FigureCells.Count(
                from plan in db.CarePlans.AsNoTracking()
                join referral in db.Referrals on plan.ReferralId equals referral.Id
                where locationIds.Contains(referral.LocationId) && plan.Kind == PlanKind.Opp && plan.Status != PlanStatus.Closed
                select new { referral.LocationId, plan.FirstActivatedOn, plan.NeedEstablishedOn, plan.LastEvaluatedOn },
                OppFigure, p => p.LocationId,
                second: p => p.FirstActivatedOn == null && p.NeedEstablishedOn != null && p.NeedEstablishedOn < cutOffs.NeedEstablishedBefore ? 1 : 0,
                third: p => p.FirstActivatedOn != null
                            && ((p.LastEvaluatedOn != null && p.LastEvaluatedOn >= p.FirstActivatedOn && p.LastEvaluatedOn < cutOffs.EvaluatedBefore)
                                || ((p.LastEvaluatedOn == null || p.LastEvaluatedOn < p.FirstActivatedOn) && p.FirstActivatedOn < cutOffs.ActivatedBefore))
                    ? 1
                    : 0))
            .Concat(FigureCells.Count(
                db.Meetings.AsNoTracking().Where(m => locationIds.Contains(m.LocationId) && m.StartsAt >= period.Start && m.StartsAt < heldUntil),
                MeetingFigure, m => m.LocationId, row: FigureCells.IndexIn((Meeting m) => m.Type, types)))
            .Concat(FigureCells.Count(
                db.Incidents.AsNoTracking().Where(i => locationIds.Contains(i.LocationId) && i.OccurredAt >= period.Start && i.OccurredAt < period.End),
                IncidentFigure, i => i.LocationId, FigureCells.IndexIn((Incident i) => i.Category, incidentCategories), FigureCells.MonthOf((Incident i) => i.OccurredAt, months)))
            .ToListAsync(cancellationToken);

        var referralCounts = FigureCells.Counts(cells, ReferralFigure, scope, categories.Length, months.Count, c => c.Count);

        // The number of referrals behind each waiting time is a count like any other: per location, suppressed together.
        var timedCounts = new int[scope.Count, 2, 1];
        foreach (var cell in cells.Where(c => c.Figure == ReferralFigure))
        {
            timedCounts[scope.IndexOf(cell.LocationId), 0, 0] += cell.Second;
            timedCounts[scope.IndexOf(cell.LocationId), 1, 0] += cell.Third;
        }

        var timedShown = LinkedSmallCells.Suppress(timedCounts, rowTotals: false, columnTotals: false);
        var toTriage = Timing("Van aanmelding tot triage", timedShown.Format(scope.Table, 0, 0),
            cells.Where(c => c.Figure == MinutesToTriageFigure).Select(c => c.Count).ToList());
        var toFirstContact = Timing("Van aanmelding tot eerste contact", timedShown.Format(scope.Table, 1, 0),
            cells.Where(c => c.Figure == MinutesToFirstContactFigure).Select(c => c.Count).ToList());

        var care = await careFigures.HandleAsync(reachable, locationId, cells, LevelFigure, cancellationToken);

        var actionCounts = new int[scope.Count, 1, 2];
        foreach (var cell in cells.Where(c => c.Figure == ActionItemFigure))
        {
            actionCounts[scope.IndexOf(cell.LocationId), 0, 0] += cell.Count;
            actionCounts[scope.IndexOf(cell.LocationId), 0, 1] += cell.Second;
        }

        var oppCounts = new int[scope.Count, 1, 3];
        foreach (var cell in cells.Where(c => c.Figure == OppFigure))
        {
            oppCounts[scope.IndexOf(cell.LocationId), 0, 0] += cell.Count;
            oppCounts[scope.IndexOf(cell.LocationId), 0, 1] += cell.Second;
            oppCounts[scope.IndexOf(cell.LocationId), 0, 2] += cell.Third;
        }

        var meetingCounts = FigureCells.Counts(cells, MeetingFigure, scope, types.Length, 1, c => c.Count);
        var incidentCounts = FigureCells.Counts(cells, IncidentFigure, scope, incidentCategories.Length, months.Count, c => c.Count);

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

        // External referrals sent in the period in one command: the counts per location and agency, and the days
        // from sending to feedback of the view's answered ones (a number each), split per agency here.
        var startDay = period.From;
        var lastDay = period.To;
        var sentInPeriod =
            from sent in db.ExternalReferrals.AsNoTracking()
            join referral in db.Referrals on sent.ReferralId equals referral.Id
            where locationIds.Contains(referral.LocationId) && sent.SentOn >= startDay && sent.SentOn <= lastDay
            // A typed agency name can say anything ("praktijk X, voor Anna"): only names on the sociale kaart are shown.
            let known = db.ExternalOrganisations.Any(o => o.Name == sent.AgencyName)
            select new
            {
                referral.LocationId,
                Agency = known ? sent.AgencyName : OtherAgencies,
                sent.SentOn,
                sent.FeedbackReceivedOn,
                sent.Status,
            };
        var external = await sentInPeriod
            .GroupBy(s => new { s.LocationId, s.Agency })
            .Select(g => new AgencyFigure
            {
                Answered = false,
                LocationId = g.Key.LocationId,
                Agency = g.Key.Agency,
                Value = g.Count(),
                Waiting = g.Count(e => e.FeedbackReceivedOn == null
                                       && e.Status != ExternalReferralStatus.Finished && e.Status != ExternalReferralStatus.Declined),
            })
            // Days from sending to the agency's feedback, over the view's referrals sent in the period and answered.
            // A feedback date before the sending date is a typing error, not a negative wait.
            .Concat(sentInPeriod
                .Where(s => viewIds.Contains(s.LocationId) && s.FeedbackReceivedOn != null && s.FeedbackReceivedOn >= s.SentOn)
                .Select(s => new AgencyFigure
                {
                    Answered = true,
                    LocationId = s.LocationId,
                    Agency = s.Agency,
                    Value = s.FeedbackReceivedOn!.Value.DayNumber - s.SentOn.DayNumber,
                    Waiting = 0,
                }))
            .ToListAsync(cancellationToken);
        var sentCounts = external.Where(e => !e.Answered).ToList();
        var agencies = sentCounts.Select(e => e.Agency).Distinct().Order(StringComparer.CurrentCulture).ToList();
        var externalCounts = new int[scope.Count, agencies.Count, 2];
        foreach (var row in sentCounts)
        {
            externalCounts[scope.IndexOf(row.LocationId), agencies.IndexOf(row.Agency), 0] += row.Value;
            externalCounts[scope.IndexOf(row.LocationId), agencies.IndexOf(row.Agency), 1] += row.Waiting;
        }

        // Without the number of answers: with the "still waiting" count above it could reveal a hidden cell.
        var waitingRows = new List<ReportRow>();
        foreach (var name in agencies)
        {
            var days = external.Where(e => e.Answered && e.Agency == name).Select(e => e.Value).ToList();
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

    /// <summary>
    /// The median from <see cref="MinimumForPercentiles"/> referrals, the 90th percentile from
    /// <see cref="DatabasePercentiles.MinimumForP90"/>: below that, nearest rank makes it the single longest wait, one pupil's own.
    /// </summary>
    private static TimingFigure Timing(string label, string shownCount, IReadOnlyCollection<int> minutes)
    {
        var figures = DatabasePercentiles.MedianAndP90(minutes);
        return figures.Median is null
            ? new TimingFigure(label, shownCount, null, null)
            : new TimingFigure(label, shownCount, Percentile.FormatMinutes(figures.Median.Value), Shown(figures.P90, Percentile.FormatMinutes, TooFew));
    }

    private static string Shown(int? value, Func<int, string> format, string tooFew) => value is int v ? format(v) : tooFew;

    private static string Days(int days) => days == 1 ? "1 dag" : $"{Dutch.Number(days)} dagen";

    private static ReportRow TimingRow(TimingFigure figure) =>
        new(figure.Label, [figure.Count, figure.Median ?? TooFew, figure.P90 ?? TooFew]);

    /// <summary>A row of the external-referral command: a count per location and agency, or one answered referral's waiting days.</summary>
    private sealed class AgencyFigure
    {
        public bool Answered { get; init; }

        public int LocationId { get; init; }

        public string Agency { get; init; } = "";

        public int Value { get; init; }

        public int Waiting { get; init; }
    }
}
