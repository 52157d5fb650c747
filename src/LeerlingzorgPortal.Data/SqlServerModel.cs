using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LeerlingzorgPortal.Data;

/// <summary>
/// What the shared model needs on SQL Server only (ADR 0033), so that SQLite's and PostgreSQL's models and
/// migrations stay as they are.
/// </summary>
public static class SqlServerModel
{
    /// <summary>
    /// The longest text an index key may hold without a length of its own. SQL Server cannot index
    /// <c>nvarchar(max)</c>, and an index key holds at most 1,700 bytes (2 per character).
    /// </summary>
    public const int IndexedTextLength = 200;

    /// <summary>
    /// Index filters in SQL Server's dialect, by index name. The shared model writes them for SQLite and PostgreSQL,
    /// where a bit column is a condition by itself; SQL Server needs a comparison.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Filters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UX_Protocols_ActiveTopic"] = "[IsActive] = 1 AND [Topic] <> N'Other'",
    };

    public static void Apply(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The audit log's append-only trigger (AuditAppendOnly.cs in this project): EF then writes its INSERTs in the form
        // SQL Server accepts on a table with triggers.
        builder.Entity<Domain.Auditing.AuditEntry>().ToTable(t => t.HasTrigger(AuditAppendOnly.SqlServerTrigger));
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in IndexedText(entity).Where(p => p.GetMaxLength() is null))
            {
                property.SetMaxLength(IndexedTextLength);
            }

            // "text" is SQL Server's old large-text type, deprecated and not comparable; the JSON columns are
            // nvarchar(max) there.
            foreach (var property in entity.GetProperties().Where(p => p.GetColumnType() == "text"))
            {
                property.SetColumnType("nvarchar(max)");
            }

            // EF's own filters for unique indexes over nullable columns are already SQL Server's ("[X] IS NOT NULL").
            foreach (var index in entity.GetIndexes().Where(i => i.GetFilter()?.Contains('"', StringComparison.Ordinal) == true))
            {
                var name = index.GetDatabaseName() ?? string.Empty;
                index.SetFilter(Filters.TryGetValue(name, out var filter) ? filter
                    : throw new InvalidOperationException($"Index {name} has a filter without a SQL Server version in SqlServerModel.Filters."));
            }
        }
    }

    /// <summary>The text columns of an entity's indexes and keys (primary, alternate and foreign).</summary>
    private static IEnumerable<IMutableProperty> IndexedText(IMutableEntityType entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.GetIndexes().SelectMany(i => i.Properties)
            .Concat(entity.GetKeys().SelectMany(k => k.Properties))
            .Concat(entity.GetForeignKeys().SelectMany(f => f.Properties))
            .Where(p => p.ClrType == typeof(string))
            .Distinct();
    }
}
