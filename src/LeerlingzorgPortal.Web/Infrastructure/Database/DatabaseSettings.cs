using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// The database settings, read from <c>Database:Provider</c> and <c>ConnectionStrings:Portal</c> and
/// checked before anything connects.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStart = true)
{
    public const string MigrateOnStartKey = "Database:MigrateOnStart";
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Portal";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new DatabaseConfigurationException(
                $"{ProviderKey} = '{providerText}' wordt niet ondersteund; kies Sqlite of PostgreSql.");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new DatabaseConfigurationException(
                    $"{ConnectionStringKey} ontbreekt; PostgreSql heeft een verbindingsreeks nodig (Host=...;Database=...;Username=...).");
            }

            var dataFolder = Path.Combine(contentRoot, "App_Data");
            connectionString = $"Data Source={Path.Combine(dataFolder, "portal.db")}";
        }

        var migrateOnStart = !bool.TryParse(configuration[MigrateOnStartKey], out var migrate) || migrate;
        return new DatabaseSettings(provider, Validate(provider, connectionString), migrateOnStart);
    }

    private static string Validate(DatabaseProvider provider, string connectionString)
    {
        try
        {
            DbConnectionStringBuilder builder = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(connectionString)
                : new NpgsqlConnectionStringBuilder(connectionString);
            if (provider == DatabaseProvider.Sqlite)
            {
                PrepareSqliteFolder((SqliteConnectionStringBuilder)builder);
            }
            else if (string.IsNullOrWhiteSpace(((NpgsqlConnectionStringBuilder)builder).Host))
            {
                throw new DatabaseConfigurationException(
                    $"{ConnectionStringKey} noemt geen Host; PostgreSql heeft een server nodig (Host=...).");
            }

            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new DatabaseConfigurationException(
                $"{ConnectionStringKey} is geen geldige verbindingsreeks voor {provider}: {e.Message}", e);
        }
    }

    private static void PrepareSqliteFolder(SqliteConnectionStringBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (folder is null)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseConfigurationException(
                $"{ConnectionStringKey}: de map '{folder}' voor het SQLite-bestand kan niet worden gemaakt ({e.Message}).", e);
        }
    }
}
