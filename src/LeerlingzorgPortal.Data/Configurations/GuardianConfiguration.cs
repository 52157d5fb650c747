using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class GuardianConfiguration : IEntityTypeConfiguration<Guardian>
{
    public void Configure(EntityTypeBuilder<Guardian> builder)
    {
        builder.ToTable("Guardians");
        builder.Property(g => g.Name).HasMaxLength(Guardian.NameMaxLength);
        builder.Property(g => g.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Phone).HasMaxLength(Guardian.PhoneMaxLength);
        builder.Property(g => g.Email).HasMaxLength(Guardian.EmailMaxLength);
    }
}
