using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// Behind a load balancer that ends TLS (Production): the forwarded headers of the proxy the operator
/// names are believed (https, client address); those of anybody else are not.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";
    private const string Client = "203.0.113.9";
    private readonly SqliteTestDatabase _database = new();
    private PortalFactory? _factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new PortalFactory(_database, new FakeClock(), "Production",
            new Dictionary<string, string?> { ["Network:KnownProxies"] = Proxy, ["AllowedHosts"] = "portaal.school.example" });
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_request_the_named_proxy_received_over_https_is_treated_as_https()
    {
        using var client = PlainHttpClient();

        var response = await client.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", from: Proxy), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_named_proxy_are_ignored()
    {
        using var client = PlainHttpClient();

        var response = await client.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", from: "198.51.100.20"), Cancel);

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_sign_in_through_the_named_proxy_passes_antiforgery_and_is_audited_with_the_clients_address()
    {
        using var client = PlainHttpClient();
        var page = await client.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", from: Proxy), Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        var token = HttpClientExtensions.AntiforgeryToken(html);
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lzp.af=", StringComparison.Ordinal)).Split(';')[0];

        var post = Forwarded(HttpMethod.Post, "/Account/Login", from: Proxy);
        post.Headers.Add("Cookie", antiforgeryCookie);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "beheerder@school.example",
            ["Password"] = "niet-het-wachtwoord-1",
            ["__RequestVerificationToken"] = token,
        });
        var answer = await client.SendAsync(post, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Onbekend e-mailadres of onjuist wachtwoord.", await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var scope = _factory!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var line = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.SignInFailed).OrderByDescending(a => a.Id).FirstAsync(Cancel);
        Assert.Equal(Client, line.ClientAddress);
    }

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string from)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(PortalFactory.ClientAddressHeader, from);
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    private HttpClient PlainHttpClient() => _factory!.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
        BaseAddress = new Uri("http://portaal.school.example"),
    });

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
