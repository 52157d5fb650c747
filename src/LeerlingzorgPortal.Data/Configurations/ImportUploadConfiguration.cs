using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.ToTable("ImportUploads");
        builder.Property(u => u.UploadedById).HasMaxLength(64);
        builder.Property(u => u.FileName).HasMaxLength(260);
        builder.Property(u => u.Mapping).HasMaxLength(2000);
    }
}
