using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Testing;

/// <summary>The real portal, in memory, over the given database and clock.</summary>
public sealed class PortalFactory(TestDatabase database, TimeProvider clock, string environment = "Testing")
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", database.ConnectionString);
        // The daily retention job stays off; tests run the scan themselves with the fake clock.
        builder.UseSetting("Retention:DailyJob", "false");
        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }
}
