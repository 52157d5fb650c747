using System.Globalization;
using LeerlingzorgPortal.Domain.Auditing;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Refused access in the audit log, in one place: when a signed-in user's request for a record id ends in
/// 404 (the need-to-know rules answer 404 for ids out of reach, and so does an id that does not exist;
/// the two are deliberately indistinguishable), one <see cref="AuditAction.AccessRefused"/> line records the
/// controller and the id from the route, or else from the query string (ADR 0034). Written in a scope of its own, so nothing the action left
/// unsaved in its unit of work is saved with it.
/// </summary>
public sealed class RefusedAccessAuditFilter(IServiceScopeFactory scopes) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IStatusCodeActionResult { StatusCode: StatusCodes.Status404NotFound }
            && context.HttpContext.User.Identity?.IsAuthenticated == true
            && (RecordId(context.RouteData.Values) ?? QueryRecordId(context)) is { } id)
        {
            var subject = (context.ActionDescriptor as ControllerActionDescriptor)?.ControllerName ?? "Onbekend";
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>()
                .RecordAsync(AuditAction.AccessRefused, subject, id, pupilId: null, context.HttpContext.RequestAborted);
        }

        await next();
    }

    /// <summary>The record id in the route: <c>id</c>, or else the first route value named like <c>pupilId</c>.</summary>
    public static string? RecordId(IReadOnlyDictionary<string, object?> routeValues)
    {
        ArgumentNullException.ThrowIfNull(routeValues);
        if (routeValues.TryGetValue("id", out var id) && Text(id) is { } text)
        {
            return text;
        }

        return routeValues
            .Where(v => v.Key.Length > 2 && v.Key.EndsWith("Id", StringComparison.Ordinal))
            .Select(v => Text(v.Value))
            .FirstOrDefault(v => v is not null);
    }

    /// <summary>
    /// The record id in the query string, when the route has none (e.g. <c>/Referrals/Create?pupilId=…</c>): the first
    /// parameter of the action named <c>id</c> or like <c>pupilId</c> that the query string carries. Only the action's
    /// own parameters, so a made-up query value is never recorded.
    /// </summary>
    public static string? QueryRecordId(ResultExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.HttpContext.Request.Query;
        var names = context.ActionDescriptor.Parameters.Select(p => p.Name)
            .Where(n => n == "id" || (n.Length > 2 && n.EndsWith("Id", StringComparison.Ordinal)));
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (query.TryGetValue(name, out var value) && value.Count > 0)
            {
                values[name] = value[0];
            }
        }

        return RecordId(values);
    }

    private static string? Text(object? value) =>
        Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
}
