using System.Globalization;
using System.Security.Claims;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Http.Features;
using Npgsql;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// When the database cannot be reached (or does not answer within the configured timeouts) a request
/// answers 503 with <c>Retry-After</c> and the Dutch status page, in every environment, instead of a 500 or
/// a request that hangs (ADR 0023). Other exceptions pass on unchanged.
/// </summary>
/// <remarks>
/// The status page is rendered by running the rest of the pipeline again for <c>/Home/Status/503</c>, like
/// the framework's exception handler, but as an anonymous request in a fresh service scope: the signed-in
/// user's cookie would send authentication straight back to the database (server-side sessions and the
/// security stamp are checked on every request), and the first scope's authentication handler keeps its
/// failed result. The cookie itself is left alone, so the user is still signed in once the database is back.
/// </remarks>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, DatabaseOutageLog outageLog)
{
    public const string StatusPath = "/Home/Status/503";

    /// <summary>Seconds a browser or client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DatabaseOutageKind kind;
        try
        {
            await next(context);
            return;
        }
        catch (Exception e) when ((kind = DatabaseOutage.Classify(e)) != DatabaseOutageKind.None)
        {
            outageLog.Record(kind, e, context);
            if (context.Response.HasStarted)
            {
                // Part of the page has been sent: nothing to do but end the response.
                throw;
            }
        }

        await RenderStatusPageAsync(context, kind);
    }

    private async Task RenderStatusPageAsync(HttpContext context, DatabaseOutageKind kind)
    {
        var request = context.Request;
        var (path, query, method, cookies) = (request.Path, request.QueryString, request.Method, request.Headers.Cookie);
        var (user, services) = (context.User, context.RequestServices);

        context.Response.Clear();
        SetOutageHeaders(context.Response);
        context.Features.Set(new DatabaseOutageFeature(kind, HttpMethods.IsGet(method) || HttpMethods.IsHead(method)));
        context.SetEndpoint(null);
        context.Features.Get<IRouteValuesFeature>()?.RouteValues.Clear();
        request.Path = StatusPath;
        request.QueryString = QueryString.Empty;
        request.Method = HttpMethods.Get;
        request.Headers.Cookie = default;
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !context.Response.HasStarted)
        {
            // The status page itself needed the database after all: plain text rather than nothing.
            context.Response.Clear();
            SetOutageHeaders(context.Response);
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(DatabaseOutageFeature.PlainText, context.RequestAborted);
        }
        finally
        {
            (request.Path, request.QueryString, request.Method, request.Headers.Cookie) = (path, query, method, cookies);
            (context.User, context.RequestServices) = (user, services);
        }
    }

    private static void SetOutageHeaders(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }
}

/// <summary>Set on a request that is answered with the database-outage page; the status page reads which outage and whether input may be lost.</summary>
public sealed record DatabaseOutageFeature(DatabaseOutageKind Kind, bool WasRead)
{
    public const string PlainText = "De database is even niet bereikbaar. Probeer het over een halve minuut opnieuw.";

    public string Title => Kind == DatabaseOutageKind.TimedOut ? "De database reageert niet op tijd" : "Database even niet bereikbaar";

    public string Text => Kind switch
    {
        DatabaseOutageKind.TimedOut => "De database reageerde niet op tijd. Probeer het over een halve minuut opnieuw. "
                                       + "Duurt een overzicht of export steeds te lang, kies dan een kortere periode of één locatie.",
        DatabaseOutageKind.Busy => "De database is even bezet. Probeer het over een halve minuut opnieuw.",
        _ => "De database is even niet bereikbaar. Er is niets kwijt; probeer het over een halve minuut opnieuw. "
             + "Blijft dit zo, meld het dan aan de functioneel beheerder.",
    };

    /// <summary>For a form that was sent: what the user should check afterwards.</summary>
    public string? InputNote => WasRead
        ? null
        : "Wat je net hebt verstuurd, is mogelijk niet opgeslagen. Kijk het na zodra de database weer bereikbaar is.";
}

/// <summary>
/// Logs database outages without personal data (kind, exception types, PostgreSQL error code, path without
/// query string, user id) and at most one line per <see cref="Interval"/>, with the number of requests
/// answered 503 since the line before, so an outage under load does not flood the log.
/// </summary>
public sealed class DatabaseOutageLog(ILogger<DatabaseOutageLog> logger, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private DateTimeOffset _lastLogged = DateTimeOffset.MinValue;
    private int _unlogged;

    public void Record(DatabaseOutageKind kind, Exception exception, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        int count;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _unlogged++;
            if (now - _lastLogged < Interval && now >= _lastLogged)
            {
                return;
            }

            count = _unlogged;
            _unlogged = 0;
            _lastLogged = now;
        }

        logger.LogError("Database unreachable ({Kind}, {ExceptionTypes}, SQL state {SqlState}): {Method} {Path} for user {UserId} answered 503; {Count} request(s) so answered since the last such line",
            kind, Types(exception), SqlState(exception) ?? "-", context.Request.Method, context.Request.Path.Value,
            context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-", count);
    }

    private static string Types(Exception exception)
    {
        var names = new List<string>();
        for (var current = exception; current is not null && names.Count < 5; current = current.InnerException)
        {
            names.Add(current.GetType().Name);
        }

        return string.Join(" > ", names);
    }

    private static string? SqlState(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres.SqlState;
            }
        }

        return null;
    }
}
