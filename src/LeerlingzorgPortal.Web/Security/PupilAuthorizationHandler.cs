using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>Decides on one loaded pupil with the same rule that filters the pupil lists.</summary>
public sealed class PupilAuthorizationHandler(CurrentStaff currentStaff)
    : AuthorizationHandler<OperationAuthorizationRequirement, Pupil>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context,
        OperationAuthorizationRequirement requirement, Pupil resource)
    {
        var scope = await currentStaff.GetScopeAsync();
        if (PupilAccess.CanRead(scope, resource))
        {
            context.Succeed(requirement);
        }
    }
}
