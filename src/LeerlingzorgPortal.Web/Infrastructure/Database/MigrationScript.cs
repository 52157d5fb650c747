using LeerlingzorgPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// The idempotent migration script of a provider (every migration, each applied only when the database's
/// <c>__EFMigrationsHistory</c> lacks it), for a database administrator who applies it instead of letting the portal
/// migrate on start. Made from the migrations in the assembly, without a connection.
/// </summary>
public static class MigrationScript
{
    /// <summary>Where the SQL Server script is kept in the repository (ADR 0033); a test keeps it in step.</summary>
    public const string SqlServerPath = "docs/sql/sqlserver-migrations.sql";

    public static string Generate(DatabaseProvider provider)
    {
        using PortalDbContext db = provider switch
        {
            DatabaseProvider.SqlServer => new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
                .UseSqlServer("Server=unused;Database=portal").Options),
            DatabaseProvider.PostgreSql => new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>()
                .UseNpgsql("Host=unused;Database=portal").Options),
            _ => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite("Data Source=unused.db").Options),
        };
        // One line ending everywhere, so the kept script compares equal whatever machine made it.
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent)
            .ReplaceLineEndings("\n");
    }
}
