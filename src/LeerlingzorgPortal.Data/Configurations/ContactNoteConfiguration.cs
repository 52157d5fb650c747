using LeerlingzorgPortal.Domain.Care;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeerlingzorgPortal.Data.Configurations;

internal sealed class ContactNoteConfiguration : IEntityTypeConfiguration<ContactNote>
{
    public void Configure(EntityTypeBuilder<ContactNote> builder)
    {
        builder.ToTable("ContactNotes");
        builder.Property(n => n.AuthorId).HasMaxLength(64);
        builder.Property(n => n.With).HasConversion<string>().HasMaxLength(60);
        builder.Property(n => n.Summary).HasMaxLength(ContactNote.SummaryMaxLength);
        builder.Property(n => n.Agreements).HasMaxLength(ContactNote.AgreementsMaxLength);
        // "Date of last contact" per case, and stale cases.
        builder.HasIndex(n => new { n.ReferralId, n.Date }).HasDatabaseName("IX_ContactNotes_Referral_Date");
    }
}
