using LeerlingzorgPortal.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Web.Data.Configurations;

internal sealed class ExternalOrganisationConfiguration : IEntityTypeConfiguration<ExternalOrganisation>
{
    public void Configure(EntityTypeBuilder<ExternalOrganisation> builder)
    {
        builder.ToTable("ExternalOrganisations");
        builder.Property(o => o.Name).HasMaxLength(ExternalOrganisation.NameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(o => o.Name).IsUnique().HasDatabaseName("UX_ExternalOrganisations_Name");
    }
}
