using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class PupilConfiguration : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> builder)
    {
        builder.ToTable("Pupils");
        builder.Property(p => p.Number).HasMaxLength(Pupil.NumberMaxLength);
        builder.Ignore(p => p.IsAnonymised);
        builder.Property(p => p.SearchText).HasMaxLength(Pupil.SearchTextMaxLength);
        builder.HasIndex(p => p.Number).IsUnique().HasDatabaseName("UX_Pupils_Number");
        builder.ComplexProperty(p => p.Name, name =>
        {
            name.Property(n => n.FirstName).HasColumnName("FirstName").HasMaxLength(PersonName.PartMaxLength);
            name.Property(n => n.Prefix).HasColumnName("NamePrefix").HasMaxLength(PersonName.PrefixMaxLength);
            name.Property(n => n.LastName).HasColumnName("LastName").HasMaxLength(PersonName.PartMaxLength);
        });
        builder.HasOne(p => p.Location).WithMany().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.MentorGroup).WithMany().HasForeignKey(p => p.MentorGroupId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Guardians).WithOne().HasForeignKey(g => g.PupilId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Guardians).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The pupil list filters by location and mentor group and sorts by last name.
        builder.HasIndex(p => new { p.LocationId, p.MentorGroupId }).HasDatabaseName("IX_Pupils_Location_MentorGroup");

        // The pupil search of a location's care workers: a substring test on every pupil of the location, read
        // from this index alone instead of one table lookup per pupil (10x fewer reads at 4,000 pupils; ADR 0027).
        builder.HasIndex(p => new { p.LocationId, p.SearchText }).HasDatabaseName("IX_Pupils_Location_SearchText");
    }
}
