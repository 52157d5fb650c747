using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class StaffMentorGroupConfiguration : IEntityTypeConfiguration<StaffMentorGroup>
{
    public void Configure(EntityTypeBuilder<StaffMentorGroup> builder)
    {
        builder.ToTable("StaffMentorGroups");
        builder.HasKey(g => new { g.StaffMemberId, g.MentorGroupId });
        builder.HasOne(g => g.Group).WithMany().HasForeignKey(g => g.MentorGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
