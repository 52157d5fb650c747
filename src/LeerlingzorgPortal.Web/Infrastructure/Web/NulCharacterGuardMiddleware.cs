using Microsoft.AspNetCore.Diagnostics;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// Refuses a query or form that carries a NUL character (U+0000) with 422 and a Dutch page. No
/// keyboard types one; PostgreSQL cannot store or even compare text that holds one, so without this a
/// crafted request would end in a server error. File uploads (multipart) are left to their own
/// checks: reading them here would apply the default body limit before the upload's own.
/// </summary>
public sealed class NulCharacterGuardMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The status page that explains the refusal is the same request re-executed: let it through.
        var explaining = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (!explaining && (HasNul(context.Request.Query) || await FormHasNulAsync(context.Request)))
        {
            context.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }

        await next(context);
    }

    private static async Task<bool> FormHasNulAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return HasNul(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        catch (InvalidDataException)
        {
            // The form reader itself refuses an encoded NUL ("%00") in a value.
            return true;
        }
    }

    private static bool HasNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal)
                           || pair.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)));
}
