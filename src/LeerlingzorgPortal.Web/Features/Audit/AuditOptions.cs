using LeerlingzorgPortal.Domain.Auditing;

namespace LeerlingzorgPortal.Web.Features.Audit;

/// <summary>The thresholds of the unusual-access overview, section "Audit" (a figure above it flags the user).</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Distinct pupils whose dossier a user read outside their caseload in the period.</summary>
    public int UnusualOutsideCaseloadPupils { get; set; } = 10;

    /// <summary>Refused accesses (404 on a record id) in the period.</summary>
    public int UnusualRefusedAccesses { get; set; } = 5;

    /// <summary>Reads before 07:00, after 19:00 or at the weekend (Amsterdam time) in the period.</summary>
    public int UnusualReadsOutsideSchoolHours { get; set; } = 20;

    /// <summary>Exports in the period.</summary>
    public int UnusualExports { get; set; } = 10;

    public UnusualAccessThresholds Thresholds =>
        new(UnusualOutsideCaseloadPupils, UnusualRefusedAccesses, UnusualReadsOutsideSchoolHours, UnusualExports);
}
