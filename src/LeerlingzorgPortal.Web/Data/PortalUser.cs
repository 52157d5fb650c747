using Microsoft.AspNetCore.Identity;

namespace LeerlingzorgPortal.Web.Data;

/// <summary>
/// The sign-in account. Its organisational side (name, locations, mentor groups) is the
/// <see cref="Domain.Organisation.StaffMember"/> with the same id.
/// </summary>
public sealed class PortalUser : IdentityUser
{
}
