using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.Property(i => i.Place).HasMaxLength(Incident.PlaceMaxLength);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Description).HasMaxLength(Incident.TextMaxLength);
        builder.Property(i => i.MeasuresTaken).HasMaxLength(Incident.TextMaxLength);
        builder.Property(i => i.ReportedById).HasMaxLength(64);
        builder.HasOne<Location>().WithMany().HasForeignKey(i => i.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomIncidentCategory>().WithMany().HasForeignKey(i => i.CustomCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Involved).WithOne().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Involved).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The yearly monitoring counts incidents per location, category and period.
        builder.HasIndex(i => new { i.LocationId, i.OccurredAt }).HasDatabaseName("IX_Incidents_Location_OccurredAt");
    }
}

internal sealed class CustomIncidentCategoryConfiguration : IEntityTypeConfiguration<CustomIncidentCategory>
{
    public void Configure(EntityTypeBuilder<CustomIncidentCategory> builder)
    {
        builder.ToTable("CustomIncidentCategories");
        builder.Property(c => c.Name).HasMaxLength(CustomIncidentCategory.NameMaxLength);
        builder.HasIndex(c => c.Name).IsUnique().HasDatabaseName("UX_CustomIncidentCategories_Name");
    }
}

internal sealed class IncidentParticipantConfiguration : IEntityTypeConfiguration<IncidentParticipant>
{
    public void Configure(EntityTypeBuilder<IncidentParticipant> builder)
    {
        builder.ToTable("IncidentParticipants");
        builder.HasKey(p => new { p.IncidentId, p.PupilId });
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Pupil>().WithMany().HasForeignKey(p => p.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PupilId).HasDatabaseName("IX_IncidentParticipants_Pupil");
    }
}

internal sealed class ExternalReferralConfiguration : IEntityTypeConfiguration<ExternalReferral>
{
    public void Configure(EntityTypeBuilder<ExternalReferral> builder)
    {
        builder.ToTable("ExternalReferrals");
        builder.Property(r => r.AgencyKind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AgencyName).HasMaxLength(200);
        builder.Property(r => r.Reason).HasMaxLength(ExternalReferral.TextMaxLength);
        builder.Property(r => r.SharedInformation).HasMaxLength(ExternalReferral.TextMaxLength);
        builder.Property(r => r.ConsentBy).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Feedback).HasMaxLength(ExternalReferral.TextMaxLength);
        builder.Property(r => r.CreatedById).HasMaxLength(64);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Referral>().WithMany().HasForeignKey(r => r.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ReferralId).HasDatabaseName("IX_ExternalReferrals_Referral");
        builder.HasOne<ExternalOrganisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeldcodeTrackConfiguration : IEntityTypeConfiguration<MeldcodeTrack>
{
    public void Configure(EntityTypeBuilder<MeldcodeTrack> builder)
    {
        builder.ToTable("MeldcodeTracks");
        builder.Property(t => t.StartedById).HasMaxLength(64);
        builder.Ignore(t => t.ReachedStep);
        builder.Ignore(t => t.IsClosed);
        builder.HasOne<Referral>().WithMany().HasForeignKey(t => t.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class MeldcodeMemberConfiguration : IEntityTypeConfiguration<MeldcodeMember>
{
    public void Configure(EntityTypeBuilder<MeldcodeMember> builder)
    {
        builder.ToTable("MeldcodeMembers");
        builder.HasKey(m => new { m.TrackId, m.StaffMemberId });
        builder.Property(m => m.StaffMemberId).HasMaxLength(64);
        builder.Property(m => m.AddedById).HasMaxLength(64);
    }
}

internal sealed class MeldcodeEntryConfiguration : IEntityTypeConfiguration<MeldcodeEntry>
{
    public void Configure(EntityTypeBuilder<MeldcodeEntry> builder)
    {
        builder.ToTable("MeldcodeEntries");
        builder.Property(e => e.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ById).HasMaxLength(64);
        builder.Property(e => e.Summary).HasMaxLength(MeldcodeTrack.TextMaxLength);
        builder.Property(e => e.SkippedReason).HasMaxLength(MeldcodeTrack.TextMaxLength);
        builder.Property(e => e.Reference).HasMaxLength(100);
        builder.Property(e => e.Answers).AsJson();
    }
}
