using LeerlingzorgPortal.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Data;

/// <summary>
/// The sign-in account. Its organisational side (name, locations, mentor groups) is the
/// <see cref="Domain.Organisation.StaffMember"/> with the same id. A password set by the functioneel
/// beheerder must be replaced at the next sign-in, and the first authenticator app is bound by a one-time
/// enrolment code handed over apart from the password (ADR 0038).
/// </summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>Set when the password was chosen by the beheerder (new account, reset); cleared by the person's own change.</summary>
    public bool MustChangePassword { get; private set; }

    public string? EnrolmentCodeHash { get; private set; }

    public DateTimeOffset? EnrolmentCodeExpiresAt { get; private set; }

    /// <summary>The password was set by someone else: the person chooses their own at the next sign-in.</summary>
    public void RequirePasswordChange() => MustChangePassword = true;

    public void PasswordChangedByOwner() => MustChangePassword = false;

    /// <summary>A new enrolment code, valid 72 hours; any earlier one stops working. Returns the code to show once.</summary>
    public string IssueEnrolmentCode(DateTimeOffset now)
    {
        var code = EnrolmentCode.Generate();
        EnrolmentCodeHash = EnrolmentCode.Hash(code);
        EnrolmentCodeExpiresAt = now + EnrolmentCode.ValidFor;
        return code;
    }

    public bool HasValidEnrolmentCode(DateTimeOffset now) =>
        EnrolmentCodeHash is not null && EnrolmentCodeExpiresAt > now;

    /// <summary>Whether the typed code is this account's current, unexpired code (it is not used up yet).</summary>
    public bool EnrolmentCodeMatches(string? typed, DateTimeOffset now) =>
        HasValidEnrolmentCode(now) && EnrolmentCode.Matches(EnrolmentCodeHash, typed);

    /// <summary>The code did its work (an app was enrolled) or is withdrawn: it can never be used again.</summary>
    public void UseUpEnrolmentCode()
    {
        EnrolmentCodeHash = null;
        EnrolmentCodeExpiresAt = null;
    }
}
