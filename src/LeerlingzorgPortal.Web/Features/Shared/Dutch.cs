using System.Globalization;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>How values read on screen: nl-NL dates and numbers, Dutch names for codes.</summary>
public static class Dutch
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"05-03-2012".</summary>
    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", Culture);

    /// <summary>"5 maart 2012".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>"22-11-2026 14:05", in the server's local time zone.</summary>
    public static string DateTime(DateTimeOffset moment) => moment.ToLocalTime().ToString("dd-MM-yyyy HH:mm", Culture);

    public static string Number(int value) => value.ToString("N0", Culture);

    public static string Relationship(GuardianRelationship relationship) => relationship switch
    {
        GuardianRelationship.Mother => "Moeder",
        GuardianRelationship.Father => "Vader",
        GuardianRelationship.Parent => "Ouder",
        GuardianRelationship.Carer => "Verzorger",
        _ => "Anders",
    };

    public static string Category(ReferralCategory category) => category switch
    {
        ReferralCategory.Learning => "Leren",
        ReferralCategory.Behaviour => "Gedrag",
        ReferralCategory.SocialEmotional => "Sociaal-emotioneel",
        ReferralCategory.HomeSituation => "Thuissituatie",
        ReferralCategory.Absence => "Verzuim",
        ReferralCategory.Bullying => "Pesten",
        ReferralCategory.Medical => "Medisch",
        _ => "Overig",
    };

    public static string Urgency(Urgency urgency) => urgency switch
    {
        Domain.Care.Urgency.Urgent => "Spoed",
        Domain.Care.Urgency.High => "Hoog",
        _ => "Normaal",
    };

    /// <summary>"Ingediend", with a capital for use on its own.</summary>
    public static string Status(ReferralStatus status)
    {
        var text = ReferralStatusText.Dutch(status);
        return char.ToUpper(text[0], Culture) + text[1..];
    }

    public static string SupportLevel(SupportLevel? level) => level switch
    {
        Domain.Care.SupportLevel.Basic => "Basisondersteuning",
        Domain.Care.SupportLevel.Extra => "Extra ondersteuning",
        _ => "–",
    };

    public static string Outcome(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.GoalsReached => "Doelen bereikt",
        CaseOutcome.PartlyReached => "Doelen deels bereikt",
        CaseOutcome.NotReached => "Doelen niet bereikt",
        _ => "Niet meer nodig",
    };

    public static string Parties(ContactParties parties)
    {
        var names = new List<string>();
        if (parties.HasFlag(ContactParties.Pupil))
        {
            names.Add("leerling");
        }

        if (parties.HasFlag(ContactParties.Parents))
        {
            names.Add("ouders/verzorgers");
        }

        if (parties.HasFlag(ContactParties.Mentor))
        {
            names.Add("mentor");
        }

        if (parties.HasFlag(ContactParties.External))
        {
            names.Add("extern");
        }

        return string.Join(", ", names);
    }

    public static string ParentsInformed(bool informed, DateOnly? on) =>
        !informed ? "Nee" : on is { } date ? $"Ja, op {Date(date)}" : "Ja";

    public static string MeetingType(MeetingType type) => type switch
    {
        Domain.Meetings.MeetingType.InternalCareMeeting => "Intern zorgoverleg",
        Domain.Meetings.MeetingType.PupilDiscussion => "Leerlingbespreking",
        Domain.Meetings.MeetingType.Zat => "ZAT",
        Domain.Meetings.MeetingType.Mdo => "MDO",
        _ => "Oudergesprek",
    };

    public static string Partner(PartnerKind kind) => kind switch
    {
        PartnerKind.Ggd => "GGD / jeugdarts",
        PartnerKind.Leerplicht => "Leerplicht",
        PartnerKind.Wijkteam => "Wijkteam",
        PartnerKind.Jeugdzorg => "Jeugdzorg",
        PartnerKind.Politie => "Politie",
        PartnerKind.VeiligThuis => "Veilig Thuis",
        PartnerKind.Clb => "CLB",
        PartnerKind.Samenwerkingsverband => "Samenwerkingsverband",
        _ => "Overig",
    };

    public static string IncidentCategory(IncidentCategory category) => category switch
    {
        Domain.Incidents.IncidentCategory.Bullying => "Pesten",
        Domain.Incidents.IncidentCategory.Cyberbullying => "Digitaal pesten",
        Domain.Incidents.IncidentCategory.PhysicalViolence => "Fysiek geweld",
        Domain.Incidents.IncidentCategory.VerbalViolence => "Verbaal geweld",
        Domain.Incidents.IncidentCategory.Discrimination => "Discriminatie",
        Domain.Incidents.IncidentCategory.SexualHarassment => "Seksuele intimidatie",
        Domain.Incidents.IncidentCategory.Theft => "Diefstal",
        Domain.Incidents.IncidentCategory.Vandalism => "Vernieling",
        Domain.Incidents.IncidentCategory.SubstanceUse => "Middelengebruik",
        Domain.Incidents.IncidentCategory.Weapons => "Wapenbezit",
        _ => "Overig",
    };

    public static string Severity(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.High => "Ernstig",
        IncidentSeverity.Medium => "Gemiddeld",
        _ => "Licht",
    };

    public static string Role(IncidentRole role) => role switch
    {
        IncidentRole.Victim => "slachtoffer",
        IncidentRole.Perpetrator => "dader",
        IncidentRole.Witness => "getuige",
        _ => "betrokken",
    };

    public static string ExternalStatus(ExternalReferralStatus status) => status switch
    {
        ExternalReferralStatus.Sent => "Verstuurd",
        ExternalReferralStatus.Accepted => "Geaccepteerd",
        ExternalReferralStatus.WaitingList => "Wachtlijst",
        ExternalReferralStatus.InCare => "In zorg",
        ExternalReferralStatus.Finished => "Afgerond",
        _ => "Afgewezen",
    };
}
