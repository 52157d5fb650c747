using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class StaffLocationConfiguration : IEntityTypeConfiguration<StaffLocation>
{
    public void Configure(EntityTypeBuilder<StaffLocation> builder)
    {
        builder.ToTable("StaffLocations");
        builder.HasKey(l => new { l.StaffMemberId, l.LocationId });
        builder.HasOne<Location>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}
