using System.Diagnostics;
using System.Security.Claims;
using LeerlingzorgPortal.Web.Infrastructure.Database;

namespace LeerlingzorgPortal.Web.Infrastructure.Logging;

/// <summary>
/// One line per request. The query string is left out on purpose: searches carry pupil names, and
/// logs hold no personal data beyond ids. The number of SQL commands the request sent is on the line
/// too (see <see cref="RequestSqlCommands"/>): a page that suddenly sends many more shows up in the logs.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var sqlCommands = RequestSqlCommands.StartFor(context);
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var level = context.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "HTTP {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms with {SqlCommands} SQL commands for user {UserId}",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, elapsed, sqlCommands.Count,
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-");
        }
    }
}
