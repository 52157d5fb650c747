using LeerlingzorgPortal.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// The named policies in one catalogue (ADR 0045): controllers name them in <c>[Authorize(Policy = ...)]</c>, and the
/// menu (<see cref="Features.Shared.PortalMenu"/>) and the views ask them through <see cref="PolicyGate"/>, so no page
/// repeats a role list. A policy says which roles may open a kind of page; which records they see there is the
/// need-to-know rules' business (<c>LeerlingzorgPortal.Domain.Access</c>).
/// </summary>
public static class Policies
{
    /// <summary>Mentors, care staff and coordinators: the roles that work with individual pupils.</summary>
    public const string WorksWithPupils = nameof(WorksWithPupils);

    /// <summary>Coordinators and level c: the intake queue and triage.</summary>
    public const string Triages = nameof(Triages);

    /// <summary>Care workers, coordinators: the case lists.</summary>
    public const string WorksCases = nameof(WorksCases);

    /// <summary>The admin and the coordinators: importing from the pupil administration.</summary>
    public const string Imports = nameof(Imports);

    /// <summary>Coordinators and care workers b and c: the care offering, the sociale kaart and the protocols.</summary>
    public const string MaintainsCareOffering = nameof(MaintainsCareOffering);

    /// <summary>School leaders, coordinators and level c: reports with counts, never names.</summary>
    public const string SeesReports = nameof(SeesReports);

    /// <summary>
    /// Coordinators and level c: the signal lists with pupil names (overdue items, no contact, OPPs due,
    /// ZAT, external referrals). Never school leaders: their reports are counts only.
    /// </summary>
    public const string SeesNamedReports = nameof(SeesNamedReports);

    /// <summary>The functional administrator (users, roles, locations).</summary>
    public const string ManagesUsers = nameof(ManagesUsers);

    /// <summary>Coordinators: the retention due list of their own locations and the inzage export.</summary>
    public const string ReviewsRetention = nameof(ReviewsRetention);

    /// <summary>Coordinators (own locations) and the admin: a pupil's leaving date set by hand.</summary>
    public const string SetsLeavingDate = nameof(SetsLeavingDate);

    /// <summary>
    /// The audit log (ADR 0034): the coordinators (lines about their locations), the privacy officer (the whole
    /// board, pupils pseudonymised) and the admin (only lines without pupil content).
    /// </summary>
    public const string ReviewsAudit = nameof(ReviewsAudit);

    /// <summary>The overview of unusual access to dossiers: the coordinators and the privacy officer, not the admin.</summary>
    public const string ReviewsDossierAccess = nameof(ReviewsDossierAccess);

    /// <summary>The privacy officer: who is behind a pseudonym in the audit log, with a reason that is itself audited.</summary>
    public const string LooksUpAuditNames = nameof(LooksUpAuditNames);

    /// <summary>Coordinators and care workers b and c: planning care meetings (<see cref="MeetingAccess.MayPlan"/>).</summary>
    public const string PlansMeetings = nameof(PlansMeetings);

    /// <summary>The school leader: the start page's figures without names (a school leader never opens a dossier).</summary>
    public const string LeadsSchool = nameof(LeadsSchool);

    /// <summary>Every named policy of the catalogue, for the tests that hold the menu to it.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        WorksWithPupils, Triages, WorksCases, Imports, MaintainsCareOffering, SeesReports, SeesNamedReports, ManagesUsers,
        ReviewsRetention, SetsLeavingDate, ReviewsAudit, ReviewsDossierAccess, LooksUpAuditNames, PlansMeetings, LeadsSchool,
    ];

    public static void Register(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Every endpoint requires a signed-in user unless it says [AllowAnonymous].
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(WorksWithPupils, p => p.RequireRole(
            PortalRoles.Mentor, PortalRoles.CareWorkerA, PortalRoles.CareWorkerB, PortalRoles.CareWorkerC,
            PortalRoles.Coordinator));
        options.AddPolicy(Triages, p => p.RequireRole(PortalRoles.Coordinator, PortalRoles.CareWorkerC));
        options.AddPolicy(WorksCases, p => p.RequireRole(
            PortalRoles.CareWorkerA, PortalRoles.CareWorkerB, PortalRoles.CareWorkerC, PortalRoles.Coordinator));
        options.AddPolicy(MaintainsCareOffering, p => p.RequireRole(
            PortalRoles.Coordinator, PortalRoles.CareWorkerB, PortalRoles.CareWorkerC));
        options.AddPolicy(SeesReports, p => p.RequireRole(
            PortalRoles.SchoolLeader, PortalRoles.Coordinator, PortalRoles.CareWorkerC));
        options.AddPolicy(SeesNamedReports, p => p.RequireRole(PortalRoles.Coordinator, PortalRoles.CareWorkerC));
        options.AddPolicy(ManagesUsers, p => p.RequireRole(PortalRoles.Admin));
        options.AddPolicy(ReviewsRetention, p => p.RequireRole(PortalRoles.Coordinator));
        options.AddPolicy(SetsLeavingDate, p => p.RequireRole(PortalRoles.Admin, PortalRoles.Coordinator));
        options.AddPolicy(ReviewsAudit, p => p.RequireRole(PortalRoles.Admin, PortalRoles.Coordinator, PortalRoles.PrivacyOfficer));
        options.AddPolicy(ReviewsDossierAccess, p => p.RequireRole(PortalRoles.Coordinator, PortalRoles.PrivacyOfficer));
        options.AddPolicy(LooksUpAuditNames, p => p.RequireRole(PortalRoles.PrivacyOfficer));
        options.AddPolicy(Imports, p => p.RequireRole(PortalRoles.Admin, PortalRoles.Coordinator));
        options.AddPolicy(PlansMeetings, p => p.RequireRole(MeetingAccess.Planners.Select(r => r.ToString())));
        options.AddPolicy(LeadsSchool, p => p.RequireRole(PortalRoles.SchoolLeader));
    }
}
