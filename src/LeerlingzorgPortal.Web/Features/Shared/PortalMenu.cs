using LeerlingzorgPortal.Web.Security;

namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>
/// The main menu as data: each item names the policy of the catalogue that decides who sees it (none: every
/// signed-in user), so the menu cannot show a page to other roles than the page itself lets in (ADR 0045).
/// The layout renders <see cref="Care"/>, the notification badge, then <see cref="Management"/>.
/// </summary>
public static class PortalMenu
{
    public static IReadOnlyList<MenuItem> Care { get; } =
    [
        new("Start", "Home"),
        new("Leerlingen", "Pupils", Policies.WorksWithPupils),
        new("Aanmeldingen", "Referrals", Policies.WorksWithPupils),
        new("Intake", "Triage", Policies.Triages),
        new("Zorgtrajecten", "CareCases", Policies.WorksCases),
        new("Overleggen", "Meetings", Policies.WorksWithPupils),
        new("Actiepunten", "ActionItems", Policies.WorksWithPupils),
        new("Incidenten", "Incidents"),
        // The list itself opens for everyone (it is empty for who is on no track); the menu offers it to case staff.
        new("Meldcode", "Meldcode", Policies.WorksCases),
        new("Zorgaanbod", "Interventions"),
        new("Sociale kaart", "Agencies"),
        new("Protocollen", "Protocols"),
    ];

    public static IReadOnlyList<MenuItem> Management { get; } =
    [
        new("Rapportage", "Reports", Policies.SeesReports) { AlsoActiveFor = ["CoordinatorReports", "YearReports"] },
        new("Import", "Import", Policies.Imports),
        new("Bewaartermijnen", "Retention", Policies.ReviewsRetention),
        new("Auditlog", "Audit", Policies.ReviewsAudit),
        new("Gebruikers", "Users", Policies.ManagesUsers),
        new("Organisatie", "Organisation", Policies.ManagesUsers),
        new("Incidentcategorieën", "IncidentCategories", Policies.ManagesUsers),
        new("Bewaartermijnen", "RetentionPeriods", Policies.ManagesUsers) { Href = "/Admin/RetentionPeriods" },
    ];

    public static IEnumerable<MenuItem> All => Care.Concat(Management);
}

/// <param name="Text">The Dutch label.</param>
/// <param name="Controller">The controller of the item's page (its Index action unless <see cref="Href"/> says otherwise).</param>
/// <param name="Policy">The policy that decides who sees the item; null for every signed-in user.</param>
public sealed record MenuItem(string Text, string Controller, string? Policy = null)
{
    /// <summary>A fixed address, for a page whose address the route generator does not give.</summary>
    public string? Href { get; init; }

    /// <summary>Other controllers whose pages belong to this item (it is marked as the current page there).</summary>
    public IReadOnlyList<string> AlsoActiveFor { get; init; } = [];

    public bool IsActive(string? controller) => controller == Controller || (controller is not null && AlsoActiveFor.Contains(controller));
}
