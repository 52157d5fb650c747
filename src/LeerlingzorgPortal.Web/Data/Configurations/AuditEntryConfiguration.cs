using LeerlingzorgPortal.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Web.Data.Configurations;

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

        builder.HasIndex(a => a.PupilId).HasDatabaseName("IX_AuditEntries_Pupil");
        builder.HasIndex(a => a.At).HasDatabaseName("IX_AuditEntries_At");
    }
}
