using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        builder.ToTable("Boards");
        builder.Property(b => b.Name).HasMaxLength(Board.NameMaxLength);
        builder.HasMany(b => b.Locations).WithOne(l => l.Board).HasForeignKey(l => l.BoardId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(b => b.Locations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
