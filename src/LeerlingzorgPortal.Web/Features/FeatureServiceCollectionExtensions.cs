using LeerlingzorgPortal.Web.Features.Admin.Organisation;
using LeerlingzorgPortal.Web.Features.Admin.Users;
using LeerlingzorgPortal.Web.Features.Home;
using LeerlingzorgPortal.Web.Features.Pupils;

namespace LeerlingzorgPortal.Web.Features;

/// <summary>The queries and use cases of every feature, registered in one readable list.</summary>
public static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddPortalFeatures(this IServiceCollection services) => services
        .AddScoped<HomeOverviewQuery>()
        .AddScoped<PupilListQuery>()
        .AddScoped<PupilDetailsQuery>()
        .AddScoped<StaffDirectoryQuery>()
        .AddScoped<StaffAssignmentOptionsQuery>()
        .AddScoped<Workplaces>()
        .AddScoped<CreateUser>()
        .AddScoped<UpdateUser>()
        .AddScoped<SetUserActive>()
        .AddScoped<ResetUserPassword>()
        .AddScoped<OrganisationOverviewQuery>()
        .AddScoped<ChangeOrganisation>();
}
