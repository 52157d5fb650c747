using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Pupils;

/// <summary>Who sees which pupils, in lists and on pupil pages, in both directions.</summary>
public abstract class PupilAccessTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly string[] AllPupils = ["Anna", "Bram", "Carmen", "Sem"];

    private static readonly Dictionary<string, string> Numbers = new()
    {
        ["Anna"] = "T1001",
        ["Bram"] = "T1002",
        ["Carmen"] = "T1003",
        ["Sem"] = "T1004",
    };

    public static TheoryData<string, string[]> Visibility => new()
    {
        { TestOrganisation.MentorA, ["Anna", "Bram"] },
        { TestOrganisation.MentorB, ["Carmen"] },
        { TestOrganisation.CareWorkerNorth, ["Anna", "Bram", "Carmen"] },
        { TestOrganisation.CareWorkerSouth, ["Sem"] },
        { TestOrganisation.CareWorkerC, ["Anna", "Bram", "Carmen", "Sem"] },
        { TestOrganisation.CoordinatorNorth, ["Anna", "Bram", "Carmen"] },
    };

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task The_pupil_list_holds_exactly_the_pupils_the_role_may_see(string email, string[] visible)
    {
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync("/Pupils");

        foreach (var name in AllPupils)
        {
            Assert.Equal(visible.Contains(name), html.Contains(Numbers[name], StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Visibility))]
    public async Task A_pupil_page_opens_for_pupils_in_reach_and_answers_404_for_all_others(string email, string[] visible)
    {
        var client = await Fixture.ClientForAsync(email);

        foreach (var name in AllPupils)
        {
            var response = await client.GetAsync(new Uri($"/Pupils/Details/{Org.Pupils[name]}", UriKind.Relative),
                TestContext.Current.CancellationToken);
            Assert.Equal(visible.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(TestOrganisation.SchoolLeader)]
    [InlineData(TestOrganisation.Admin)]
    public async Task School_leaders_and_admins_see_no_pupil_pages(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        var list = await client.GetAsync(new Uri("/Pupils", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", list.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        foreach (var name in AllPupils)
        {
            await client.GetPageAsync($"/Pupils/Details/{Org.Pupils[name]}", HttpStatusCode.NotFound);
        }

        var home = await client.GetPageAsync("/");
        Assert.DoesNotContain("href=\"/Pupils\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_that_does_not_exist_answers_404_like_a_foreign_one()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        await client.GetPageAsync("/Pupils/Details/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pupil_page_shows_basic_data_and_guardians()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var html = await client.GetPageAsync($"/Pupils/Details/{Org.Pupils["Anna"]}");

        Assert.Contains("Anna de Jong", html, StringComparison.Ordinal);
        Assert.Contains("14 maart 2012", html, StringComparison.Ordinal);
        Assert.Contains("Ouder van Anna", html, StringComparison.Ordinal);
        Assert.Contains("06-11112222", html, StringComparison.Ordinal);
        Assert.Contains("Mentor A", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_pupil_page_view_is_written_to_the_audit_log()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var pupilId = Org.Pupils["Carmen"];
        var before = await CountReadsAsync(pupilId);

        await client.GetPageAsync($"/Pupils/Details/{pupilId}");
        await client.GetPageAsync($"/Pupils/Details/{pupilId}");

        Assert.Equal(before + 2, await CountReadsAsync(pupilId));
        var last = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.PupilId == pupilId)
            .OrderByDescending(a => a.Id).FirstAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Org.UserIds[TestOrganisation.CoordinatorNorth], last.UserId);
        Assert.Equal(AuditAction.Read, last.Action);
        Assert.Equal(Fixture.Clock.GetUtcNow(), last.At);
    }

    [Fact]
    public async Task A_refused_pupil_page_writes_no_audit_line()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.MentorB);
        var pupilId = Org.Pupils["Sem"];
        var before = await CountReadsAsync(pupilId);

        await client.GetPageAsync($"/Pupils/Details/{pupilId}", HttpStatusCode.NotFound);

        Assert.Equal(before, await CountReadsAsync(pupilId));
    }

    [Theory]
    [InlineData("jong", "T1001")]
    [InlineData("ANNA", "T1001")]
    [InlineData("T1003", "T1003")]
    [InlineData("van dijk", "T1003")]
    public async Task Search_finds_by_name_or_number(string search, string expected)
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var html = await client.GetPageAsync($"/Pupils?search={Uri.EscapeDataString(search)}");

        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("van 1<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ignores_case_of_letters_outside_ascii()
    {
        await Fixture.OnceAsync("pupil-celik", () => Fixture.QueryAsync(async db =>
        {
            var north = await db.Locations.SingleAsync(l => l.Id == Org.NorthId, TestContext.Current.CancellationToken);
            db.Pupils.Add(new Domain.Organisation.Pupil("T1099", new Domain.Organisation.PersonName("Élise", null, "Çelik"),
                new DateOnly(2012, 3, 14), north));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }));
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var html = await client.GetPageAsync($"/Pupils?search={Uri.EscapeDataString("çelik élise")}");

        Assert.Contains("T1099", html, StringComparison.Ordinal);
        Assert.Contains("van 1<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_location_and_mentor_group()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var south = await client.GetPageAsync($"/Pupils?locationId={Org.SouthId}");
        var groupB = await client.GetPageAsync($"/Pupils?mentorGroupId={Org.GroupB}");

        Assert.Contains("T1004", south, StringComparison.Ordinal);
        Assert.DoesNotContain("T1001", south, StringComparison.Ordinal);
        Assert.Contains("T1003", groupB, StringComparison.Ordinal);
        Assert.DoesNotContain("T1002", groupB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_on_a_foreign_mentor_group_shows_nothing_of_it()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var html = await client.GetPageAsync($"/Pupils?mentorGroupId={Org.GroupSouth}");

        Assert.DoesNotContain("T1004", html, StringComparison.Ordinal);
        Assert.Contains("Geen leerlingen gevonden.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_search_gets_a_Dutch_message()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var html = await client.GetPageAsync($"/Pupils?search={new string('a', 101)}");

        Assert.Contains("Zoek met hoogstens 100 tekens.", html, StringComparison.Ordinal);
    }

    private async Task<int> CountReadsAsync(int pupilId)
    {
        return await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.PupilId == pupilId && a.Action == AuditAction.Read,
            TestContext.Current.CancellationToken));
    }
}

public sealed class PupilAccessTests_Sqlite(SqlitePortalFixture fixture) : PupilAccessTests<SqlitePortalFixture>(fixture);

public sealed class PupilAccessTests_PostgreSql(PostgreSqlPortalFixture fixture) : PupilAccessTests<PostgreSqlPortalFixture>(fixture);

public sealed class PupilAccessTests_SqlServer(SqlServerPortalFixture fixture) : PupilAccessTests<SqlServerPortalFixture>(fixture);
