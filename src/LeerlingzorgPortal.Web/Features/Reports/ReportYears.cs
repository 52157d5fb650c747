using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The school years a report can be asked for: the current one and <see cref="ReportPeriod.YearsBack"/> before it.</summary>
public static class ReportYears
{
    public static IReadOnlyList<SchoolYear> Choosable(SchoolYear current) =>
        Enumerable.Range(0, ReportPeriod.YearsBack + 1).Select(back => new SchoolYear(current.StartYear - back)).ToList();
}
