using System.Threading.RateLimiting;
using LeerlingzorgPortal.Web.Security;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// Report views over a period the user typed (begin or end date), per user, with the same limit per minute as
/// downloads (ADR 0018, 0035): such views are what a differencing attempt needs many of. Called from the action,
/// because only a view with dates counts; the dashboard without dates is not limited. In process, like the others.
/// </summary>
public sealed class CustomPeriodThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CustomPeriodThrottle(IOptions<ThrottlingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.ExportsPerUserPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(user =>
            RateLimitPartition.GetFixedWindowLimiter(user, _ => Throttling.Fixed(permits)));
    }

    /// <summary>Counts one view; false (and how long to wait) when the user has had enough for now.</summary>
    public bool TryView(string userId, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(userId);
        using var lease = _limiter.AttemptAcquire(userId);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Throttling.Window;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
