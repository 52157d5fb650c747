using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Protocols;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>Everything the zorgjaarverslag of one location and school year shows.</summary>
public sealed record CareYearReportPage(
    IReadOnlyList<FilterOption> Locations,
    FilterOption Location,
    SchoolYear SchoolYear,
    IReadOnlyList<SchoolYear> Years,
    bool IsCurrentYear,
    DashboardReport Figures,
    CareOfferingReport Offering,
    CareYearReportSections Sections,
    bool MayWrite);

/// <summary>A download link under a table of the yearly report: the dashboard's or care offering's export for the location and year.</summary>
public sealed record YearReportDownload(string Action, string Table, string Label, int LocationId, int Year);

/// <summary>The coordinator's texts as safe HTML, with who saved them last.</summary>
public sealed record CareYearReportSections(
    string? FiguresComment,
    string? PolicyEvaluation,
    string? GoalsNextYear,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    Guid ConcurrencyToken,
    CareYearReportForm Form);

/// <summary>
/// The zorgjaarverslag: the generated figures of one location over one school year (counts only,
/// small cells hidden) with the text sections its coordinator wrote for that year.
/// </summary>
public sealed class CareYearReportQuery(
    PortalDbContext db,
    CurrentStaff currentStaff,
    CareOfferingReportQuery offering,
    DashboardReportQuery dashboard,
    MarkdownRenderer markdown,
    TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The report over <paramref name="period"/>: a whole school year, or this year up to today.</summary>
    public async Task<CareYearReportPage> HandleAsync(IReadOnlyList<FilterOption> reachable, FilterOption location, ReportPeriod period,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reachable);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(period);
        var year = period.SchoolYear;
        var current = SchoolYear.Containing(Today);
        var figures = await dashboard.HandleAsync(reachable, location.Id, period, cancellationToken);
        var offered = await offering.HandleAsync(reachable, location.Id, year, cancellationToken);
        var sections = await SectionsAsync(location.Id, year, cancellationToken);
        return new CareYearReportPage(reachable, location, year, ReportYears.Choosable(current), year == current, figures, offered, sections,
            await MayWriteAsync(location.Id, cancellationToken));
    }

    /// <summary>The coordinators of the location write its report; a board-wide coordinator writes every one.</summary>
    public async Task<bool> MayWriteAsync(int locationId, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        return ReportAccess.WritesYearReport(scope, locationId);
    }

    /// <summary>The coordinator's texts of one location and year, as HTML and as the form to edit them.</summary>
    public async Task<CareYearReportSections> SectionsAsync(int locationId, SchoolYear year, CancellationToken cancellationToken = default)
    {
        var report = await db.CareYearReports.AsNoTracking()
            .SingleOrDefaultAsync(r => r.LocationId == locationId && r.SchoolYearStart == year.StartYear, cancellationToken);
        if (report is null)
        {
            return new CareYearReportSections(null, null, null, null, null, Guid.Empty, new CareYearReportForm());
        }

        var author = await db.StaffMembers.AsNoTracking().Where(s => s.Id == report.UpdatedById)
            .Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken);
        return new CareYearReportSections(
            Html(report.FiguresComment), Html(report.PolicyEvaluation), Html(report.GoalsNextYear), author, report.UpdatedAt, report.Version,
            new CareYearReportForm
            {
                FiguresComment = report.FiguresComment,
                PolicyEvaluation = report.PolicyEvaluation,
                GoalsNextYear = report.GoalsNextYear,
                ConcurrencyToken = report.Version,
            });
    }

    private string? Html(string? text) => text is null ? null : markdown.ToHtml(text);
}
