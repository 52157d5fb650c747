using System.Net;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Security;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// Session lifetimes with the fake clock. In a class of their own: moving the clock on ends the
/// sessions other tests of the fixture keep.
/// </summary>
public abstract class SessionTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task A_session_ends_after_thirty_minutes_without_a_request()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);
        var home = new Uri("/", UriKind.Relative);

        Fixture.Clock.Advance(TimeSpan.FromMinutes(29));
        var active = await client.GetAsync(home, TestContext.Current.CancellationToken);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(29));
        var stillActive = await client.GetAsync(home, TestContext.Current.CancellationToken);
        Fixture.Clock.Advance(TimeSpan.FromMinutes(31));
        var idle = await client.GetAsync(home, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillActive.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/Account/Login", idle.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_session_still_ends_twelve_hours_after_signing_in()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        // A request every 25 minutes keeps the session from going idle, for 11 hours 40 minutes.
        for (var i = 0; i < 28; i++)
        {
            Fixture.Clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        Fixture.Clock.Advance(TimeSpan.FromMinutes(25));
        var after = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_old_cookie_no_longer_works()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var (client, cookie) = await SignInWithCookieAsync(email);
        var (_, otherDevice) = await SignInWithCookieAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await GetHomeAsync(cookie)).StatusCode);

        await client.PostFormAsync("/", "/Account/Logout", []);

        var replayed = await GetHomeAsync(cookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/Account/Login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetHomeAsync(otherDevice)).StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task Every_sign_in_gets_a_new_session_id_and_cookie()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = Fixture.AnonymousClient();
        var first = await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Email", email), new("Password", TestOrganisation.Password)]);
        var firstCookie = AuthCookie(first);
        await client.GetPageAsync("/");

        // Signing in again from the signed-in browser (the token comes from the home page's sign-out form).
        var second = await client.PostFormAsync("/", "/Account/Login", [new("Email", email), new("Password", TestOrganisation.Password)]);
        var secondCookie = AuthCookie(second);

        Assert.NotEqual(firstCookie, secondCookie);
        var firstSession = SessionIdOf(firstCookie);
        var secondSession = SessionIdOf(secondCookie);
        Assert.Matches("^[0-9A-F]{32}$", firstSession);
        Assert.NotEqual(firstSession, secondSession);
        var stored = await Fixture.QueryAsync(db => db.UserTokens
            .Where(t => t.UserId == id && t.LoginProvider == PortalSessions.LoginProvider).Select(t => t.Name).ToListAsync());
        Assert.Contains(firstSession, stored);
        Assert.Contains(secondSession, stored);
    }

    [Fact]
    public async Task A_role_change_ends_the_persons_open_sessions()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.CareWorkerA);
        var (_, cookie) = await SignInWithCookieAsync(email);
        var (admin, _) = await SignInWithCookieAsync(TestOrganisation.Admin);
        var version = await Fixture.QueryAsync(db => db.StaffMembers.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
        [
            new("Version", version.ToString()), new("DisplayName", "Nieuwe Rol"), new("Roles", "CareWorkerB"),
            new("LocationIds", Org.NorthId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await GetHomeAsync(cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        admin.Dispose();
    }

    [Fact]
    public async Task A_name_change_without_new_roles_keeps_the_session()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.CareWorkerA);
        var (_, cookie) = await SignInWithCookieAsync(email);
        var (admin, _) = await SignInWithCookieAsync(TestOrganisation.Admin);
        var version = await Fixture.QueryAsync(db => db.StaffMembers.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());

        await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
        [
            new("Version", version.ToString()), new("DisplayName", "Andere Naam"), new("Roles", "CareWorkerA"),
            new("LocationIds", Org.NorthId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await GetHomeAsync(cookie)).StatusCode);
        admin.Dispose();
    }

    [Fact]
    public async Task A_workplace_change_reaches_the_open_session_at_its_next_request()
    {
        // The scope (locations, mentor groups) is read with the session check of every request (ADR 0031).
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.CareWorkerA);
        var (_, cookie) = await SignInWithCookieAsync(email);
        var (admin, _) = await SignInWithCookieAsync(TestOrganisation.Admin);
        var before = await (await GetHomeAsync(cookie)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var version = await Fixture.QueryAsync(db => db.StaffMembers.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());

        await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
        [
            new("Version", version.ToString()), new("DisplayName", "Andere Plek"), new("Roles", "CareWorkerA"),
            new("LocationIds", Org.SouthId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await GetHomeAsync(cookie);
        var html = await after.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("<li>Locatie Noord</li>", before, StringComparison.Ordinal);
        Assert.Contains("<li>Locatie Zuid</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li>Locatie Noord</li>", html, StringComparison.Ordinal);
        admin.Dispose();
    }

    [Fact]
    public async Task A_staff_member_made_inactive_has_no_scope_at_the_next_request()
    {
        // Only the staff row changes (not the security stamp): the session goes on, but the scope read with
        // its check is empty for an inactive staff member, so the home page sends them to sign in.
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.CareWorkerA);
        var (_, cookie) = await SignInWithCookieAsync(email);
        await Fixture.QueryAsync(async db =>
        {
            await db.StaffMembers.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsActive, false),
                TestContext.Current.CancellationToken);
            return 0;
        });

        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await GetHomeAsync(cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_unchanged_claims_does_not_re_issue_the_sign_in_cookie_until_it_is_a_minute_old()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var (_, signInCookie) = await SignInWithCookieAsync(email);
        // The first request drops the sign-in's "amr" claim (the rebuilt principal has none): one new cookie.
        var first = await GetHomeAsync(signInCookie);
        var cookie = NewAuthCookie(first) ?? signInCookie;

        var same = await GetHomeAsync(cookie);
        Fixture.Clock.Advance(PortalCookieEvents.RenewAfter);
        var later = await GetHomeAsync(cookie);

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Null(NewAuthCookie(same));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.NotNull(NewAuthCookie(later));
    }

    private async Task<(HttpClient Client, string Cookie)> SignInWithCookieAsync(string email)
    {
        var client = Fixture.AnonymousClient();
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            [new("Email", email), new("Password", TestOrganisation.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, AuthCookie(response));
    }

    /// <summary>The request a copy of the cookie would make, from a client without cookies of its own.</summary>
    private async Task<HttpResponseMessage> GetHomeAsync(string cookie)
    {
        using var bare = Fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("Cookie", $"{SecurityServiceCollectionExtensions.AuthCookieName}={cookie}");
        return await bare.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? NewAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var headers)
        && headers.Any(c => c.StartsWith(SecurityServiceCollectionExtensions.AuthCookieName + "=", StringComparison.Ordinal))
            ? AuthCookie(response)
            : null;

    private static string AuthCookie(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie")
            .Single(c => c.StartsWith(SecurityServiceCollectionExtensions.AuthCookieName + "=", StringComparison.Ordinal));
        return header[(SecurityServiceCollectionExtensions.AuthCookieName.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private string SessionIdOf(string cookie)
    {
        var options = Fixture.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(cookie);
        Assert.NotNull(ticket);
        return ticket.Properties.Items[PortalSessions.SessionIdItem]!;
    }
}

public sealed class SessionTests_Sqlite(SqlitePortalFixture fixture) : SessionTests<SqlitePortalFixture>(fixture);

public sealed class SessionTests_PostgreSql(PostgreSqlPortalFixture fixture) : SessionTests<PostgreSqlPortalFixture>(fixture);

public sealed class SessionTests_SqlServer(SqlServerPortalFixture fixture) : SessionTests<SqlServerPortalFixture>(fixture);
