using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ChairId).HasMaxLength(64);
        builder.Property(m => m.MinuteTakerId).HasMaxLength(64);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.Date);
        builder.Ignore(m => m.PartnerKinds);
        builder.HasOne<Location>().WithMany().HasForeignKey(m => m.LocationId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(m => m.Staff).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Staff).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Externals).WithOne().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Externals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Addenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Addenda).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Home pages and the meeting list: upcoming meetings per location.
        builder.HasIndex(m => new { m.LocationId, m.StartsAt }).HasDatabaseName("IX_Meetings_Location_StartsAt");
    }
}

internal sealed class MeetingStaffParticipantConfiguration : IEntityTypeConfiguration<MeetingStaffParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingStaffParticipant> builder)
    {
        builder.ToTable("MeetingStaffParticipants");
        builder.HasKey(p => new { p.MeetingId, p.StaffMemberId });
        builder.Property(p => p.StaffMemberId).HasMaxLength(64);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.StaffMemberId).HasDatabaseName("IX_MeetingStaffParticipants_Staff");
    }
}

internal sealed class ExternalParticipantConfiguration : IEntityTypeConfiguration<ExternalParticipant>
{
    public void Configure(EntityTypeBuilder<ExternalParticipant> builder)
    {
        builder.ToTable("MeetingExternalParticipants");
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Organisation).HasMaxLength(200);
        builder.Property(e => e.Role).HasMaxLength(200);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("MeetingAgendaItems");
        builder.Property(a => a.Question).HasMaxLength(Meeting.QuestionMaxLength);
        builder.Property(a => a.BroughtById).HasMaxLength(64);
        builder.Property(a => a.Discussion).HasMaxLength(Meeting.MinutesMaxLength);
        builder.Property(a => a.Decisions).HasMaxLength(Meeting.MinutesMaxLength);
        builder.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PupilId).HasDatabaseName("IX_MeetingAgendaItems_Pupil");
    }
}

internal sealed class MeetingAddendumConfiguration : IEntityTypeConfiguration<MeetingAddendum>
{
    public void Configure(EntityTypeBuilder<MeetingAddendum> builder)
    {
        builder.ToTable("MeetingAddenda");
        builder.Property(a => a.Text).HasMaxLength(Meeting.MinutesMaxLength);
        builder.Property(a => a.ById).HasMaxLength(64);
    }
}

internal sealed class PupilConsentConfiguration : IEntityTypeConfiguration<PupilConsent>
{
    public void Configure(EntityTypeBuilder<PupilConsent> builder)
    {
        builder.ToTable("PupilConsents");
        builder.Property(c => c.GivenBy).HasMaxLength(PupilConsent.GivenByMaxLength);
        builder.Property(c => c.RecordedById).HasMaxLength(64);
        builder.Property(c => c.MeetingTypes).AsJson();
        builder.Property(c => c.Partners).AsJson();
        builder.HasOne<Pupil>().WithMany().HasForeignKey(c => c.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PupilId).HasDatabaseName("IX_PupilConsents_Pupil");
    }
}
