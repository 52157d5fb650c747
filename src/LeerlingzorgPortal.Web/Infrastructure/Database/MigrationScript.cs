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
        using var db = OfflineContext.For(provider);
        // One line ending everywhere, so the kept script compares equal whatever machine made it.
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent)
            .ReplaceLineEndings("\n");
    }
}
