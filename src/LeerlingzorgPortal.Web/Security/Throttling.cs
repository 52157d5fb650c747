using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Limits on attempts (ADR 0018), in addition to Identity's lockout: per client address through the
/// framework's rate limiter, per account through <see cref="AccountThrottle"/>, and per user on every
/// download.
/// </summary>
public static class Throttling
{
    /// <summary>Sign-in, two-factor and password posts, per client address.</summary>
    public const string CredentialsPolicy = "credentials";

    /// <summary>Every action that produces a download, per signed-in user; applied by name (<see cref="ExportConvention"/>).</summary>
    public const string ExportPolicy = "exports";

    public const string Message = "Te veel pogingen. Probeer het over een minuut opnieuw.";

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPortalThrottling(this IServiceCollection services)
    {
        services.AddOptions<ThrottlingOptions>().BindConfiguration(ThrottlingOptions.Section)
            .Validate(o => o.PerClientPerMinute > 0 && o.PerAccountPerMinute > 0 && o.ExportsPerUserPerMinute > 0
                       && o.FreeFailuresPerAddress > 0 && o.FreeFailuresPerClient > 0,
                "Security:Throttling: elke limiet moet groter dan 0 zijn.")
            .ValidateOnStart();
        services.AddSingleton<AccountThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ThrottlingOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds(
                    context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(CredentialsPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "client:" + ClientAddress(context), _ => Fixed(limits.Value.PerClientPerMinute)));
            options.AddPolicy(ExportPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                    ? "user:" + userId
                    : "client:" + ClientAddress(context),
                _ => Fixed(limits.Value.ExportsPerUserPerMinute)));
        });
        return services;
    }

    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    internal static FixedWindowRateLimiterOptions Fixed(int permits) => new()
    {
        PermitLimit = permits,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public static bool IsExport(string actionName) =>
        actionName.EndsWith("Export", StringComparison.Ordinal);
}

/// <summary>
/// Puts the export limit on every action named <c>Export</c> or <c>…Export</c>, so a download added
/// later is limited without anyone remembering to.
/// </summary>
public sealed class ExportConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!Throttling.IsExport(action.ActionName))
        {
            return;
        }

        foreach (var selector in action.Selectors)
        {
            selector.EndpointMetadata.Add(new EnableRateLimitingAttribute(Throttling.ExportPolicy));
        }
    }
}

/// <summary>
/// Attempts per account, whichever address they come from. Called from the actions, because the
/// account is in the posted form (or the pending two-factor sign-in), which the framework's rate
/// limiter partitions cannot read without buffering and binding the form a second time.
/// In process: with several instances each counts on its own, and Identity's lockout (in the
/// database) remains the shared limit.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AccountThrottle(IOptions<ThrottlingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.PerAccountPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.GetFixedWindowLimiter(account, _ => Throttling.Fixed(permits)));
    }

    /// <summary>Counts one attempt; false (and how long to wait) when the account has had enough for now.</summary>
    public bool TryAttempt(string kind, string account, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(account);
        using var lease = _limiter.AttemptAcquire(kind + ":" + account.Trim().ToUpperInvariant());
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Throttling.Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
