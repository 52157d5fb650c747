using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Retention;

/// <summary>
/// Retention and inzage both walk <see cref="PupilRecordInventory"/>; a table with pupil data that
/// it does not list would be neither removed nor shown. These tests fail when the model gains one.
/// </summary>
public sealed class PupilRecordInventoryTests
{
    private static List<Microsoft.EntityFrameworkCore.Metadata.IEntityType> ModelTypes()
    {
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().ToList();
    }

    [Fact]
    public void Every_table_with_a_pupil_or_referral_link_is_in_the_inventory()
    {
        var linked = ModelTypes()
            .Where(t => t.FindProperty("PupilId") is not null
                        || t.FindProperty("ReferralId") is not null
                        || t.GetNavigations().Any(n => n.TargetEntityType.ClrType == typeof(Pupil))
                        || t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Pupil)))
            .Select(t => t.ClrType)
            .ToList();

        Assert.NotEmpty(linked);
        var missing = linked.Where(t => !PupilRecordInventory.CoveredTypes.Contains(t) && !PupilRecordInventory.NotPerPupil.ContainsKey(t))
            .Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"Not classified in PupilRecordInventory: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_table_that_hangs_on_a_listed_table_by_cascade_is_listed_too()
    {
        var covered = PupilRecordInventory.CoveredTypes;
        var children = ModelTypes()
            .Where(t => t.GetForeignKeys().Any(fk => fk.DeleteBehavior == DeleteBehavior.Cascade
                                                     && covered.Contains(fk.PrincipalEntityType.ClrType)))
            .Select(t => t.ClrType)
            .Where(t => !covered.Contains(t))
            .Select(t => t.Name)
            .ToList();

        Assert.True(children.Count == 0, $"Children of inventory tables not classified: {string.Join(", ", children)}");
    }

    [Fact]
    public void Every_inventory_type_is_in_the_model_and_listed_once()
    {
        var types = ModelTypes().Select(t => t.ClrType).ToHashSet();

        Assert.All(PupilRecordInventory.Entries, e => Assert.Contains(e.EntityType, types));
        Assert.Equal(PupilRecordInventory.Entries.Count, PupilRecordInventory.Entries.Select(e => e.Key).Distinct().Count());
    }

    [Fact]
    public void The_audit_log_is_kept_and_never_removed_by_retention()
    {
        var audit = Assert.Single(PupilRecordInventory.Entries, e => e.EntityType == typeof(Domain.Auditing.AuditEntry));

        Assert.Equal(RecordTreatment.Kept, audit.Treatment);
    }
}
