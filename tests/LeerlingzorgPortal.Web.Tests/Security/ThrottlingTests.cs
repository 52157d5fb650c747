using System.Net;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Security;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// Limits on attempts, with the fixture's low limits: 5 posts per client address, 3 per account and 2
/// exports per user a minute. Each test uses its own client addresses and accounts, so they do not share counts.
/// </summary>
public abstract class ThrottlingTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_a_Dutch_429()
    {
        using var client = ClientFrom("10.1.0.1");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // A different (unknown) account each time: only the address is the same.
            var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
                [new("Email", $"poging{i}-{Guid.NewGuid():N}@test.example"), new("Password", "Verkeerd12345")]);
            statuses.Add(response.StatusCode);
            if (i == 5)
            {
                await AssertTooManyAsync(response);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        using var elsewhere = ClientFrom("10.1.0.2");
        var other = await elsewhere.PostFormAsync("/Account/Login", "/Account/Login",
            [new("Email", "iemand@test.example"), new("Password", "Verkeerd12345")]);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_on_one_account_from_several_addresses_get_a_429()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var client = ClientFrom($"10.2.0.{i + 1}");
            var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
                [new("Email", email), new("Password", "Verkeerd12345")]);
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                await AssertTooManyAsync(response);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Too_many_two_factor_codes_get_a_429()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using (var first = ClientFrom("10.3.0.1"))
        {
            await first.PostFormAsync("/Account/Login", "/Account/Login", [new("Email", email), new("Password", TestOrganisation.Password)]);
            await TwoFactorSteps.SetUpAsync(first, Fixture.Clock);
        }

        // The set-up took one attempt of the account's three; each code comes from another address.
        using var signIn = ClientFrom("10.3.0.2");
        await signIn.PostFormAsync("/Account/Login", "/Account/Login", [new("Email", email), new("Password", TestOrganisation.Password)]);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            signIn.DefaultRequestHeaders.Remove(PortalFactory.ClientAddressHeader);
            signIn.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, $"10.3.1.{i + 1}");
            var response = await signIn.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", "000000")]);
            statuses.Add(response.StatusCode);
            if (i == 2)
            {
                await AssertTooManyAsync(response);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Too_many_exports_by_one_user_get_a_429()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Coordinator);
        using var client = await Fixture.SignInAsync(email);
        const string url = "/Reports/DashboardExport?table=aanmeldingen&format=csv";

        var first = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var second = await client.GetAsync(new Uri("/Reports/CareExport?table=zorgniveaus&format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var third = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        await AssertTooManyAsync(third);
        Assert.Contains("Welkom", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_dashboard_views_over_typed_dates_by_one_user_get_a_429_while_the_plain_dashboard_still_shows()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Coordinator);
        using var client = await Fixture.SignInAsync(email);

        var first = await client.GetAsync(new Uri("/Reports?year=2026&from=2026-10-01&to=2026-10-09", UriKind.Relative), TestContext.Current.CancellationToken);
        var second = await client.GetAsync(new Uri("/Reports?year=2026&from=2026-10-01&to=2026-10-10", UriKind.Relative), TestContext.Current.CancellationToken);
        var third = await client.GetAsync(new Uri("/Reports?year=2026&from=2026-10-01&to=2026-10-11", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await AssertTooManyAsync(third);
        Assert.Contains("Dashboard leerlingzorg", await client.GetPageAsync("/Reports"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_export_action_carries_the_export_limit()
    {
        var actions = Endpoints().Where(e => Throttling.IsExport(e.Action.ActionName)).ToList();

        Assert.Superset(new HashSet<string>(["Export", "DashboardExport", "CareOfferingExport", "CareExport"]),
            actions.Select(a => a.Action.ActionName).ToHashSet());
        Assert.All(actions, a => Assert.Equal(Throttling.ExportPolicy,
            a.Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName));
    }

    [Theory]
    [InlineData("Account", "Login")]
    [InlineData("Account", "LoginWithCode")]
    [InlineData("Account", "LoginWithRecoveryCode")]
    [InlineData("TwoFactor", "Setup")]
    [InlineData("TwoFactor", "RecoveryCodes")]
    [InlineData("TwoFactor", "Disable")]
    [InlineData("Users", "ResetPassword")]
    [InlineData("Password", "Index")]
    public void Sign_in_two_factor_and_password_posts_carry_the_client_limit(string controller, string action)
    {
        var post = Endpoints().Single(e => e.Action.ControllerName == controller && e.Action.ActionName == action
            && e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true);

        Assert.Equal(Throttling.CredentialsPolicy, post.Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName);
    }

    private List<(Endpoint Endpoint, ControllerActionDescriptor Action)> Endpoints() =>
        Fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(e => e.Action is not null)
            .Select(e => (e.Endpoint, e.Action!))
            .ToList();

    private HttpClient ClientFrom(string address)
    {
        var client = Fixture.AnonymousClient();
        client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
        return client;
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "A 429 says when to try again.");
        Assert.Contains("Te veel pogingen. Probeer het over een minuut opnieuw.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public sealed class ThrottlingTests_Sqlite(SqliteThrottlingFixture fixture) : ThrottlingTests<SqliteThrottlingFixture>(fixture);

public sealed class ThrottlingTests_PostgreSql(PostgreSqlThrottlingFixture fixture) : ThrottlingTests<PostgreSqlThrottlingFixture>(fixture);

public sealed class ThrottlingTests_SqlServer(SqlServerThrottlingFixture fixture) : ThrottlingTests<SqlServerThrottlingFixture>(fixture);
