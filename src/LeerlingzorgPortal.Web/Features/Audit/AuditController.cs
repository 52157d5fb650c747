using System.Globalization;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Features.Reports;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>
/// The audit log for review (ADR 0020, reviewer model of ADR 0034): the coordinator sees their locations, the
/// privacy officer the board with pupils pseudonymised, the admin the lines without a pupil (<see cref="AuditReach"/>).
/// Looking at the log, downloading it and a named lookup are themselves audited.
/// </summary>
[Authorize(Policy = Policies.ReviewsAudit)]
[Route("Audit")]
public sealed class AuditController(AuditLogQuery query, UnusualAccessQuery unusual, AuditReach reach, AuditLog audit, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Index(string? userId, string? pupil, int? pupilId, string? from, string? to, string? auditAction, int? page,
        CancellationToken cancellationToken) =>
        ShowAsync(userId, pupil, pupilId, from, to, auditAction, page, null, cancellationToken);

    private async Task<IActionResult> ShowAsync(string? userId, string? pupil, int? pupilId, string? from, string? to, string? auditAction, int? page,
        string? lookupReason, CancellationToken cancellationToken)
    {
        var filter = await ReadAsync(new AuditFilterInput(userId, pupil, pupilId, from, to, auditAction), cancellationToken);
        var rows = await query.PageAsync(filter, page, cancellationToken);
        await audit.RecordAsync(AuditAction.Read, "AuditLog", Describe(filter), await query.SinglePupilAsync(filter, cancellationToken),
            cancellationToken);
        return View(nameof(Index), new AuditLogPage(filter, new AuditFilterInput(userId, pupil, pupilId, from, to, auditAction), rows,
            await query.StaffOptionsAsync(cancellationToken), await reach.PseudonymisesAsync(cancellationToken),
            lookupReason, AuditAccess.ReviewsOwnLocations(await reach.ScopeAsync(cancellationToken))));
    }

    /// <summary>
    /// The privacy officer asks who is behind a pseudonym, with a reason (ADR 0034): the lookup is written to the
    /// log with the pupil and the reason before the name is shown, and then shown on a page of its own.
    /// </summary>
    [HttpPost("Lookup")]
    [Authorize(Policy = Policies.LooksUpAuditNames)]
    public async Task<IActionResult> Lookup(int? pupilId, string? reason, CancellationToken cancellationToken)
    {
        if (pupilId is not int id || !await query.PupilInReachAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (AuditAccess.LookupReasonProblem(reason) is { } problem)
        {
            ModelState.AddModelError("reason", problem);
            return await ShowAsync(null, null, id, null, null, null, null, reason, cancellationToken);
        }

        var line = audit.Add(AuditAction.Read, AuditAccess.NamedLookupSubject, id.ToString(CultureInfo.InvariantCulture), id, reason!.Trim());
        await audit.SaveAsync(cancellationToken);
        return RedirectToAction(nameof(Named), new { id = line.Id });
    }

    /// <summary>A named lookup of one's own: the pupil's name, number and location, with the reason given.</summary>
    [HttpGet("Named/{id:long}")]
    [Authorize(Policy = Policies.LooksUpAuditNames)]
    public async Task<IActionResult> Named(long id, CancellationToken cancellationToken) =>
        await query.NamedLookupAsync(id, cancellationToken) is { } lookup ? View(lookup) : NotFound();

    /// <summary>Every filtered line as CSV or Excel; the download is audited as an export.</summary>
    [HttpGet("Export")]
    public async Task<IActionResult> Export(string? format, string? userId, string? pupil, int? pupilId, string? from, string? to, string? auditAction,
        CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }

        var filter = await ReadAsync(new AuditFilterInput(userId, pupil, pupilId, from, to, auditAction), cancellationToken);
        var rows = await query.AllAsync(filter, cancellationToken);
        // Without a pupil id: one export line per download, which is what the unusual-access overview counts.
        await audit.RecordAsync(AuditAction.Export, "AuditLog", Describe(filter), null, cancellationToken);
        var table = new TextTable(
            ["Wanneer", "Wie", "Handeling", "Wat", "Kenmerk", "Leerling", "Vanaf (IP-adres)", "Toelichting"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                AuditTime.Text(r.At), r.UserName, AuditText.Action(r.Action), AuditText.Subject(r.SubjectType), r.SubjectId,
                r.PupilName ?? string.Empty, r.ClientAddress ?? string.Empty, r.Detail ?? string.Empty,
            ]).ToList());
        return ReportExport.ToFile(table, $"auditlog-{Today():yyyyMMdd}", format, "Auditlog");
    }

    /// <summary>Per user: pupils outside their caseload, refused accesses, reads outside school hours and exports.</summary>
    [HttpGet("Unusual")]
    [Authorize(Policy = Policies.ReviewsDossierAccess)]
    public async Task<IActionResult> Unusual(string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new List<AuditFilterError>();
        var today = Today();
        var first = AuditFilter.ParseDate(from, "from", "begindatum", errors) ?? today.AddDays(-29);
        var last = AuditFilter.ParseDate(to, "to", "einddatum", errors) ?? today;
        if (errors.Count == 0 && last < first)
        {
            errors.Add(new("to", "De einddatum ligt vóór de begindatum."));
        }
        else if (errors.Count == 0 && last.DayNumber - first.DayNumber + 1 > UnusualAccessQuery.MaxDays)
        {
            errors.Add(new("from", $"Kies een periode van hoogstens {UnusualAccessQuery.MaxDays} dagen."));
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        if (errors.Count > 0)
        {
            (first, last) = (today.AddDays(-29), today);
        }

        var rows = await unusual.HandleAsync(first, last, cancellationToken);
        await audit.RecordAsync(AuditAction.Read, "AuditUnusualAccess",
            $"{AuditFilter.IsoDate(first)}:{AuditFilter.IsoDate(last)}", null, cancellationToken);
        return View(new UnusualAccessPage(first, last, from, to, rows, unusual.Thresholds));
    }

    private async Task<AuditFilter> ReadAsync(AuditFilterInput input, CancellationToken cancellationToken)
    {
        var (filter, errors) = AuditFilter.Parse(input);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        // The privacy officer finds a pupil by pseudonym only; searching by name would be a named lookup without a reason.
        if (filter.Pupil is { } text && await reach.PseudonymisesAsync(cancellationToken))
        {
            if (AuditAccess.ParsePseudonym(text) is int id && (filter.PupilId is null || filter.PupilId == id))
            {
                return filter with { Pupil = null, PupilId = id };
            }

            ModelState.AddModelError("pupil", "Zoek op pseudoniem, zoals L-123. Een naam vraag je op bij de regels van die leerling, met een reden.");
            return filter with { Pupil = null };
        }

        return filter;
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), SchoolHours.Amsterdam).DateTime);

    /// <summary>The filter in the audit line, ids and dates only (the pupil search text is not kept: it may be a name).</summary>
    private static string Describe(AuditFilter filter)
    {
        var parts = new List<string>();
        if (filter.UserId is not null)
        {
            parts.Add("gebruiker");
        }

        if (filter.PupilId is int id)
        {
            parts.Add("leerling " + id.ToString(CultureInfo.InvariantCulture));
        }
        else if (filter.Pupil is not null)
        {
            parts.Add("leerling gezocht");
        }

        if (filter.From is { } from)
        {
            parts.Add("van " + AuditFilter.IsoDate(from));
        }

        if (filter.To is { } to)
        {
            parts.Add("tot " + AuditFilter.IsoDate(to));
        }

        if (filter.Action is { } action)
        {
            parts.Add(action.ToString());
        }

        var text = parts.Count == 0 ? "alles" : string.Join(", ", parts);
        return text.Length <= 64 ? text : text[..64];
    }
}

