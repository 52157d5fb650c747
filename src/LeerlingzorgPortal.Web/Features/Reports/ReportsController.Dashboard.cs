using System.Globalization;
using System.Security.Claims;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The dashboard for school leaders (and coordinators and level c, for their locations).</summary>
public sealed partial class ReportsController
{
    /// <summary>The tables of the dashboard that can be downloaded, by the name in the URL.</summary>
    private static readonly Dictionary<string, (string Sheet, Func<DashboardReport, ReportTable> Table)> DashboardTables = new(StringComparer.Ordinal)
    {
        ["aanmeldingen"] = ("Aanmeldingen per maand", r => r.ReferralsByMonth),
        ["doorlooptijden"] = ("Doorlooptijden", r => r.Timing),
        ["niveaus"] = ("Trajecten per niveau", r => r.OpenCasesByLevel),
        ["caseload"] = ("Caseload", r => r.Caseload),
        ["actiepunten"] = ("Actiepunten", r => r.OverdueActionItems),
        ["opp"] = ("OPP's", r => r.Opps),
        ["overleggen"] = ("Overleggen", r => r.MeetingsByType),
        ["incidenten"] = ("Incidenten per maand", r => r.IncidentsByMonth),
        ["pesten"] = ("Pesten per maand", r => r.BullyingTrend),
        ["verwijzingen"] = ("Externe doorverwijzingen", r => r.ExternalReferrals),
        ["wachttijden"] = ("Wachttijd instanties", r => r.ExternalWaiting),
    };

    /// <summary>
    /// The dashboard: referrals, waiting times, care now, meetings, incidents and external referrals in counts. A role that
    /// sees no names gets the published period of a school year only (ADR 0035); a view over typed dates (coordinator,
    /// level c) is throttled and audited like a download.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Index(int? locationId, int? year, string? from, string? to, [FromServices] DashboardReportQuery dashboard,
        [FromServices] TimeProvider clock, [FromServices] CustomPeriodThrottle throttle, [FromServices] AuditLog audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(throttle);
        ArgumentNullException.ThrowIfNull(audit);
        var choosesDays = await ChoosesDaysAsync();
        var custom = choosesDays && (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to));
        if (custom && !throttle.TryView(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", out var retryAfter))
        {
            Response.Headers.RetryAfter = Throttling.RetryAfterSeconds(retryAfter);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var report = await DashboardAsync(locationId, year, from, to, choosesDays, dashboard, clock, cancellationToken);
        // The date fields keep what the user chose; empty means the whole school year (or up to today), so choosing
        // another school year works without clearing them first.
        var valid = ModelState.IsValid;
        if (custom && valid)
        {
            await audit.RecordAsync(AuditAction.Read, "Report", $"DashboardReport:periode:{Days(report.Period)}:{Location(locationId)}", null,
                cancellationToken);
        }

        return View("Dashboard", new DashboardPage(report, SchoolYear.Containing(Today(clock)),
            valid && !string.IsNullOrWhiteSpace(from) ? IsoDate(report.Period.From) : null,
            valid && !string.IsNullOrWhiteSpace(to) ? IsoDate(report.Period.To) : null,
            choosesDays));
    }

    /// <summary>One table of the dashboard as CSV or Excel, as shown on screen (small cells hidden); audited.</summary>
    [HttpGet]
    public async Task<IActionResult> DashboardExport(string? table, string? format, int? locationId, int? year, string? from, string? to,
        [FromServices] DashboardReportQuery dashboard, [FromServices] TimeProvider clock, [FromServices] AuditLog audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(clock);
        if (table is null || !DashboardTables.TryGetValue(table, out var chosen) || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var report = await DashboardAsync(locationId, year, from, to, await ChoosesDaysAsync(), dashboard, clock, cancellationToken);
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var days = Days(report.Period);
        return await FileAsync(chosen.Table(report), $"dashboard-{table}-{days}", format, chosen.Sheet,
            $"DashboardReport:{table}:{days}:{Location(locationId)}", audit, cancellationToken);
    }

    /// <summary>Whether the user may choose a period by dates: only the roles that see names anyway (ADR 0035).</summary>
    private async Task<bool> ChoosesDaysAsync() => (await authorization.AuthorizeAsync(User, Policies.SeesNamedReports)).Succeeded;

    private static string Days(ReportPeriod period) =>
        $"{period.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{period.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    private static string Location(int? locationId) => locationId?.ToString(CultureInfo.InvariantCulture) ?? "alle";

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<DashboardReport> DashboardAsync(int? locationId, int? year, string? from, string? to, bool choosesDays,
        DashboardReportQuery dashboard, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var (locations, location) = await LocationFilterAsync(locationId, cancellationToken);
        var choice = choosesDays ? ReportPeriod.Choose(year, from, to, Today(clock)) : ReportPeriod.ChoosePublished(year, from, to, Today(clock));
        foreach (var error in choice.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        return await dashboard.HandleAsync(locations, location, choice.Period, cancellationToken);
    }
}

/// <param name="FromInput">The begin date as the date field shows it ("jjjj-mm-dd"), or null for the school year's first day.</param>
/// <param name="ToInput">The end date as the date field shows it, or null for the school year's last day (or today).</param>
/// <param name="ChoosesDays">Whether the user may choose begin and end dates; else the published period of a school year (ADR 0035).</param>
public sealed record DashboardPage(DashboardReport Report, SchoolYear CurrentYear, string? FromInput, string? ToInput, bool ChoosesDays = true)
{
    public IEnumerable<SchoolYear> Years => ReportYears.Choosable(CurrentYear);

    /// <summary>The filter as it is applied, for the download links.</summary>
    public Dictionary<string, string> Filter(string table, string format)
    {
        var period = Report.Period;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["table"] = table,
            ["format"] = format,
            ["year"] = period.SchoolYear.StartYear.ToString(CultureInfo.InvariantCulture),
        };
        if (ChoosesDays)
        {
            values["from"] = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            values["to"] = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (Report.LocationId is int id)
        {
            values["locationId"] = id.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    public string PeriodText => $"{Dutch.Date(Report.Period.From)} tot en met {Dutch.Date(Report.Period.To)}";
}

/// <summary>One block of the dashboard: a heading, an optional chart, its table and the download links.</summary>
public sealed record DashboardSection(DashboardPage Page, string Key, string Title, ReportTable Table, ReportChart? Chart, string? Note = null);
