using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>What a user wants to do with a loaded record; handlers decide per record.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}
