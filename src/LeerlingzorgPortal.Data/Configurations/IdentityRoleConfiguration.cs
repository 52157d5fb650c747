using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

/// <summary>The fixed set of roles is part of the schema, so every database has them after migrating.</summary>
internal sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder)
    {
        builder.HasData(Enum.GetValues<StaffRole>().Select(role => new IdentityRole
        {
            Id = $"role-{role.ToString().ToLowerInvariant()}",
            Name = role.ToString(),
            NormalizedName = role.ToString().ToUpperInvariant(),
            ConcurrencyStamp = $"role-{role.ToString().ToLowerInvariant()}",
        }));
    }
}
