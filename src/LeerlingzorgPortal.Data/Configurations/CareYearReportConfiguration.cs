using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class CareYearReportConfiguration : IEntityTypeConfiguration<CareYearReport>
{
    public void Configure(EntityTypeBuilder<CareYearReport> builder)
    {
        builder.ToTable("CareYearReports");
        builder.Property(r => r.FiguresComment).HasMaxLength(CareYearReport.SectionMaxLength);
        builder.Property(r => r.PolicyEvaluation).HasMaxLength(CareYearReport.SectionMaxLength);
        builder.Property(r => r.GoalsNextYear).HasMaxLength(CareYearReport.SectionMaxLength);
        builder.Property(r => r.UpdatedById).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.SchoolYear);
        builder.Ignore(r => r.HasText);
        builder.HasIndex(r => new { r.LocationId, r.SchoolYearStart }).IsUnique();
        builder.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}
