using System.Net;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests.QueryCounts;

/// <summary>
/// The home pages, lists, dashboard and exports send a fixed number of SQL commands whatever the amount
/// of data: each is measured with two dossiers and again after 23 more (with their cases, notes, action
/// items, plans, meetings, incidents, notifications and pupils that left), plus referrals waiting in the
/// intake queue. An N+1 (a query per row shown) makes the two numbers differ. All pages are measured
/// once for the class, before and after, so the tests do not depend on their order.
/// </summary>
public abstract class ListQueryCountTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly (string Page, string Account, string Url)[] Pages =
    [
        ("Home (mentor)", TestOrganisation.MentorA, "/"),
        ("Home (care worker)", TestOrganisation.CareWorkerNorth, "/"),
        ("Home (coordinator)", TestOrganisation.CoordinatorNorth, "/"),
        ("Home (school leader)", TestOrganisation.SchoolLeader, "/"),
        ("Home (admin)", TestOrganisation.Admin, "/"),
        ("Intake queue", TestOrganisation.CoordinatorNorth, "/Triage"),
        ("Pupil search", TestOrganisation.CoordinatorNorth, "/Pupils?Search=Dossier"),
        ("Referrals", TestOrganisation.MentorA, "/Referrals"),
        ("Cases", TestOrganisation.CareWorkerNorth, "/CareCases"),
        ("Action items", TestOrganisation.CareWorkerNorth, "/ActionItems"),
        ("Incidents", TestOrganisation.CoordinatorNorth, "/Incidents"),
        ("Meetings", TestOrganisation.CoordinatorNorth, "/Meetings"),
        ("Meldcode", TestOrganisation.CoordinatorNorth, "/Meldcode"),
        ("Notifications", TestOrganisation.CareWorkerNorth, "/Notifications"),
        ("Expiring accommodations", TestOrganisation.CoordinatorNorth, "/Accommodations/Expiring"),
        ("Retention list", TestOrganisation.CoordinatorNorth, "/Retention"),
        ("Audit viewer", TestOrganisation.Admin, "/Audit"),
        ("Dashboard", TestOrganisation.SchoolLeader, "/Reports"),
        ("Dashboard export", TestOrganisation.SchoolLeader, "/Reports/DashboardExport?table=aanmeldingen&format=csv"),
        ("Care figures", TestOrganisation.SchoolLeader, "/Reports/Care"),
        ("Coordinator's action item list", TestOrganisation.CoordinatorNorth, "/Reports/Coordinator/actiepunten"),
        ("Coordinator's action item export", TestOrganisation.CoordinatorNorth, "/Reports/Coordinator/actiepunten/Export?format=csv"),
        ("Change password (floor)", TestOrganisation.MentorA, "/Account/Password"),
    ];

    [Fact]
    public Task The_mentor_s_home_page_issues_a_fixed_number_of_queries_whatever_the_number_of_referrals_and_action_items() =>
        AssertFixedAsync("Home (mentor)");

    [Fact]
    public Task The_care_worker_s_home_page_issues_a_fixed_number_of_queries_whatever_the_number_of_cases() =>
        AssertFixedAsync("Home (care worker)");

    [Fact]
    public Task The_coordinator_s_home_page_issues_a_fixed_number_of_queries_whatever_the_number_of_cases_and_waiting_referrals() =>
        AssertFixedAsync("Home (coordinator)");

    [Fact]
    public Task The_school_leader_s_home_page_issues_a_fixed_number_of_queries_whatever_the_amount_of_care() =>
        AssertFixedAsync("Home (school leader)");

    [Fact]
    public Task The_admin_s_home_page_issues_a_fixed_number_of_queries_whatever_the_number_of_pupils() =>
        AssertFixedAsync("Home (admin)");

    [Fact]
    public Task The_intake_queue_issues_a_fixed_number_of_queries_whatever_the_number_of_waiting_referrals() =>
        AssertFixedAsync("Intake queue");

    [Fact]
    public Task Pupil_search_issues_a_fixed_number_of_queries_whatever_the_number_of_pupils_found() =>
        AssertFixedAsync("Pupil search");

    [Fact]
    public Task The_referral_list_issues_a_fixed_number_of_queries_whatever_the_number_of_referrals() =>
        AssertFixedAsync("Referrals");

    [Fact]
    public Task The_case_list_issues_a_fixed_number_of_queries_whatever_the_number_of_cases() =>
        AssertFixedAsync("Cases");

    [Fact]
    public Task The_action_item_list_issues_a_fixed_number_of_queries_whatever_the_number_of_action_items() =>
        AssertFixedAsync("Action items");

    [Fact]
    public Task The_incident_list_issues_a_fixed_number_of_queries_whatever_the_number_of_incidents() =>
        AssertFixedAsync("Incidents");

    [Fact]
    public Task The_meeting_list_issues_a_fixed_number_of_queries_whatever_the_number_of_meetings() =>
        AssertFixedAsync("Meetings");

    [Fact]
    public Task The_meldcode_list_issues_a_fixed_number_of_queries_whatever_the_number_of_tracks() =>
        AssertFixedAsync("Meldcode");

    [Fact]
    public Task The_notification_list_issues_a_fixed_number_of_queries_whatever_the_number_of_notifications() =>
        AssertFixedAsync("Notifications");

    [Fact]
    public Task The_expiring_accommodations_list_issues_a_fixed_number_of_queries_whatever_the_number_of_accommodations() =>
        AssertFixedAsync("Expiring accommodations");

    [Fact]
    public Task The_retention_list_issues_a_fixed_number_of_queries_whatever_the_number_of_dossiers_due() =>
        AssertFixedAsync("Retention list");

    [Fact]
    public Task The_audit_viewer_issues_a_fixed_number_of_queries_whatever_the_number_of_audit_lines() =>
        AssertFixedAsync("Audit viewer");

    [Fact]
    public Task The_leader_s_dashboard_issues_a_fixed_number_of_queries_whatever_the_amount_of_care() =>
        AssertFixedAsync("Dashboard");

    [Fact]
    public Task The_dashboard_export_issues_a_fixed_number_of_queries_whatever_the_amount_of_care() =>
        AssertFixedAsync("Dashboard export");

    [Fact]
    public Task The_care_figures_issue_a_fixed_number_of_queries_whatever_the_number_of_cases() =>
        AssertFixedAsync("Care figures");

    [Fact]
    public Task The_coordinator_s_action_item_list_issues_a_fixed_number_of_queries_whatever_the_number_of_action_items() =>
        AssertFixedAsync("Coordinator's action item list");

    [Fact]
    public Task The_coordinator_s_action_item_export_issues_a_fixed_number_of_queries_whatever_the_number_of_action_items() =>
        AssertFixedAsync("Coordinator's action item export");

    [Fact]
    public Task The_cheapest_signed_in_page_issues_one_query_the_session_check_with_claims_and_badge() =>
        AssertFixedAsync("Change password (floor)");

    private async Task AssertFixedAsync(string page)
    {
        var (few, many) = await Fixture.OnceAsync("query counts", MeasureAsync);
        QueryBudget.AssertFixed(page, few[page], many[page]);
    }

    private async Task<(Dictionary<string, int> Few, Dictionary<string, int> Many)> MeasureAsync()
    {
        await GrowAsync(2);
        var few = await MeasureAllAsync();
        await GrowAsync(23);
        var many = await MeasureAllAsync();
        return (few, many);
    }

    private async Task GrowAsync(int dossiers)
    {
        var today = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < dossiers; i++)
        {
            await Fixture.SeedFullDossierAsync(Org.NorthId);
            await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: today.AddYears(-3).AddDays(-1 - i));
            await Fixture.SeedReferralAsync(i % 2 == 0 ? "Anna" : "Carmen", TestOrganisation.MentorA, ReferralStatus.Submitted);
            await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth,
                (r, now) => r.AddActionItem(r.AssignedCareWorkerId!, r.AssignedCareWorkerId!, "Actie", today.AddDays(1), now));
        }

        await Fixture.RunRetentionScanAsync();
    }

    private async Task<Dictionary<string, int>> MeasureAllAsync()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (page, account, url) in Pages)
        {
            var client = await Fixture.ClientForAsync(account);
            // Once to warm up (first use of a query, a view), then measured.
            await Fixture.SqlCommandsOfAsync(client, url, HttpStatusCode.OK);
            counts[page] = await Fixture.SqlCommandsOfAsync(client, url, HttpStatusCode.OK);
        }

        return counts;
    }
}

public sealed class ListQueryCountTests_Sqlite(SqlitePortalFixture fixture) : ListQueryCountTests<SqlitePortalFixture>(fixture);

public sealed class ListQueryCountTests_PostgreSql(PostgreSqlPortalFixture fixture) : ListQueryCountTests<PostgreSqlPortalFixture>(fixture);

public sealed class ListQueryCountTests_SqlServer(SqlServerPortalFixture fixture) : ListQueryCountTests<SqlServerPortalFixture>(fixture);
