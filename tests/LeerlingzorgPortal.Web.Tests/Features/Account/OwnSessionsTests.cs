using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Account;

/// <summary>A person sees their own open sessions and ends the others, after giving the password again.</summary>
public abstract class OwnSessionsTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task The_page_lists_this_session_and_the_others()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var here = await Fixture.SignInAsync(email);
        using var elsewhere = await Fixture.SignInAsync(email);

        var html = await here.GetPageAsync("/Account/Sessions");

        Assert.Contains("Mijn sessies", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "Deze sessie"));
        Assert.Equal(1, Count(html, "Andere sessie"));
        Assert.Matches("<form[^>]*action=\"/Account/Sessions\"[^>]*>(?:(?!</form>)[\\s\\S])*name=\"__RequestVerificationToken\"", html);
    }

    [Fact]
    public async Task Ending_the_other_sessions_with_the_password_signs_out_the_other_device_and_keeps_this_one()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var here = await Fixture.SignInAsync(email);
        using var elsewhere = await Fixture.SignInAsync(email);
        using var third = await Fixture.SignInAsync(email);

        var response = await here.PostFormAsync("/Account/Sessions", "/Account/Sessions", [new("password", TestOrganisation.Password)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2 andere sessies zijn beëindigd.", await here.GetPageAsync("/Account/Sessions"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.UserId == id && a.Action == AuditAction.SessionsEnded, Cancel)));
    }

    [Fact]
    public async Task One_other_session_can_be_ended_on_its_own()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var here = await Fixture.SignInAsync(email);
        using var elsewhere = await Fixture.SignInAsync(email);
        using var kept = await Fixture.SignInAsync(email);
        var page = await here.GetPageAsync("/Account/Sessions");
        var ids = System.Text.RegularExpressions.Regex.Matches(page, "name=\"sessionId\" value=\"([0-9A-F]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, ids.Count);

        await here.PostFormAsync("/Account/Sessions", "/Account/Sessions", [new("password", TestOrganisation.Password), new("sessionId", ids[0])]);

        var stillOpen = 0;
        foreach (var other in new[] { elsewhere, kept })
        {
            stillOpen += (await other.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(1, stillOpen);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_ends_nothing_and_says_so_in_Dutch()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var here = await Fixture.SignInAsync(email);
        using var elsewhere = await Fixture.SignInAsync(email);

        var response = await here.PostFormAsync("/Account/Sessions", "/Account/Sessions", [new("password", "Verkeerd wachtwoord 1")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Je wachtwoord klopt niet; er is geen sessie beëindigd.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static int Count(string html, string text) =>
        (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}

public sealed class OwnSessionsTests_Sqlite(SqlitePortalFixture fixture) : OwnSessionsTests<SqlitePortalFixture>(fixture);

public sealed class OwnSessionsTests_PostgreSql(PostgreSqlPortalFixture fixture) : OwnSessionsTests<PostgreSqlPortalFixture>(fixture);

public sealed class OwnSessionsTests_SqlServer(SqlServerPortalFixture fixture) : OwnSessionsTests<SqlServerPortalFixture>(fixture);
