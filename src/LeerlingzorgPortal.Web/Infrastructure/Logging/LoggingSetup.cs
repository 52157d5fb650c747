using Serilog;

namespace LeerlingzorgPortal.Web.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog, configured from the "Serilog" section (console and a rolling file by default).
    /// Serilog.AspNetCore does not restore here, so it is wired through Microsoft.Extensions.Logging.
    /// </summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }
}
