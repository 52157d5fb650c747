using System.Security.Claims;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using Serilog;
using Serilog.Formatting.Compact;

namespace LeerlingzorgPortal.Web.Infrastructure.Logging;

/// <summary>
/// Serilog through Serilog.AspNetCore (ADR 0040): levels and the console from the "Serilog" section, the
/// log file from "Logging:File" (<see cref="LogFileSettings"/>), and one line per request from
/// <c>UseSerilogRequestLogging</c>.
/// </summary>
public static class LoggingSetup
{
    /// <summary>
    /// The request line. The query string is left out on purpose: searches carry pupil names, and logs hold
    /// no personal data beyond ids. The number of SQL commands the request sent is on the line too (see
    /// <see cref="RequestSqlCommands"/>): a page that suddenly sends many more shows up in the logs.
    /// </summary>
    public const string RequestTemplate =
        "HTTP {RequestMethod} {RequestPath} answered {StatusCode} in {Elapsed:0.0} ms with {SqlCommands} SQL commands for user {UserId}";

    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The logger belongs to this host and is disposed (flushed) with it; the static Log.Logger is left
        // alone, so several hosts in one process (the integration tests) never close each other's files.
        builder.Services.AddSerilog((services, configuration) =>
        {
            var settings = services.GetRequiredService<IConfiguration>();
            var file = LogFileSettings.From(settings, services.GetRequiredService<IHostEnvironment>().ContentRootPath);
            configuration.ReadFrom.Configuration(settings).Enrich.FromLogContext();
            // Written straight to the file, not through a background queue: a queue still being drained when the
            // host stops (or the process is killed) loses the last lines, exactly the ones an operator looks for.
            // One write per event costs a system call, far below a request's own cost.
            if (file.Json)
            {
                configuration.WriteTo.File(new CompactJsonFormatter(), file.Path, rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: file.RetainedDays);
            }
            else
            {
                configuration.WriteTo.File(file.Path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: file.RetainedDays,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// One line per request (see <see cref="RequestTemplate"/>), written when the response is complete.
    /// Starts the request's SQL command counter, so it sits before everything that reads the database.
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestTemplate;
            options.IncludeQueryInRequestPath = false;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("SqlCommands", context.Features.Get<RequestSqlCommands>()?.Count ?? 0);
                diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-");
            };
        });
        app.Use((context, next) =>
        {
            RequestSqlCommands.StartFor(context);
            return next(context);
        });
        return app;
    }
}
