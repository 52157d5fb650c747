using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Protocols;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.ToTable("Protocols");
        builder.Property(p => p.Topic).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.OwnerId).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Current);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProtocolId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // A named topic has one active protocol: screens link to "the" bullying protocol. The filter
        // reads the same in SQLite and PostgreSQL.
        builder.HasIndex(p => p.Topic).IsUnique().HasFilter("\"IsActive\" AND \"Topic\" <> 'Other'")
            .HasDatabaseName("UX_Protocols_ActiveTopic");
    }
}

internal sealed class ProtocolVersionConfiguration : IEntityTypeConfiguration<ProtocolVersion>
{
    public void Configure(EntityTypeBuilder<ProtocolVersion> builder)
    {
        builder.ToTable("ProtocolVersions");
        builder.Property(v => v.Title).HasMaxLength(Protocol.TitleMaxLength);
        builder.Property(v => v.Body).HasMaxLength(Protocol.BodyMaxLength);
        builder.Property(v => v.ChangeNote).HasMaxLength(Protocol.NoteMaxLength);
        builder.Property(v => v.AuthorId).HasMaxLength(64);
        builder.HasIndex(v => new { v.ProtocolId, v.Number }).IsUnique().HasDatabaseName("UX_ProtocolVersions_Protocol_Number");
    }
}
