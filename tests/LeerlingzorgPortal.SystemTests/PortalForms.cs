using System.Globalization;

namespace LeerlingzorgPortal.SystemTests;

/// <summary>The fields of the portal's forms as a browser posts them.</summary>
public static class PortalForms
{
    /// <summary>An aanmelding (referral), submitted straight away ("Indienen").</summary>
    public static IEnumerable<KeyValuePair<string, string>> Referral(int pupilId, Guid requestId, string question) =>
    [
        new("PupilId", pupilId.ToString(CultureInfo.InvariantCulture)),
        new("Category", "Behaviour"),
        new("Urgency", "Normal"),
        new("Question", question),
        new("AlreadyTried", "Gesprekken met de mentor"),
        new("ParentsInformed", "false"),
        new("RequestId", requestId.ToString()),
        new("Version", Guid.Empty.ToString()),
        new("Intent", "submit"),
    ];
}
