namespace LeerlingzorgPortal.Web.Data;

/// <summary>
/// One ASP.NET Core Data Protection key as the framework writes it (XML). Kept in the portal's own
/// database so that every instance signs and reads the same cookies and antiforgery tokens.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
