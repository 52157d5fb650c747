using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("Locations");
        builder.Property(l => l.Name).HasMaxLength(Location.NameMaxLength);
        builder.Property(l => l.Code).HasMaxLength(Location.CodeMaxLength);
        builder.HasIndex(l => new { l.BoardId, l.Code }).IsUnique().HasDatabaseName("UX_Locations_Board_Code");
        builder.HasMany(l => l.MentorGroups).WithOne(g => g.Location).HasForeignKey(g => g.LocationId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(l => l.MentorGroups).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
