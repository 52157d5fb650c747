using System.Globalization;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Access;

/// <summary>
/// Who reviews which audit lines, and how the pupil in a line is shown (ADR 0034). Roles add up:
/// <list type="bullet">
/// <item>the functional admin manages accounts and settings, never dossiers: only lines without a pupil;</item>
/// <item>a coordinator: lines about pupils of their locations (by name) and lines without a pupil written by
/// staff of their locations;</item>
/// <item>the privacy officer (FG): every line of the board, each pupil as a pseudonym until a named lookup with
/// a reason, which is itself audited;</item>
/// <item>a line about a meldcode track only for the coordinators of the track's location and its members,
/// whatever else the reviewer may see (<see cref="IncidentAccess.MeldcodeTracksOf"/>).</item>
/// </list>
/// </summary>
public static class AuditAccess
{
    /// <summary>The subject type of the audit lines about a meldcode track.</summary>
    public const string MeldcodeSubject = "MeldcodeTrack";

    /// <summary>The subject type of the line a named lookup writes (with the pupil and the reason).</summary>
    public const string NamedLookupSubject = "AuditPupilName";

    /// <summary>The shortest reason accepted for a named lookup: a few words, not a letter.</summary>
    public const int LookupReasonMinLength = 10;

    public const int LookupReasonMaxLength = 400;

    private const string PseudonymPrefix = "L-";

    public static bool ReviewsAudit(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Admin) || scope.Has(StaffRole.PrivacyOfficer) || ReviewsOwnLocations(scope);
    }

    /// <summary>A coordinator with locations reviews the lines of their locations, pupils by name.</summary>
    public static bool ReviewsOwnLocations(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Coordinator) && scope.LocationIds.Count > 0;
    }

    /// <summary>The privacy officer reviews every pupil line of the board, pseudonymised.</summary>
    public static bool ReviewsBoardPseudonymised(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.PrivacyOfficer);
    }

    /// <summary>Lines without a pupil from anyone: the admin and the privacy officer.</summary>
    public static bool SeesEveryLineWithoutPupil(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Has(StaffRole.Admin) || scope.Has(StaffRole.PrivacyOfficer);
    }

    /// <summary>Whether a pupil in a line is shown by name: only to a coordinator of the pupil's location.</summary>
    public static bool SeesPupilName(StaffScope scope, int pupilLocationId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return ReviewsOwnLocations(scope) && scope.LocationIds.Contains(pupilLocationId);
    }

    /// <summary>The pupil as the privacy officer sees them: the record id, which the "what" column shows as well.</summary>
    public static string Pseudonym(int pupilId) => PseudonymPrefix + pupilId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads "L-123" (any case, spaces around, the dash optional) back to the pupil id.</summary>
    public static int? ParsePseudonym(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || !value.StartsWith('L') && !value.StartsWith('l'))
        {
            return null;
        }

        value = value[1..].TrimStart('-', ' ');
        return value.Length is > 0 and <= 9 && value.All(char.IsAsciiDigit)
               && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : null;
    }

    /// <summary>A named lookup needs a reason of a few words; the Dutch message, or null when it will do.</summary>
    public static string? LookupReasonProblem(string? reason)
    {
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length < LookupReasonMinLength)
        {
            return $"Geef een reden van minstens {LookupReasonMinLength} tekens, bijvoorbeeld het inzageverzoek of de klacht waar het om gaat.";
        }

        return text.Length > LookupReasonMaxLength ? $"De reden is hoogstens {LookupReasonMaxLength} tekens lang." : null;
    }
}
