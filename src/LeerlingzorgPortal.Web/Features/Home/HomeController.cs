using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Home;

public sealed class HomeController(CurrentStaff currentStaff, HomeOverviewQuery overview, CareDashboardQuery care) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var model = await overview.HandleAsync(scope, cancellationToken);
        return model is null ? Challenge() : View(new HomeViewModel(model, await care.HandleAsync(model, cancellationToken)));
    }

    /// <summary>The page shown for 404, 403 and other status codes without a body of their own.</summary>
    /// <remarks>
    /// Any method: a refused POST is re-executed here as a POST, and must still get its page. The code is
    /// read from the route only: a re-executed form with a field named "Code" must not replace it.
    /// </remarks>
    [Route("/Home/Status/{code:int}")]
    [AllowAnonymous]
    [IgnoreAntiforgeryToken]
    public IActionResult Status([FromRoute] int code)
    {
        code = code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        if (code == StatusCodes.Status429TooManyRequests && !Response.Headers.ContainsKey("Retry-After"))
        {
            Response.Headers.RetryAfter = Throttling.RetryAfterSeconds(Throttling.Window);
        }

        if (code == StatusCodes.Status503ServiceUnavailable && !Response.Headers.ContainsKey("Retry-After"))
        {
            Response.Headers.RetryAfter = Infrastructure.Web.DatabaseOutageMiddleware.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return View(code);
    }

    [HttpGet]
    [AllowAnonymous]
    public IActionResult Error()
    {
        var feature = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        ViewData["RequestId"] = HttpContext.TraceIdentifier;
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View(model: feature is null ? null : HttpContext.TraceIdentifier);
    }
}
