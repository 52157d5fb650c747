using System.Net;
using System.Net.Sockets;
using LeerlingzorgPortal.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LeerlingzorgPortal.Web.Tests.Faults;

/// <summary>
/// In Production the generic exception handler serves every other failure; an unreachable database still
/// gets the Dutch 503 page (ADR 0023), without any detail of the exception.
/// </summary>
public sealed class DatabaseOutageProductionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private WebApplicationFactory<Program>? _factory;

    public ValueTask InitializeAsync()
    {
        _factory = new PortalFactory(_database, new FakeClock(), "Production",
                new Dictionary<string, string?> { ["AllowedHosts"] = "portaal.school.example" })
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddControllersWithViews().AddApplicationPart(typeof(DatabaseAwayController).Assembly)));
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task In_production_an_unreachable_database_answers_the_Dutch_503_page_with_retry_after_and_no_detail()
    {
        using var client = _factory!.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://portaal.school.example"),
        });

        var response = await client.GetAsync(new Uri(DatabaseAwayController.Path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("De database is even niet bereikbaar", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabaseAwayController.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", response.Headers.Select(h => h.Key));
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}

/// <summary>A page whose database is away, open to anyone, added to the portal for <see cref="DatabaseOutageProductionTests"/> only.</summary>
[AllowAnonymous]
public sealed class DatabaseAwayController : Controller
{
    public const string Path = "/DatabaseAway/Now";
    public const string Secret = "db-host-geheim-17";

    [HttpGet]
    public IActionResult Now() => Request.Path.HasValue
        ? throw new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException($"Failed to connect to {Secret}", new SocketException((int)SocketError.ConnectionRefused)))
        : NotFound();
}
