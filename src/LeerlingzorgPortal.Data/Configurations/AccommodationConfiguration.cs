using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class AccommodationConfiguration : IEntityTypeConfiguration<Accommodation>
{
    public void Configure(EntityTypeBuilder<Accommodation> builder)
    {
        builder.ToTable("Accommodations");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Detail).HasMaxLength(Accommodation.DetailMaxLength);
        builder.Property(a => a.Ground).HasMaxLength(Accommodation.GroundMaxLength);
        builder.Property(a => a.GrantedById).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.LastDay);
        builder.HasOne<Pupil>().WithMany().HasForeignKey(a => a.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.GrantedById).OnDelete(DeleteBehavior.Restrict);

        // The pupil page and the group overview list a pupil's accommodations; the expiry signal looks by end date.
        builder.HasIndex(a => a.PupilId).HasDatabaseName("IX_Accommodations_Pupil");
        builder.HasIndex(a => new { a.GrantedById, a.ValidUntil }).HasDatabaseName("IX_Accommodations_GrantedBy_ValidUntil");
    }
}
