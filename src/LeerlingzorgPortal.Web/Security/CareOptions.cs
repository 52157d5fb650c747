using LeerlingzorgPortal.Domain.Access;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>The school's settings for care work, section "Care".</summary>
public sealed class CareOptions
{
    public const string Section = "Care";

    /// <summary>An open case without a contact note for this many days is signalled as stale.</summary>
    public int StaleAfterDays { get; set; } = 30;

    /// <summary>Care workers a and b also read (not change) the cases at their locations.</summary>
    public bool CareWorkersReadLocationCases { get; set; }

    public CareAccessSettings AccessSettings => new(CareWorkersReadLocationCases);
}
