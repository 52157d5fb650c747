using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> builder)
    {
        builder.ToTable("Handovers");
        builder.Property(h => h.PreviousSchool).HasMaxLength(200);
        builder.Property(h => h.ReportSummary).HasMaxLength(Handover.TextMaxLength);
        builder.Property(h => h.SupportSoFar).HasMaxLength(Handover.TextMaxLength);
        builder.Property(h => h.Advice).HasMaxLength(Handover.TextMaxLength);
        builder.Property(h => h.RecordedById).HasMaxLength(64);
        builder.HasOne<Pupil>().WithMany().HasForeignKey(h => h.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Referral>().WithMany().HasForeignKey(h => h.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => h.PupilId).HasDatabaseName("IX_Handovers_Pupil");
    }
}
