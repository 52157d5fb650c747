using LeerlingzorgPortal.Domain.Care;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>Decides on one loaded referral (with its pupil) with the rules that also filter the lists.</summary>
public sealed class ReferralAuthorizationHandler(CareAccess careAccess)
    : AuthorizationHandler<OperationAuthorizationRequirement, Referral>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Referral resource)
    {
        var permissions = await careAccess.PermissionsAsync(resource);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => permissions.CanRead,
            nameof(Operations.Edit) => permissions.CanEditDraft,
            nameof(Operations.Triage) => permissions.CanTriage,
            nameof(Operations.Work) => permissions.CanWork,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
