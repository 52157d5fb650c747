using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("ActionItems");
        builder.Property(i => i.CreatedById).HasMaxLength(64);
        builder.Property(i => i.OwnerId).HasMaxLength(64);
        builder.Property(i => i.Description).HasMaxLength(ActionItem.DescriptionMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.ContactNote).WithMany().HasForeignKey(i => i.ContactNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // Everyone's home page: my open items by due date.
        builder.HasIndex(i => new { i.OwnerId, i.Status, i.DueDate }).HasDatabaseName("IX_ActionItems_Owner_Status_Due");
    }
}
