using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.DisplayName).HasMaxLength(StaffMember.DisplayNameMaxLength);
        builder.Property(s => s.Email).HasMaxLength(StaffMember.EmailMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.LocationIds);
        builder.Ignore(s => s.MentorGroupIds);

        // Shares its key with the sign-in account.
        builder.HasOne<PortalUser>().WithOne().HasForeignKey<StaffMember>(s => s.Id).OnDelete(DeleteBehavior.Cascade);

        builder.HasMany(s => s.Locations).WithOne().HasForeignKey(l => l.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Locations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.MentorGroups).WithOne().HasForeignKey(g => g.StaffMemberId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.MentorGroups).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
