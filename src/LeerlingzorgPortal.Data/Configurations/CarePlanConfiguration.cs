using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class CarePlanConfiguration : IEntityTypeConfiguration<CarePlan>
{
    public void Configure(EntityTypeBuilder<CarePlan> builder)
    {
        builder.ToTable("CarePlans");
        builder.Property(p => p.ResponsibleId).HasMaxLength(64);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Content).AsJson();
        builder.Property(p => p.PupilView).HasMaxLength(2000);
        builder.Property(p => p.ConcurrencyToken).IsConcurrencyToken();
        builder.Ignore(p => p.HasConsentForCurrentVersion);

        builder.HasOne<Referral>().WithMany().HasForeignKey(p => p.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Pupil>().WithMany().HasForeignKey(p => p.PupilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.ResponsibleId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Evaluations).WithOne().HasForeignKey(e => e.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Evaluations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Consents).WithOne().HasForeignKey(c => c.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Consents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.MeasureEvaluations).WithOne().HasForeignKey(m => m.CarePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.MeasureEvaluations).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(p => p.ReferralId).HasDatabaseName("IX_CarePlans_Referral");
        // The deadline signals look at open OPPs per responsible care worker.
        builder.HasIndex(p => new { p.Kind, p.Status, p.ResponsibleId }).HasDatabaseName("IX_CarePlans_Kind_Status_Responsible");
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ToTable("CarePlanVersions");
        builder.Property(v => v.Content).AsJson();
        builder.Property(v => v.SavedById).HasMaxLength(64);
        builder.HasIndex(v => new { v.CarePlanId, v.Number }).IsUnique().HasDatabaseName("UX_CarePlanVersions_Plan_Number");
    }
}

internal sealed class PlanEvaluationConfiguration : IEntityTypeConfiguration<PlanEvaluation>
{
    public void Configure(EntityTypeBuilder<PlanEvaluation> builder)
    {
        builder.ToTable("CarePlanEvaluations");
        builder.Property(e => e.Results).AsJson();
        builder.Property(e => e.Summary).HasMaxLength(2000);
        builder.Property(e => e.ById).HasMaxLength(64);
    }
}

internal sealed class PlanConsentConfiguration : IEntityTypeConfiguration<PlanConsent>
{
    public void Configure(EntityTypeBuilder<PlanConsent> builder)
    {
        builder.ToTable("CarePlanConsents");
        builder.Property(c => c.GivenBy).HasMaxLength(200);
        builder.Property(c => c.Remarks).HasMaxLength(2000);
        builder.Property(c => c.RecordedById).HasMaxLength(64);
    }
}

internal sealed class MeasureEvaluationConfiguration : IEntityTypeConfiguration<MeasureEvaluation>
{
    public void Configure(EntityTypeBuilder<MeasureEvaluation> builder)
    {
        builder.ToTable("CarePlanMeasureEvaluations");
        builder.Property(m => m.Note).HasMaxLength(2000);
        builder.Property(m => m.ById).HasMaxLength(64);
    }
}
