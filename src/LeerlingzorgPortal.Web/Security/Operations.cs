using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>What a user wants to do with a loaded record; handlers decide per record.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Assign or return a submitted referral.</summary>
    public static readonly OperationAuthorizationRequirement Triage = new() { Name = nameof(Triage) };

    /// <summary>Work an open case: notes, action items, closing, referring out.</summary>
    public static readonly OperationAuthorizationRequirement Work = new() { Name = nameof(Work) };
}
