using System.Globalization;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// The signal lists with pupil names (ADR 0014): for the coordinator at their locations, for level c across
/// the board. Every list shown or downloaded is a read of the named pupils' dossiers and is audited per pupil.
/// </summary>
[Route("Reports/Coordinator")]
public sealed class CoordinatorReportsController(ReportLocations reportLocations, SignalListQuery query, AuditLog audit,
    IAuthorizationService authorization) : Controller
{
    private const string Subject = "CoordinatorReport";

    /// <summary>
    /// Not <c>[Authorize(Policy = ...)]</c>: a refused policy sends the user to the access-denied page, which
    /// would tell a school leader (or a mentor, or a care worker a or b) that lists with names exist here. The
    /// issue asks for 404 for the school leader; everybody without <see cref="Policies.SeesNamedReports"/> gets
    /// the same 404, as for any record out of reach. Anonymous users never get here: the fallback policy sends
    /// them to the sign-in page first.
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!(await authorization.AuthorizeAsync(User, Policies.SeesNamedReports)).Succeeded)
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    [HttpGet("")]
    [HttpGet("{list}")]
    public async Task<IActionResult> Index(string? list, int? locationId, int? page, CancellationToken cancellationToken)
    {
        var chosen = list is null ? SignalList.All[0] : SignalList.Find(list);
        if (chosen is null)
        {
            return NotFound();
        }

        var (locations, location) = await reportLocations.ChooseAsync(locationId, ModelState, cancellationToken);
        var rows = await query.HandleAsync(chosen, new ReportScope(locations, location).ViewIds, page ?? 1, cancellationToken);
        foreach (var pupilId in rows.Items.Select(r => r.PupilId).Distinct())
        {
            audit.Add(AuditAction.Read, Subject, chosen.Key, pupilId);
        }

        await audit.RecordAsync(AuditAction.Read, Subject, Describe(chosen, location), null, cancellationToken);
        return View("Coordinator", new SignalListPage(chosen, query.ExplanationOf(chosen), locations, location, rows));
    }

    /// <summary>The whole list (not one page) as CSV or Excel, with the names; audited per pupil.</summary>
    [HttpGet("{list}/Export")]
    public async Task<IActionResult> Export(string list, string? format, int? locationId, CancellationToken cancellationToken)
    {
        var chosen = SignalList.Find(list);
        if (chosen is null || format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var (locations, location) = await reportLocations.ChooseAsync(locationId, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var rows = await query.HandleAsync(chosen, new ReportScope(locations, location).ViewIds, page: null, cancellationToken);
        foreach (var pupilId in rows.Items.Select(r => r.PupilId).Distinct())
        {
            audit.Add(AuditAction.Export, Subject, chosen.Key, pupilId);
        }

        await audit.RecordAsync(AuditAction.Export, Subject, Describe(chosen, location), null, cancellationToken);
        var table = new TextTable(["Leerling", .. chosen.Columns],
            rows.Items.Select(r => (IReadOnlyList<string>)[r.PupilName, .. r.Cells]).ToList());
        return ReportExport.ToFile(table, $"signaallijst-{chosen.Key}", format, chosen.Title);
    }

    private static string Describe(SignalList list, int? location) =>
        $"{list.Key}:{location?.ToString(CultureInfo.InvariantCulture) ?? "alle"}";
}
