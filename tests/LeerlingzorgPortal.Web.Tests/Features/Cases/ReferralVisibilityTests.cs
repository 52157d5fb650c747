using System.Net;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests.Features.Cases;

/// <summary>
/// Who sees which referrals and cases, in lists and on their pages, in both directions. Four
/// referrals: Anna's case (north, care worker north), Carmen's submitted referral (north), Sem's case
/// (south, care worker south) and Bram's draft (mentor A).
/// </summary>
public abstract class ReferralVisibilityTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["Anna"] = "Anna de Jong",
        ["Carmen"] = "Carmen van Dijk",
        ["Sem"] = "Sem Bakker",
        ["Bram"] = "Bram Visser",
    };

    public static TheoryData<string, string[]> Visibility => new()
    {
        { TestOrganisation.MentorA, ["Anna", "Bram"] },
        { TestOrganisation.MentorB, ["Carmen"] },
        { TestOrganisation.CareWorkerNorth, ["Anna"] },
        { TestOrganisation.CareWorkerSouth, ["Sem"] },
        { TestOrganisation.CareWorkerC, ["Anna", "Carmen", "Sem"] },
        { TestOrganisation.CoordinatorNorth, ["Anna", "Carmen"] },
        { TestOrganisation.SchoolLeader, [] },
        { TestOrganisation.Admin, [] },
    };

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task A_referral_page_opens_exactly_for_those_who_may_read_it(string email, string[] visible)
    {
        var ids = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        foreach (var (pupil, id) in ids)
        {
            var response = await client.GetAsync(new Uri($"/Referrals/Details/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True((visible.Contains(pupil) ? HttpStatusCode.OK : HttpStatusCode.NotFound) == response.StatusCode,
                $"{email} on {pupil}'s referral: {response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task The_referral_list_holds_exactly_the_referrals_the_role_may_read(string email, string[] visible)
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var response = await client.GetAsync(new Uri("/Referrals", UriKind.Relative), TestContext.Current.CancellationToken);

        if (email is TestOrganisation.SchoolLeader or TestOrganisation.Admin)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            return;
        }

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        foreach (var (pupil, name) in Names)
        {
            Assert.True(visible.Contains(pupil) == html.Contains(name, StringComparison.Ordinal), $"{email} and {pupil} in the list");
        }
    }

    [Theory]
    [InlineData(TestOrganisation.CareWorkerNorth, new[] { "Anna" })]
    [InlineData(TestOrganisation.CareWorkerSouth, new[] { "Sem" })]
    [InlineData(TestOrganisation.CoordinatorNorth, new[] { "Anna" })]
    [InlineData(TestOrganisation.CareWorkerC, new[] { "Anna", "Sem" })]
    public async Task The_case_list_holds_exactly_the_open_cases_the_role_may_read(string email, string[] visible)
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync("/CareCases?mine=false");

        foreach (var (pupil, name) in Names)
        {
            Assert.True(visible.Contains(pupil) == html.Contains(name, StringComparison.Ordinal), $"{email} and {pupil} in the cases");
        }
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.Admin)]
    public async Task Roles_without_case_work_get_no_case_list_or_intake(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { "/CareCases", "/Triage" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TestOrganisation.CoordinatorNorth, true)]
    [InlineData(TestOrganisation.CareWorkerC, true)]
    public async Task The_intake_queue_shows_submitted_referrals_of_the_coordinators_locations(string email, bool seesCarmen)
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync("/Triage");

        Assert.Equal(seesCarmen, html.Contains("Carmen van Dijk", StringComparison.Ordinal));
        Assert.DoesNotContain("Anna de Jong", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_shows_a_pupils_referral_steps_to_those_who_may_read_them()
    {
        var ids = await SeedAsync();
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var mentorB = await Fixture.ClientForAsync(TestOrganisation.MentorB);

        var html = await worker.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Anna"]}");
        var carmen = await worker.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Carmen"]}");

        Assert.Contains($"/Referrals/Details/{ids["Anna"]}", html, StringComparison.Ordinal);
        Assert.Contains("Eerste gesprek", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Referrals/Details/{ids["Carmen"]}", carmen, StringComparison.Ordinal);
        await mentorB.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Anna"]}", HttpStatusCode.NotFound);
    }

    private Task<Dictionary<string, int>> SeedAsync() => Fixture.OnceAsync("visibility", async () => new Dictionary<string, int>
    {
        ["Anna"] = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth),
        ["Carmen"] = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.Submitted),
        ["Sem"] = await Fixture.SeedReferralAsync("Sem", TestOrganisation.CareWorkerC, ReferralStatus.InProgress, TestOrganisation.CareWorkerSouth),
        ["Bram"] = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Draft),
    });
}

public sealed class ReferralVisibilityTests_Sqlite(SqlitePortalFixture fixture) : ReferralVisibilityTests<SqlitePortalFixture>(fixture);

public sealed class ReferralVisibilityTests_PostgreSql(PostgreSqlPortalFixture fixture) : ReferralVisibilityTests<PostgreSqlPortalFixture>(fixture);

public sealed class ReferralVisibilityTests_SqlServer(SqlServerPortalFixture fixture) : ReferralVisibilityTests<SqlServerPortalFixture>(fixture);
