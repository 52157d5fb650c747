using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class MentorGroupConfiguration : IEntityTypeConfiguration<MentorGroup>
{
    public void Configure(EntityTypeBuilder<MentorGroup> builder)
    {
        builder.ToTable("MentorGroups");
        builder.Property(g => g.Name).HasMaxLength(MentorGroup.NameMaxLength);
        builder.Property(g => g.SchoolYear)
            .HasConversion(year => year.StartYear, startYear => new SchoolYear(startYear))
            .HasColumnName("SchoolYearStart");
        builder.HasIndex(g => new { g.LocationId, g.SchoolYear, g.Name }).IsUnique()
            .HasDatabaseName("UX_MentorGroups_Location_Year_Name");
    }
}
