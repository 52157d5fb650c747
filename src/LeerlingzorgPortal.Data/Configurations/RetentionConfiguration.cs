using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class RetentionPeriodConfiguration : IEntityTypeConfiguration<RetentionPeriod>
{
    public void Configure(EntityTypeBuilder<RetentionPeriod> builder)
    {
        builder.ToTable("RetentionPeriods");
        builder.HasKey(p => p.Kind);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.UpdatedById).HasMaxLength(64);
    }
}

internal sealed class RetentionReviewConfiguration : IEntityTypeConfiguration<RetentionReview>
{
    public void Configure(EntityTypeBuilder<RetentionReview> builder)
    {
        builder.ToTable("RetentionReviews");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PostponeReason).HasMaxLength(RetentionReview.ReasonMaxLength);
        builder.Property(r => r.DecidedById).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        // The pupil row is never deleted (it is anonymised), so nothing cascades from here.
        builder.HasOne<Pupil>().WithMany().HasForeignKey(r => r.PupilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PupilId, r.Kind }).IsUnique().HasDatabaseName("UX_RetentionReviews_Pupil_Kind");
        // The coordinator's due list: open reviews per location.
        builder.HasIndex(r => new { r.LocationId, r.Status }).HasDatabaseName("IX_RetentionReviews_Location_Status");
    }
}
