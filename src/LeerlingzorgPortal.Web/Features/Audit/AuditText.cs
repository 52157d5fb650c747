using LeerlingzorgPortal.Domain.Auditing;

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>How audit codes read on screen and in the export.</summary>
public static class AuditText
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Read => "Ingezien",
        AuditAction.Create => "Aangemaakt",
        AuditAction.Update => "Gewijzigd",
        AuditAction.Deactivate => "Gedeactiveerd",
        AuditAction.Reactivate => "Weer geactiveerd",
        AuditAction.PasswordReset => "Wachtwoord opnieuw ingesteld",
        AuditAction.Export => "Geëxporteerd",
        AuditAction.Delete => "Verwijderd",
        AuditAction.AccessRefused => "Toegang geweigerd",
        AuditAction.SignIn => "Ingelogd",
        AuditAction.SignInFailed => "Inloggen mislukt",
        AuditAction.LockedOut => "Account geblokkeerd",
        AuditAction.SignOut => "Uitgelogd",
        AuditAction.TwoFactorEnabled => "Tweestapsverificatie aangezet",
        AuditAction.TwoFactorDisabled => "Tweestapsverificatie uitgezet",
        AuditAction.TwoFactorReset => "Tweestapsverificatie gereset",
        AuditAction.RecoveryCodeUsed => "Herstelcode gebruikt",
        AuditAction.RecoveryCodesRenewed => "Nieuwe herstelcodes",
        AuditAction.RetentionDeleted => "Verwijderd na bewaartermijn",
        AuditAction.SessionsEnded => "Eigen sessies beëindigd",
        AuditAction.PasswordChanged => "Eigen wachtwoord gewijzigd",
        _ => action.ToString(),
    };

    private static readonly Dictionary<string, string> Subjects = new(StringComparer.Ordinal)
    {
        ["Pupil"] = "Leerlingdossier",
        ["Account"] = "Account",
        ["Page"] = "Pagina",
        ["Timeline"] = "Tijdlijn",
        ["Referral"] = "Aanmelding / zorgtraject",
        ["CarePlan"] = "Handelingsplan / OPP",
        ["CarePlanPrint"] = "Handelingsplan (afdruk)",
        ["Meeting"] = "Overleg",
        ["MeetingExternal"] = "Overleg (externe versie)",
        ["AgendaItem"] = "Agendapunt",
        ["PupilConsent"] = "Toestemming",
        ["Incident"] = "Incident",
        ["MeldcodeTrack"] = "Meldcodetraject",
        ["Accommodation"] = "Faciliteit",
        ["AccommodationCard"] = "Faciliteitenkaart",
        ["AccommodationGroupOverview"] = "Faciliteiten van een groep",
        ["Intervention"] = "Zorgaanbod",
        ["InterventionParticipants"] = "Deelnemers zorgaanbod",
        ["Enrolment"] = "Deelname zorgaanbod",
        ["Handover"] = "Warme overdracht",
        ["PupilImport"] = "Import leerlingen",
        ["ImportUpload"] = "Importbestand",
        ["StaffMember"] = "Gebruiker",
        ["Report"] = "Rapportage",
        ["CoordinatorReport"] = "Signaallijst",
        ["CareYearReport"] = "Zorgjaarverslag",
        ["Protocol"] = "Protocol",
        ["ExternalOrganisation"] = "Sociale kaart",
        ["CustomIncidentCategory"] = "Incidentcategorie",
        ["AuditLog"] = "Auditlog",
        ["AuditUnusualAccess"] = "Overzicht ongebruikelijke toegang",

        // Refused access names the controller that answered 404.
        ["Pupils"] = "Leerlingpagina",
        ["Referrals"] = "Aanmelding",
        ["CareCases"] = "Zorgtraject",
        ["Triage"] = "Intake",
        ["CarePlans"] = "Handelingsplan / OPP",
        ["Meetings"] = "Overleg",
        ["Consents"] = "Toestemming",
        ["Incidents"] = "Incident",
        ["Meldcode"] = "Meldcodetraject",
        ["Accommodations"] = "Faciliteit",
        ["Interventions"] = "Zorgaanbod",
        ["Agencies"] = "Sociale kaart",
        ["Protocols"] = "Protocol",
        ["ActionItems"] = "Actiepunt",
        ["Handovers"] = "Warme overdracht",
        ["Import"] = "Importbestand",
        ["Users"] = "Gebruiker",
    };

    /// <summary>The record kind in Dutch; a controller name (refused access) or an unknown kind as it is.</summary>
    public static string Subject(string subjectType) =>
        Subjects.TryGetValue(subjectType, out var text) ? text : subjectType;
}
