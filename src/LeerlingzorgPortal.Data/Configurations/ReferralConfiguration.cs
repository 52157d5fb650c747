using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.Property(r => r.ReferredById).HasMaxLength(64);
        builder.Property(r => r.AssignedCareWorkerId).HasMaxLength(64);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.SupportLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Question).HasMaxLength(Referral.QuestionMaxLength);
        builder.Property(r => r.AlreadyTried).HasMaxLength(Referral.AlreadyTriedMaxLength);
        builder.Property(r => r.EndNote).HasMaxLength(Referral.SummaryMaxLength);
        builder.Property(r => r.ReferredOutTo).HasMaxLength(Referral.AgencyMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsCase);
        builder.Ignore(r => r.IsOpenCase);

        builder.HasOne(r => r.Pupil).WithMany().HasForeignKey(r => r.PupilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.ReferredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.AssignedCareWorkerId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.Notes).WithOne(n => n.Referral).HasForeignKey(n => n.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(r => r.ActionItems).WithOne(i => i.Referral).HasForeignKey(i => i.ReferralId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.ActionItems).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A double submit of the same form finds the draft it already made.
        builder.HasIndex(r => r.RequestId).IsUnique().HasDatabaseName("UX_Referrals_RequestId");
        // The intake queue and the coordinator's overview: by location and status.
        builder.HasIndex(r => new { r.LocationId, r.Status }).HasDatabaseName("IX_Referrals_Location_Status");
        builder.HasIndex(r => new { r.AssignedCareWorkerId, r.Status }).HasDatabaseName("IX_Referrals_CareWorker_Status");
        builder.HasIndex(r => r.ReferredById).HasDatabaseName("IX_Referrals_ReferredBy");
        builder.HasIndex(r => r.PupilId).HasDatabaseName("IX_Referrals_Pupil");
        // The dashboard counts referrals per location and month of submission.
        builder.HasIndex(r => new { r.LocationId, r.SubmittedAt }).HasDatabaseName("IX_Referrals_Location_SubmittedAt");
    }
}
