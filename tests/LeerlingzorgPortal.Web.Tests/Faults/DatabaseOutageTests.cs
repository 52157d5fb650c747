using System.Data.Common;
using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Faults;

/// <summary>The portal over PostgreSQL reached through a <see cref="TcpProxy"/>, with short timeouts.</summary>
public sealed class ProxiedPostgreSqlPortalFixture() : PortalFixture(new ProxiedPostgreSqlTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Database:HealthCheckTimeoutSeconds"] = "2",
    };

    public TcpProxy Proxy => ((ProxiedPostgreSqlTestDatabase)Database).Proxy;
}

/// <summary>
/// The database goes away and comes back (ADR 0023). PostgreSQL only: the portal talks to
/// it through a loopback proxy that the tests cut (a stopped server: connections reset and refused) or
/// blackhole (a server that accepts but never answers). For SQLite the "server stops" case does not apply:
/// the database is a file inside the portal's own process; its counterpart, a file locked by another writer,
/// is <see cref="SqliteBusyTests"/>. The bound on the wait comes from the configured timeouts (5 s to connect
/// and per command, 2 s for the readiness check); the client's timeout only catches a hanging request.
/// </summary>
public sealed class DatabaseOutageTests(ProxiedPostgreSqlPortalFixture fixture) : PortalTests<ProxiedPostgreSqlPortalFixture>(fixture)
{
    /// <summary>After the database returns, the page must answer within this many tries.</summary>
    private const int Attempts = 3;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_database_stops_a_signed_in_page_answers_a_Dutch_503_and_the_portal_recovers_without_a_restart()
    {
        using var client = await SignedInAsync(Fixture.Factory, TestOrganisation.MentorA);
        using var probe = Fixture.AnonymousClient();
        await client.GetPageAsync("/Pupils");

        HttpResponseMessage page, ready, live;
        Fixture.Proxy.Cut();
        try
        {
            page = await client.GetAsync(new Uri("/Pupils", UriKind.Relative), Cancel);
            // A load balancer's probe: no cookie.
            ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);
            live = await probe.GetAsync(new Uri("/health/live", UriKind.Relative), Cancel);
        }
        finally
        {
            Fixture.Proxy.Restore();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), page.Headers.RetryAfter?.Delta);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("De database is even niet bereikbaar", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Cancel));
        // The process itself is fine: an orchestrator must not restart it for an outage of the database.
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        // Back without a restart, and still signed in (the cookie was left alone during the outage). At the first
        // try: the connection that broke made Npgsql empty its pool, so no other broken connection is handed out.
        var (status, attempts) = await UntilOkAsync(client, "/Pupils");
        Assert.True(status == HttpStatusCode.OK, $"/Pupils answered {status} after {attempts} tries once the database was back");
        Assert.Equal(1, attempts);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_form_sent_while_the_database_is_away_answers_503_and_says_the_input_may_not_be_saved()
    {
        using var client = await SignedInAsync(Fixture.Factory, TestOrganisation.MentorA);
        var form = await client.GetPageAsync("/Account/Password");
        var token = HttpClientExtensions.AntiforgeryToken(form);

        HttpResponseMessage response;
        Fixture.Proxy.Cut();
        try
        {
            response = await client.PostAsync(new Uri("/Account/Password", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["CurrentPassword"] = TestOrganisation.Password,
                ["NewPassword"] = "EenHeelNieuwWachtwoord9",
                ["ConfirmPassword"] = "EenHeelNieuwWachtwoord9",
                ["__RequestVerificationToken"] = token,
            }), Cancel);
        }
        finally
        {
            Fixture.Proxy.Restore();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("De database is even niet bereikbaar", html, StringComparison.Ordinal);
        Assert.Contains("mogelijk niet opgeslagen", html, StringComparison.Ordinal);
        var (status, attempts) = await UntilOkAsync(client, "/Pupils");
        Assert.True(status == HttpStatusCode.OK, $"/Pupils answered {status} after {attempts} tries once the database was back");
    }

    [Fact]
    public async Task A_database_that_accepts_connections_but_never_answers_gets_a_503_within_the_timeouts_not_a_hanging_request()
    {
        using var client = await SignedInAsync(Fixture.Factory, TestOrganisation.MentorA);
        using var probe = Fixture.AnonymousClient();
        probe.Timeout = TimeSpan.FromSeconds(45);
        await client.GetPageAsync("/Pupils");

        HttpResponseMessage page, ready;
        Fixture.Proxy.Blackhole();
        try
        {
            // A pooled connection that stops answering: the command timeout, then Npgsql's attempt to cancel over a
            // second connection (about 5 s + 2 x 5 s here). Then a new connection that is accepted but never
            // answered: the connect timeout. The readiness check gives up within its timeouts too.
            page = await client.GetAsync(new Uri("/Pupils", UriKind.Relative), Cancel);
            var again = await client.GetAsync(new Uri("/Pupils", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, again.StatusCode);
            ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative), Cancel);
        }
        finally
        {
            Fixture.Proxy.Restore();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("De database reageerde niet op tijd", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var (status, attempts) = await UntilOkAsync(client, "/Pupils");
        Assert.True(status == HttpStatusCode.OK, $"/Pupils answered {status} after {attempts} tries once the database was back");
    }

    [Fact]
    public async Task A_runaway_report_query_is_ended_by_the_command_timeout_with_a_Dutch_503()
    {
        await using var factory = Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<PostgreSqlPortalDbContext>(options => options.AddInterceptors(new RunawayReport()))));
        using var leader = await SignedInAsync(factory, TestOrganisation.SchoolLeader);

        var report = await leader.GetAsync(new Uri("/Reports/Care", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, report.StatusCode);
        var html = await report.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("De database reageerde niet op tijd", html, StringComparison.Ordinal);
        Assert.Contains("kies dan een kortere periode of één locatie", html, StringComparison.Ordinal);
        // Only that request: the same user's other pages answer at once.
        await leader.GetPageAsync("/");
    }

    /// <summary>Polls a bounded number of times (no sleeping): the first try after the database is back should already answer.</summary>
    private static async Task<(HttpStatusCode Status, int Attempts)> UntilOkAsync(HttpClient client, string url)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        var attempt = 0;
        while (attempt < Attempts && status != HttpStatusCode.OK)
        {
            attempt++;
            status = (await client.GetAsync(new Uri(url, UriKind.Relative), Cancel)).StatusCode;
        }

        return (status, attempt);
    }

    internal static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        // Only a request that hangs runs into this; the configured database timeouts end an outage long before.
        client.Timeout = TimeSpan.FromSeconds(45);
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestOrganisation.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Before the report's own query, the same connection runs a query that would take a minute.</summary>
    private sealed class RunawayReport : DbCommandInterceptor
    {
        private readonly HttpContextAccessor _http = new();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (_http.HttpContext?.Request.Path.StartsWithSegments("/Reports", StringComparison.Ordinal) == true
                && !command.CommandText.Contains("AspNet", StringComparison.Ordinal))
            {
                await using var slow = command.Connection!.CreateCommand();
                slow.Transaction = command.Transaction;
                slow.CommandTimeout = command.CommandTimeout;
                slow.CommandText = "SELECT pg_sleep(60)";
                await slow.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
