using System.Data.Common;
using System.Net.Sockets;
using LeerlingzorgPortal.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// Applies the migrations of the configured provider. A database that cannot be reached becomes one
/// <see cref="DatabaseConfigurationException"/> line instead of a stack trace.
/// </summary>
public static class DatabaseInitializer
{
    public static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Migrates the database when asked to (or when <c>Database:MigrateOnStart</c> is on, the default);
    /// otherwise refuses to start on a database with migrations still to apply.
    /// </summary>
    /// <returns>The number of migrations applied.</returns>
    public static async Task<int> PrepareAsync(IServiceProvider services, bool migrate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Resolving the settings checks them: a wrong provider or connection string stops here.
        var settings = services.GetRequiredService<DatabaseSettings>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead log (ADR 0025): readers and the one writer no longer block each other, and a commit is one
                // append to the log. The setting is kept in the database file; durability stays at synchronous=FULL.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            // One read of the history answers both questions: made by another version, and what is still to apply.
            var known = db.Database.GetMigrations().ToList();
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            RefuseUnknownHistory(applied.Except(known, StringComparer.Ordinal).ToList());
            var pending = known.Count(m => !applied.Contains(m));
            if (pending == 0)
            {
                return 0;
            }

            if (!migrate && !settings.MigrateOnStart)
            {
                throw new DatabaseConfigurationException(
                    $"de database mist {pending} migratie(s) en {DatabaseSettings.MigrateOnStartKey} staat uit; voer eerst het commando 'migrate' uit of pas het script toe / "
                    + $"the database lacks {pending} migration(s) and {DatabaseSettings.MigrateOnStartKey} is off; run the 'migrate' command or apply the script first.");
            }

            // A migration may rebuild an index over a whole board's data: longer than the command timeout
            // that bounds a page's queries (DatabaseSettings.DefaultCommandTimeoutSeconds).
            db.Database.SetCommandTimeout(MigrationCommandTimeout);
            await db.Database.MigrateAsync(cancellationToken);
            return pending;
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException
                                      or InvalidOperationException { InnerException: DbException or SocketException })
        {
            throw new DatabaseConfigurationException(
                $"{StartupFailure.Describe(e)} ({settings.Provider}, {Describe(settings)}, instelling/setting {DatabaseSettings.ConnectionStringKey}): {FirstLine(e)}",
                e);
        }
    }

    /// <summary>
    /// A database whose history names migrations this version does not have was made by another version of the
    /// portal: a newer one, or one from before the histories were squashed (ADR 0043). Migrating it would fail halfway
    /// on tables that already exist; say so before touching it.
    /// </summary>
    private static void RefuseUnknownHistory(List<string> unknown)
    {
        if (unknown.Count > 0)
        {
            throw new DatabaseConfigurationException(
                $"de database is gemaakt door een andere versie van het portaal ({unknown.Count} onbekende migratie(s), bijv. {unknown[0]}); gebruik die versie, of begin met een lege database (demo: verwijder App_Data/portal.db) / "
                + $"the database was made by another version of the portal ({unknown.Count} unknown migration(s), e.g. {unknown[0]}); use that version or start from an empty database (demo: delete App_Data/portal.db).");
        }
    }

    private static string Describe(DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                return $"bestand {new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource}";
            case DatabaseProvider.SqlServer:
                var sql = new SqlConnectionStringBuilder(settings.ConnectionString);
                return $"server {sql.DataSource}, database {sql.InitialCatalog}";
            default:
                var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
                return $"server {builder.Host}:{builder.Port}, database {builder.Database}";
        }
    }

    private static string FirstLine(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is not DbException)
        {
            inner = inner.InnerException;
        }

        return inner.Message.Split('\n', 2)[0].Trim();
    }
}
