using System.Net;
using LeerlingzorgPortal.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(LeerlingzorgPortal.BrowserTests.BrowserFixture))]

namespace LeerlingzorgPortal.BrowserTests;

/// <summary>
/// The portal on a real port on 127.0.0.1 with the demo board (as in Development), and the system
/// Chromium driven by Playwright. One of each for the whole test run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=nl-NL",
    ];

    private readonly SqliteTestDatabase _database = new();
    private PortalFactory? _portal;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PORTAL_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public string? UnavailableReason { get; private set; }

    /// <summary>The portal's clock: 22 November 2026, 09:30 UTC, until a test moves it.</summary>
    public FakeClock Clock { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The running portal's services, for a test that needs an account of its own.</summary>
    public IServiceProvider Services => _portal?.Services ?? throw new InvalidOperationException(UnavailableReason);

    public static string AxeScriptPath => Path.Combine(AppContext.BaseDirectory, "axe.min.js");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"Chromium not found at {ChromiumPath}: install Debian's chromium or set PORTAL_TEST_CHROMIUM (tests/run-all.sh does this)";
            return;
        }

        _portal = new PortalFactory(_database, Clock, environment: "Development");
        _portal.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _portal.StartServer();
        var addresses = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public void Require()
    {
        if (UnavailableReason is not null)
        {
            TestEnvironment.SkipOrFail(UnavailableReason);
        }
    }

    /// <summary>A fresh browser context (no cookies) with axe-core loaded into every page.</summary>
    public async Task<PortalPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        await context.AddInitScriptAsync(scriptPath: AxeScriptPath);
        return new PortalPage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
