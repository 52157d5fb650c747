namespace LeerlingzorgPortal.Web.Features.Home;

public sealed record HomeViewModel(HomeOverview Overview, CareDashboard Care);
