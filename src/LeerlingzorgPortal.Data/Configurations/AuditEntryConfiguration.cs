using LeerlingzorgPortal.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.SubjectType).HasMaxLength(AuditEntry.SubjectTypeMaxLength);
        builder.Property(a => a.SubjectId).HasMaxLength(AuditEntry.SubjectIdMaxLength);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.Property(a => a.ClientAddress).HasMaxLength(AuditEntry.ClientAddressMaxLength);

        // Deliberately no foreign key from PupilId to Pupils (nor from UserId to users): deleting a pupil's care
        // data at the end of its retention must leave the audit lines as they are, pupil id included (ADR 0020).

        builder.HasIndex(a => a.PupilId).HasDatabaseName("IX_AuditEntries_Pupil");
        builder.HasIndex(a => a.At).HasDatabaseName("IX_AuditEntries_At");
        builder.HasIndex(a => new { a.UserId, a.At }).HasDatabaseName("IX_AuditEntries_User_At");
    }
}
