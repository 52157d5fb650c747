namespace LeerlingzorgPortal.Domain.Accounts;

/// <summary>
/// Progressive delay after failed sign-ins (ADR 0038), instead of a lock that a stranger can put on
/// someone else's account. After a few failures the next attempt waits, and each further failure makes the next attempt wait
/// twice as long as the one before, from 30 seconds up to 15 minutes. It is counted per typed address on
/// one client and per client over all addresses, never per account alone, so failures from elsewhere do
/// not keep the owner out.
/// </summary>
public sealed record SignInDelay(int FreeFailures)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    /// <summary>Failures are forgotten after this long without a new one.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);

    /// <summary>For one typed address on one client: three failures, then waiting.</summary>
    public static SignInDelay PerAddressAndClient { get; } = new(3);

    /// <summary>For one client over all addresses (password spraying): ten failures, then waiting.</summary>
    public static SignInDelay PerClient { get; } = new(10);

    /// <summary>How long to wait after the given number of consecutive failures: 30 s at the limit, doubling for each one after.</summary>
    public TimeSpan After(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 10);
        var wait = First * Math.Pow(2, doublings);
        return wait > Longest ? Longest : wait;
    }
}
