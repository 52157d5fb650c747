using LeerlingzorgPortal.Domain.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class ExternalOrganisationConfiguration : IEntityTypeConfiguration<ExternalOrganisation>
{
    public void Configure(EntityTypeBuilder<ExternalOrganisation> builder)
    {
        builder.ToTable("ExternalOrganisations");
        builder.Property(o => o.Name).HasMaxLength(ExternalOrganisation.NameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.Region).HasMaxLength(ExternalOrganisation.ShortTextMaxLength);
        builder.Property(o => o.ContactPerson).HasMaxLength(ExternalOrganisation.ShortTextMaxLength);
        builder.Property(o => o.Phone).HasMaxLength(50);
        builder.Property(o => o.Email).HasMaxLength(ExternalOrganisation.ShortTextMaxLength);
        builder.Property(o => o.Website).HasMaxLength(ExternalOrganisation.ShortTextMaxLength);
        builder.Property(o => o.Address).HasMaxLength(ExternalOrganisation.ShortTextMaxLength);
        builder.Property(o => o.Offer).HasMaxLength(ExternalOrganisation.TextMaxLength);
        builder.Property(o => o.HowToRefer).HasMaxLength(ExternalOrganisation.TextMaxLength);
        builder.HasIndex(o => o.Name).IsUnique().HasDatabaseName("UX_ExternalOrganisations_Name");
    }
}
