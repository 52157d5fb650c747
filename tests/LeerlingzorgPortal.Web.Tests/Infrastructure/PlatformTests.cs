using System.Net;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>Health, headers and error pages: what every request gets.</summary>
public abstract class PlatformTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_without_sign_in(string url)
    {
        using var client = Fixture.AnonymousClient();

        var body = await client.GetPageAsync(url);

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Pages_forbid_outside_scripts_framing_and_caching()
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/Pupils", HttpStatusCode.OK)]
    [InlineData("/CareCases", HttpStatusCode.OK)]
    [InlineData("/Reports/DashboardExport?table=aanmeldingen&format=csv", HttpStatusCode.OK)]
    [InlineData("/Pupils/Details/999999", HttpStatusCode.NotFound)]
    [InlineData("/Bestaat/Niet", HttpStatusCode.NotFound)]
    public async Task Every_kind_of_response_carries_the_strict_policy_and_is_never_cached(string url, HttpStatusCode status)
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_gets_the_Dutch_not_found_page()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var html = await client.GetPageAsync("/Bestaat/Niet", HttpStatusCode.NotFound);

        Assert.Contains("Niet gevonden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_denied_page_explains_in_Dutch()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.SchoolLeader);

        var html = await client.GetPageAsync("/Account/AccessDenied");

        Assert.Contains("Je hebt geen toegang tot deze pagina.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_is_Dutch_and_shows_no_details()
    {
        using var client = Fixture.AnonymousClient();

        var html = await client.GetPageAsync("/Home/Error", HttpStatusCode.InternalServerError);

        Assert.Contains("Er is een onverwachte fout opgetreden.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_are_served_from_the_portal_itself()
    {
        using var client = Fixture.AnonymousClient();

        var css = await client.GetAsync(new Uri("/lib/bootstrap/css/bootstrap.min.css", UriKind.Relative), TestContext.Current.CancellationToken);
        var login = await client.GetPageAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("http://", login.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", login, StringComparison.Ordinal);
    }
}

public sealed class PlatformTests_Sqlite(SqlitePortalFixture fixture) : PlatformTests<SqlitePortalFixture>(fixture);

public sealed class PlatformTests_PostgreSql(PostgreSqlPortalFixture fixture) : PlatformTests<PostgreSqlPortalFixture>(fixture);

public sealed class PlatformTests_SqlServer(SqlServerPortalFixture fixture) : PlatformTests<SqlServerPortalFixture>(fixture);
