namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>One choice in a filter or pick list.</summary>
public sealed record FilterOption(int Id, string Name);
