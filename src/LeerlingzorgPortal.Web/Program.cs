using LeerlingzorgPortal.Web.Data.Seeding;
using LeerlingzorgPortal.Web.Features;
using LeerlingzorgPortal.Web.Infrastructure.Commands;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using LeerlingzorgPortal.Web.Infrastructure.Logging;
using LeerlingzorgPortal.Web.Infrastructure.Web;
using LeerlingzorgPortal.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();

try
{
    builder.Services.AddPortalDatabase();
    builder.Services.AddPortalSecurity();
    builder.AddPortalKeyRing();
    builder.Services.AddPortalWeb();
    builder.Services.AddPortalFeatures();
    builder.Services.AddPortalSeeding();

    var app = builder.Build();
    var command = PortalCommand.Parse(args);
    if (command.NeedsDatabase)
    {
        await DatabaseInitializer.PrepareAsync(app.Services, command.MigratesDatabase);
    }

    if (command.IsOperatorCommand)
    {
        return await command.RunAsync(app.Services);
    }

    await DemoData.SeedIfWantedAsync(app);
    app.UsePortalPipeline();
    await app.RunAsync();
    return 0;
}
catch (DatabaseConfigurationException e)
{
    // One clear line for the operator, not a stack trace.
    await Console.Error.WriteLineAsync($"Fout in de database-instellingen / Database settings error: {e.Message}");
    return 2;
}

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
