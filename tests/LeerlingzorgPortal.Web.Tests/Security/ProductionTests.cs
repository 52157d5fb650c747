using System.Net;
using LeerlingzorgPortal.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// The portal as it runs at a school (environment Production): a failure gives the generic Dutch
/// error page without any detail, https answers carry HSTS for a year, and cookies are https-only. The database does not matter here.
/// </summary>
public sealed class ProductionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private WebApplicationFactory<Program>? _factory;

    public ValueTask InitializeAsync()
    {
        // A school sets AllowedHosts to the portal's own host name (README, "Configuration").
        _factory = new PortalFactory(_database, new FakeClock(), "Production",
                new Dictionary<string, string?> { ["AllowedHosts"] = "portaal.school.example" })
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddControllersWithViews().AddApplicationPart(typeof(FailingController).Assembly)));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_unexpected_failure_shows_the_generic_Dutch_error_page_and_no_stack_trace()
    {
        using var client = Client();

        var response = await client.GetAsync(new Uri(FailingController.Path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Er is een onverwachte fout opgetreden.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FailingController.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html.Replace(" at de ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Answers_over_https_tell_the_browser_to_keep_using_https()
    {
        using var client = Client();

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused_before_any_page()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "aanvaller.example";

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Without_a_host_name_set_only_the_local_machine_is_served()
    {
        await using var defaults = new PortalFactory(_database, new FakeClock(), "Production");
        using var client = defaults.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var elsewhere = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        elsewhere.Headers.Host = "portaal.school.example";

        var local = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        var remote = await client.SendAsync(elsewhere, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, remote.StatusCode);
    }

    [Fact]
    public void Kestrel_does_not_name_itself_in_a_server_header()
    {
        var kestrel = _factory!.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>();

        Assert.False(kestrel.Value.AddServerHeader);
    }

    [Fact]
    public async Task The_trace_method_is_not_answered()
    {
        using var client = Client();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/Account/Login"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.DoesNotContain("TRACE", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_are_https_only_under_the_host_prefix()
    {
        using var client = Client();

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lzp.af=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient Client() => _factory!.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://portaal.school.example"),
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

/// <summary>A page that fails, open to anyone, added to the portal for <see cref="ProductionTests"/> only.</summary>
[AllowAnonymous]
public sealed class FailingController : Controller
{
    public const string Path = "/Failing/Now";
    public const string Secret = "geheime-foutdetail-42";

    [HttpGet]
    public IActionResult Now() => Request.Path.HasValue ? throw new InvalidOperationException(Secret) : NotFound();
}
