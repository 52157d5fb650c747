using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Account;

public abstract class SignInTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Pupils")]
    [InlineData("/Pupils/Details/1")]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Organisation")]
    [InlineData("/Admin/ExternalOrganisations")]
    [InlineData("/Interventions")]
    [InlineData("/Interventions/Details/1")]
    [InlineData("/Interventions/Create")]
    [InlineData("/Agencies")]
    [InlineData("/Agencies/Details/1")]
    [InlineData("/Agencies/Create")]
    [InlineData("/Import")]
    [InlineData("/Reports/CareOffering")]
    [InlineData("/Reports/Care")]
    [InlineData("/Reports/Coordinator")]
    [InlineData("/Reports/Coordinator/zat")]
    [InlineData("/Reports/Coordinator/opp/Export?format=csv")]
    [InlineData("/Reports")]
    [InlineData("/Reports/DashboardExport?table=aanmeldingen&format=xlsx")]
    [InlineData("/Reports/CareOfferingExport?table=interventies&format=csv")]
    [InlineData("/Reports/YearReport")]
    [InlineData("/Reports/YearReport/Edit?locationId=1&year=2026")]
    [InlineData("/Accommodations/Create?pupilId=1")]
    [InlineData("/Accommodations/Edit/1")]
    [InlineData("/Accommodations/Card/1")]
    [InlineData("/Accommodations/Group/1")]
    [InlineData("/Accommodations/Expiring")]
    [InlineData("/Protocols")]
    [InlineData("/Protocols/1")]
    [InlineData("/Protocols/1/Versions/1")]
    [InlineData("/Protocols/Topic/Bullying")]
    [InlineData("/Protocols/Create")]
    [InlineData("/Account/TwoFactor")]
    [InlineData("/Account/Sessions")]
    [InlineData("/Account/TwoFactor/Setup")]
    [InlineData("/Account/Password")]
    [InlineData("/Retention")]
    [InlineData("/Retention?postponed=true")]
    [InlineData("/Retention/Review/1")]
    [InlineData("/Retention/LeavingDate/1")]
    [InlineData("/Admin/RetentionPeriods")]
    [InlineData("/Admin/RetentionPeriods/Pupil?number=1")]
    [InlineData("/Inzage/1")]
    [InlineData("/Inzage/1/Download")]
    [InlineData("/Audit")]
    [InlineData("/Audit?userId=x&from=2026-11-01")]
    [InlineData("/Audit/Export?format=csv")]
    [InlineData("/Audit/Unusual")]
    public async Task Anonymous_requests_are_sent_to_the_sign_in_page(string url)
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?returnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_is_open_and_in_Dutch()
    {
        using var client = Fixture.AnonymousClient();

        var html = await client.GetPageAsync("/Account/Login");

        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("Wachtwoord", html, StringComparison.Ordinal);
        Assert.Contains(">Inloggen</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_leads_to_the_home_page_with_name_and_roles()
    {
        using var client = await Fixture.SignInAsync(TestOrganisation.CoordinatorNorth);

        var html = await client.GetPageAsync("/");

        Assert.Contains("Welkom, Coördinator Noord", html, StringComparison.Ordinal);
        Assert.Contains("Zorgcoördinator", html, StringComparison.Ordinal);
        Assert.Contains("Locatie Noord", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Pupils")]
    [InlineData("/Protocols")]
    public async Task Without_required_two_factors_a_user_without_them_reaches_the_pages(string url)
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_required_two_factors_they_can_be_set_up_and_switched_off_again()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);
        var setup = await client.GetPageAsync("/Account/TwoFactor/Setup");
        Assert.DoesNotContain("Stel dit nu in; daarna kun je verder.", setup, StringComparison.Ordinal);
        await TwoFactorSteps.SetUpAsync(client, Fixture.Clock);

        var response = await client.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/Disable", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.TwoFactorDisabled && a.UserId == id)));
        using var again = await Fixture.SignInAsync(email);
    }

    [Fact]
    public async Task A_wrong_password_gives_a_Dutch_message_and_no_session()
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(TestOrganisation.MentorB, "Verkeerd123"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Onbekend e-mailadres of onjuist wachtwoord.", html, StringComparison.Ordinal);
        Assert.Contains(TestOrganisation.MentorB, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_get_a_message_each()
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.PostFormAsync("/Account/Login", "/Account/Login", Form("", ""));

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Vul je e-mailadres in.", html, StringComparison.Ordinal);
        Assert.Contains("Vul je wachtwoord in.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_the_account_the_right_one_still_signs_in()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = Fixture.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Login", "/Account/Login", Form(email, "Verkeerd123"));
        }

        var response = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(email, TestOrganisation.Password));

        // ADR 0038: no lock a stranger can set with five requests; waiting is per address and client instead.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_rejected()
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative),
            new FormUrlEncodedContent(Form(TestOrganisation.MentorA, TestOrganisation.Password)),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_post_without_antiforgery_token_is_rejected()
    {
        using var client = await Fixture.SignInAsync(TestOrganisation.MentorA);

        var response = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative),
            new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await Fixture.SignInAsync(TestOrganisation.MentorA);

        var response = await client.PostFormAsync("/", "/Account/Logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("\"cache\", \"storage\"", response.Headers.GetValues("Clear-Site-Data").Single());
        var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task A_return_address_outside_the_portal_is_ignored()
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            Form(TestOrganisation.MentorA, TestOrganisation.Password).Append(new("ReturnUrl", "https://evil.example/")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_strict()
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            Form(TestOrganisation.MentorA, TestOrganisation.Password));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lzp.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static List<KeyValuePair<string, string>> Form(string email, string password) =>
        [new("Email", email), new("Password", password)];
}

public sealed class SignInTests_Sqlite(SqlitePortalFixture fixture) : SignInTests<SqlitePortalFixture>(fixture);

public sealed class SignInTests_PostgreSql(PostgreSqlPortalFixture fixture) : SignInTests<PostgreSqlPortalFixture>(fixture);

public sealed class SignInTests_SqlServer(SqlServerPortalFixture fixture) : SignInTests<SqlServerPortalFixture>(fixture);
