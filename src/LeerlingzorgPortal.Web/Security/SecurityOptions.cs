namespace LeerlingzorgPortal.Web.Security;

/// <summary>The <c>Security</c> section: two factors and session lifetimes.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Every account must use an authenticator app; on by default, off in Development.</summary>
    public bool RequireTwoFactor { get; set; } = true;

    /// <summary>A session ends after this many minutes without a request (sliding).</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this many hours after signing in, however active it is.</summary>
    public int AbsoluteTimeoutHours { get; set; } = 12;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan AbsoluteTimeout => TimeSpan.FromHours(AbsoluteTimeoutHours);
}

/// <summary>
/// The <c>Security:Throttling</c> section: how many attempts per minute, in addition to Identity's
/// lockout (5 failures, 15 minutes).
/// </summary>
public sealed class ThrottlingOptions
{
    public const string Section = "Security:Throttling";

    /// <summary>Sign-in, two-factor and password posts from one client address per minute.</summary>
    public int PerClientPerMinute { get; set; } = 30;

    /// <summary>Sign-in and two-factor posts for one account per minute, from any address.</summary>
    public int PerAccountPerMinute { get; set; } = 10;

    /// <summary>Failed sign-ins for one typed address from one client before it has to wait (ADR 0038).</summary>
    public int FreeFailuresPerAddress { get; set; } = 3;

    /// <summary>Failed sign-ins from one client, over all addresses, before it has to wait (ADR 0038).</summary>
    public int FreeFailuresPerClient { get; set; } = 10;

    /// <summary>Downloads (exports) by one user per minute.</summary>
    public int ExportsPerUserPerMinute { get; set; } = 20;
}
