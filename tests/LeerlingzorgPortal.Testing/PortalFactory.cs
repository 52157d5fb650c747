using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Testing;

/// <summary>
/// The real portal, in memory, over the given database and clock. Two factors are optional and the
/// throttling limits generous unless <paramref name="settings"/> says otherwise, so tests that are not
/// about them sign in with a password only and never meet a 429.
/// </summary>
public sealed class PortalFactory(TestDatabase database, TimeProvider clock, string environment = "Testing",
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    /// <summary>A request header that sets the client address the portal sees (TestServer has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["Security:RequireTwoFactor"] = "false",
        ["Security:Throttling:PerClientPerMinute"] = "100000",
        ["Security:Throttling:PerAccountPerMinute"] = "100000",
        ["Security:Throttling:ExportsPerUserPerMinute"] = "100000",
        ["Security:Throttling:FreeFailuresPerAddress"] = "100000",
        ["Security:Throttling:FreeFailuresPerClient"] = "100000",

        // The daily retention job stays off; tests run the scan themselves with the fake clock.
        ["Retention:DailyJob"] = "false",

        // Log files beside the test binaries, not under the portal's content root (the source folder).
        ["Logging:File:Path"] = Path.Combine(AppContext.BaseDirectory, "logs", "portal-.log"),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", database.ConnectionString);
        foreach (var (key, value) in Defaults)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(clock);
            services.AddSingleton<SqlCommandProbe>();
            services.AddSingleton<IStartupFilter, SqlCommandProbe.Filter>();
            services.AddSingleton<IStartupFilter, ClientAddressFilter>();
            testServices?.Invoke(services);
        });
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value)
                    && IPAddress.TryParse(value.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
