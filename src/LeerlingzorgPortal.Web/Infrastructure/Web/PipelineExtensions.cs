using LeerlingzorgPortal.Web.Infrastructure.Logging;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

public static class PipelineExtensions
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UsePortalForwardedHeaders();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseExceptionHandler("/Home/Error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.Use(RefuseTrace);
        app.UsePortalRequestLogging();
        app.UseStatusCodePagesWithReExecute("/Home/Status/{0}");
        // Inside the status pages, outside everything that reads the database (authentication included).
        app.UseMiddleware<DatabaseOutageMiddleware>();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseMiddleware<NulCharacterGuardMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .AllowAnonymous();
        app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
        return app;
    }

    /// <summary>TRACE (and its old alias TRACK) echo requests back, cookies included: never answered.</summary>
    private static Task RefuseTrace(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsTrace(context.Request.Method) || context.Request.Method == "TRACK")
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