/// <summary>Moments in the audit viewer read in Dutch time (Europe/Amsterdam), whatever the server's zone.</summary>
public static class AuditTime
{
    public static string Text(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, SchoolHours.Amsterdam).ToString("dd-MM-yyyy HH:mm:ss", Dutch.Culture);
}

/// <param name="Pseudonymised">The reviewer is the privacy officer: pupils as pseudonyms, a named lookup with a reason.</param>
/// <param name="LookupReason">The reason typed for a refused named lookup, shown again.</param>
/// <param name="OwnLocations">The reviewer is a coordinator: the lines of their own locations, pupils by name.</param>
public sealed record AuditLogPage(AuditFilter Filter, AuditFilterInput Input, PagedList<AuditRow> Rows, IReadOnlyList<StaffOption> Staff,
    bool Pseudonymised = false, string? LookupReason = null, bool OwnLocations = false)
{
    public static IReadOnlyList<AuditAction> Actions { get; } = Enum.GetValues<AuditAction>();

    /// <summary>The query string of the filter with another page, or a format for the download.</summary>
    public Dictionary<string, string> With(string key, string value)
    {
        var values = Filter.RouteValues();
        values[key] = value;
        return values;
    }
}

public sealed record UnusualAccessPage(DateOnly From, DateOnly To, string? FromInput, string? ToInput,
    IReadOnlyList<UnusualAccessRow> Rows, UnusualAccessThresholds Thresholds)
{
    public string FromValue => FromInput ?? AuditFilter.IsoDate(From);

    public string ToValue => ToInput ?? AuditFilter.IsoDate(To);
}
