using System.Globalization;
using LeerlingzorgPortal.Domain.Auditing;

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>A problem with what the reviewer typed in the filter: the field and a Dutch message.</summary>
public sealed record AuditFilterError(string Field, string Message);

/// <summary>The filter as the query string carries it (the action as "auditAction": "action" is MVC's own route value; dates "jjjj-mm-dd" from a date field, or "dd-mm-jjjj").</summary>
public sealed record AuditFilterInput(string? UserId, string? Pupil, int? PupilId, string? From, string? To, string? Action);

/// <summary>
/// The filter as applied. Dates are days in Amsterdam time, <see cref="From"/> up to and including <see cref="To"/>.
/// A part that could not be read is left out (and reported), never guessed.
/// </summary>
public sealed record AuditFilter(string? UserId, string? Pupil, int? PupilId, DateOnly? From, DateOnly? To, AuditAction? Action)
{
    public static readonly AuditFilter None = new(null, null, null, null, null, null);

    /// <summary>The first moment shown (midnight in Amsterdam), or null.</summary>
    public DateTimeOffset? Start => From is { } day ? Midnight(day) : null;

    /// <summary>The first moment no longer shown (midnight after <see cref="To"/> in Amsterdam), or null.</summary>
    public DateTimeOffset? End => To is { } day ? Midnight(day.AddDays(1)) : null;

    public static DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, SchoolHours.Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    public static (AuditFilter Filter, IReadOnlyList<AuditFilterError> Errors) Parse(AuditFilterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<AuditFilterError>();
        var from = ParseDate(input.From, "from", "begindatum", errors);
        var to = ParseDate(input.To, "to", "einddatum", errors);
        if (from is not null && to is not null && to < from)
        {
            errors.Add(new("to", "De einddatum ligt vóór de begindatum."));
            (from, to) = (null, null);
        }

        AuditAction? action = null;
        if (!string.IsNullOrWhiteSpace(input.Action))
        {
            if (Enum.TryParse<AuditAction>(input.Action.Trim(), ignoreCase: false, out var parsed)
                && Enum.IsDefined(parsed) && !input.Action.Trim().All(char.IsAsciiDigit))
            {
                action = parsed;
            }
            else
            {
                errors.Add(new("auditAction", "Kies een handeling uit de lijst."));
            }
        }

        var pupil = string.IsNullOrWhiteSpace(input.Pupil) ? null : input.Pupil.Trim();
        if (pupil is { Length: > 100 })
        {
            errors.Add(new("pupil", "Zoek op een naam of leerlingnummer van hoogstens 100 tekens."));
            pupil = null;
        }

        var userId = string.IsNullOrWhiteSpace(input.UserId) ? null : input.UserId.Trim();
        return (new AuditFilter(userId, pupil, input.PupilId, from, to, action), errors);
    }

    /// <summary>The filter for links and the download: the same query string values.</summary>
    public Dictionary<string, string> RouteValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (UserId is not null)
        {
            values["userId"] = UserId;
        }

        if (Pupil is not null)
        {
            values["pupil"] = Pupil;
        }

        if (PupilId is int id)
        {
            values["pupilId"] = id.ToString(CultureInfo.InvariantCulture);
        }

        if (From is { } from)
        {
            values["from"] = IsoDate(from);
        }

        if (To is { } to)
        {
            values["to"] = IsoDate(to);
        }

        if (Action is { } action)
        {
            values["auditAction"] = action.ToString();
        }

        return values;
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? value, string field, string name, List<AuditFilterError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text, ["d-M-yyyy", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            if (date.Year >= 2000 && date.Year <= 2100)
            {
                return date;
            }
        }

        errors.Add(new(field, $"De {name} is geen geldige datum; schrijf hem als dd-mm-jjjj."));
        return null;
    }
}
