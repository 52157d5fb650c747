using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.ToTable("Interventions");
        builder.Property(i => i.Name).HasMaxLength(Intervention.NameMaxLength);
        builder.Property(i => i.Description).HasMaxLength(Intervention.TextMaxLength);
        builder.Property(i => i.TargetGroup).HasMaxLength(Intervention.ShortTextMaxLength);
        builder.Property(i => i.Provider).HasMaxLength(Intervention.NameMaxLength);
        builder.Property(i => i.Period).HasMaxLength(Intervention.ShortTextMaxLength);
        builder.Property(i => i.SupportLevel).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.ParticipantCount);
        builder.Ignore(i => i.FreePlaces);
        builder.Ignore(i => i.IsFull);
        builder.Ignore(i => i.FullMessage);
        builder.Ignore(i => i.WaitingList);
        builder.HasMany(i => i.Enrolments).WithOne().HasForeignKey(e => e.InterventionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Enrolments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => i.Name).IsUnique().HasDatabaseName("UX_Interventions_Name");
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("InterventionEnrolments");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Outcome).HasMaxLength(Enrolment.OutcomeMaxLength);
        builder.Property(e => e.EnrolledById).HasMaxLength(64);
        builder.Ignore(e => e.IsOpen);
        builder.HasOne<Pupil>().WithMany().HasForeignKey(e => e.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Referral>().WithMany().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Restrict);

        // The pupil's timeline and case page list a pupil's enrolments.
        builder.HasIndex(e => e.PupilId).HasDatabaseName("IX_InterventionEnrolments_Pupil");
    }
}
