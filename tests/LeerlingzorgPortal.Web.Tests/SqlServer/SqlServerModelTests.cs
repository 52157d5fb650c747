using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LeerlingzorgPortal.Web.Tests.SqlServer;

/// <summary>
/// The SQL Server model and its migrations, checked without a server (ADR 0033): what SQL Server would refuse
/// when the migrations run, found in the model instead.
/// </summary>
public sealed class SqlServerModelTests
{
    /// <summary>SQL Server's limit on the key of a nonclustered index, in bytes.</summary>
    private const int IndexKeyLimit = 1700;

    private static IModel Model
    {
        get
        {
            using var db = OfflineContext.For(DatabaseProvider.SqlServer);
            return db.GetService<IDesignTimeModel>().Model;
        }
    }

    [Fact]
    public void The_SQL_Server_model_has_no_changes_without_a_migration()
    {
        using var db = OfflineContext.For(DatabaseProvider.SqlServer);

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a SQL Server migration: run dotnet ef migrations add for all three providers (README, 'Migrations').");
    }

    [Fact]
    public void The_idempotent_script_in_docs_sql_is_the_one_the_migrations_make()
    {
        // CI makes the script here and fails when the kept one differs: a DBA who applies docs/sql gets exactly the
        // migrations the portal would apply itself. PORTAL_WRITE_SQL_SCRIPT=1 writes it after a new migration.
        var made = MigrationScript.Generate(DatabaseProvider.SqlServer);
        var path = Path.Combine(RepositoryFiles.Root(), MigrationScript.SqlServerPath);
        if (Environment.GetEnvironmentVariable("PORTAL_WRITE_SQL_SCRIPT") == "1")
        {
            File.WriteAllText(path, made);
        }

        Assert.True(File.Exists(path), $"{MigrationScript.SqlServerPath} is missing: run the tests once with PORTAL_WRITE_SQL_SCRIPT=1.");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == made,
            $"{MigrationScript.SqlServerPath} is not what the migrations make: run the tests once with PORTAL_WRITE_SQL_SCRIPT=1 and commit it.");
        Assert.Contains("CREATE TRIGGER [AuditEntries_no_update_or_delete]", made, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", made, StringComparison.Ordinal);
        Assert.DoesNotContain(" text NULL", made, StringComparison.Ordinal);
        Assert.DoesNotContain(" text NOT NULL", made, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_indexed_text_column_has_a_length_and_every_index_key_fits_in_1700_bytes()
    {
        var problems = new List<string>();
        foreach (var entity in Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            foreach (var index in entity.GetIndexes().Cast<object>().Concat(entity.GetKeys()).Concat(entity.GetForeignKeys()))
            {
                var columns = index switch
                {
                    IReadOnlyIndex i => i.Properties,
                    IReadOnlyKey k => k.Properties,
                    IReadOnlyForeignKey f => f.Properties,
                    _ => [],
                };
                var unbounded = columns.Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null).Select(p => p.Name).ToList();
                if (unbounded.Count > 0)
                {
                    problems.Add($"{table}: {string.Join(", ", unbounded)} has no length");
                }

                var bytes = columns.Sum(KeyBytes);
                if (bytes > IndexKeyLimit)
                {
                    problems.Add($"{table} ({string.Join(", ", columns.Select(p => p.Name))}): {bytes} bytes");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    [Fact]
    public void No_table_can_be_reached_by_two_cascading_delete_paths_or_a_cascading_cycle()
    {
        // SQL Server refuses a foreign key with ON DELETE CASCADE or SET NULL when it opens a second path from one
        // table to another, or a cycle (error 1785); SQLite and PostgreSQL allow both.
        var cascading = Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(f => f.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull && !f.IsOwnership)
            .Where(f => f.DeclaringEntityType.GetTableName() is not null && f.PrincipalEntityType.GetTableName() is not null)
            .Select(f => (From: f.PrincipalEntityType.GetTableName()!, To: f.DeclaringEntityType.GetTableName()!,
                Name: $"{f.DeclaringEntityType.GetTableName()}.{string.Join(",", f.Properties.Select(p => p.Name))}"))
            .ToList();
        var problems = new List<string>();
        foreach (var start in cascading.Select(c => c.From).Distinct())
        {
            var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Walk(start, start, [], paths, cascading, problems);
            problems.AddRange(paths.Where(p => p.Value.Count > 1)
                .Select(p => $"{start} → {p.Key} by {p.Value.Count} paths: {string.Join(" | ", p.Value)}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    [Fact]
    public void Days_are_date_moments_are_datetimeoffset_and_the_versions_are_concurrency_tokens()
    {
        var properties = Model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList();

        Assert.All(properties.Where(p => Underlying(p.ClrType) == typeof(DateOnly)), p => Assert.Equal("date", p.GetColumnType()));
        Assert.All(properties.Where(p => Underlying(p.ClrType) == typeof(DateTimeOffset)), p => Assert.Equal("datetimeoffset", p.GetColumnType()));
        var versions = properties.Where(p => p.Name is "Version" or "ConcurrencyToken" or "ConcurrencyStamp").ToList();
        Assert.NotEmpty(versions);
        Assert.All(versions, p => Assert.True(p.IsConcurrencyToken, $"{p.DeclaringType.Name}.{p.Name} is no concurrency token"));
    }

    [Fact]
    public void The_data_protection_keys_and_the_audit_log_have_their_tables()
    {
        Assert.NotNull(Model.FindEntityType(typeof(DataProtectionKey))?.GetTableName());
        Assert.Equal("AuditEntries", Model.FindEntityType(typeof(AuditEntry))?.GetTableName());
    }

    private static void Walk(string start, string table, List<string> via, Dictionary<string, List<string>> paths,
        List<(string From, string To, string Name)> cascading, List<string> problems)
    {
        foreach (var edge in cascading.Where(c => c.From == table))
        {
            var path = via.Append(edge.Name).ToList();
            if (edge.To == start || via.Contains(edge.Name))
            {
                problems.Add($"cycle from {start}: {string.Join(" → ", path)}");
                continue;
            }

            if (!paths.TryGetValue(edge.To, out var found))
            {
                paths[edge.To] = found = [];
            }

            found.Add(string.Join(" → ", path));
            if (path.Count < 12)
            {
                Walk(start, edge.To, path, paths, cascading, problems);
            }
        }
    }

    private static int KeyBytes(IReadOnlyProperty property)
    {
        var type = Underlying(property.ClrType);
        return type == typeof(string) ? 2 * (property.GetMaxLength() ?? 4000)
            : type == typeof(Guid) ? 16
            : type == typeof(DateTimeOffset) ? 10
            : type == typeof(long) || type == typeof(DateTime) ? 8
            : 4;
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
