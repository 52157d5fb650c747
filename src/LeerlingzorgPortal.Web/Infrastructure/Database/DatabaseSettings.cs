using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
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
    public const string HealthCheckTimeoutKey = "Database:HealthCheckTimeoutSeconds";

    /// <summary>
    /// Seconds to wait for a PostgreSQL connection (Npgsql's <c>Timeout</c>, default 15) when the connection
    /// string does not say: a database that is away turns into a Dutch 503 page quickly (ADR 0023).
    /// </summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    /// <summary>
    /// Seconds a single command may run (Npgsql's <c>Command Timeout</c>, default 30; SQLite's
    /// <c>Default Timeout</c>, its busy timeout, default 30) when the connection string does not say: the
    /// bound on a runaway report and on a server that accepts but does not answer. Migrations get longer.
    /// </summary>
    public const int DefaultCommandTimeoutSeconds = 10;

    /// <summary>Seconds the readiness check waits for the database before it reports unhealthy.</summary>
    public const int DefaultHealthCheckTimeoutSeconds = 3;

    /// <summary>How long <c>/health/ready</c> waits for the database (<c>Database:HealthCheckTimeoutSeconds</c>).</summary>
    public TimeSpan HealthCheckTimeout { get; init; } = TimeSpan.FromSeconds(DefaultHealthCheckTimeoutSeconds);

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!TryParseProvider(providerText, out provider))
        {
            throw new DatabaseConfigurationException(
                $"{ProviderKey} = '{providerText}' wordt niet ondersteund; kies Sqlite, PostgreSql of SqlServer / is not supported; choose Sqlite, PostgreSql or SqlServer.");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new DatabaseConfigurationException(
                    $"{ConnectionStringKey} ontbreekt; PostgreSql heeft een verbindingsreeks nodig / is missing; PostgreSql needs a connection string (Host=...;Database=...;Username=...).");
            }

            if (provider == DatabaseProvider.SqlServer)
            {
                throw new DatabaseConfigurationException(
                    $"{ConnectionStringKey} ontbreekt; SqlServer heeft een verbindingsreeks nodig / is missing; SqlServer needs a connection string (Server=...;Database=...;User ID=...;Password=...).");
            }

            var dataFolder = Path.Combine(contentRoot, "App_Data");
            connectionString = $"Data Source={Path.Combine(dataFolder, "portal.db")}";
        }

        var migrateOnStart = !bool.TryParse(configuration[MigrateOnStartKey], out var migrate) || migrate;
        var healthTimeout = DefaultHealthCheckTimeoutSeconds;
        if (configuration[HealthCheckTimeoutKey] is { } healthText
            && (!int.TryParse(healthText, NumberStyles.None, CultureInfo.InvariantCulture, out healthTimeout) || healthTimeout is < 1 or > 60))
        {
            throw new DatabaseConfigurationException($"{HealthCheckTimeoutKey} = '{healthText}' moet een aantal seconden tussen 1 en 60 zijn / must be a number of seconds from 1 to 60.");
        }

        return new DatabaseSettings(provider, Validate(provider, connectionString), migrateOnStart)
        {
            HealthCheckTimeout = TimeSpan.FromSeconds(healthTimeout),
        };
    }

    /// <summary>A provider's name as an operator writes it (any case, spaces around it allowed).</summary>
    public static bool TryParseProvider(string text, out DatabaseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.TryParse(text.Trim(), ignoreCase: true, out provider) && Enum.IsDefined(provider);
    }

    private static string Validate(DatabaseProvider provider, string connectionString)
    {
        try
        {
            var given = GivenKeywords(connectionString);
            return provider switch
            {
                DatabaseProvider.Sqlite => Sqlite(connectionString, given),
                DatabaseProvider.SqlServer => SqlServer(connectionString, given),
                _ => PostgreSql(connectionString, given),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DatabaseConfigurationException(
                $"{ConnectionStringKey} is geen geldige verbindingsreeks voor {provider} / is not a valid {provider} connection string: {e.Message}", e);
        }
    }

    private static string Sqlite(string connectionString, HashSet<string> given)
    {
        var sqlite = new SqliteConnectionStringBuilder(connectionString);
        PrepareSqliteFolder(sqlite);
        if (!given.Overlaps(["defaulttimeout", "commandtimeout"]))
        {
            sqlite.DefaultTimeout = DefaultCommandTimeoutSeconds;
        }

        return sqlite.ConnectionString;
    }

    private static string PostgreSql(string connectionString, HashSet<string> given)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(npgsql.Host))
        {
            throw new DatabaseConfigurationException(
                $"{ConnectionStringKey} noemt geen Host; PostgreSql heeft een server nodig / names no Host; PostgreSql needs a server (Host=...).");
        }

        if (!given.Contains("timeout"))
        {
            npgsql.Timeout = DefaultConnectTimeoutSeconds;
        }

        if (!given.Contains("commandtimeout"))
        {
            npgsql.CommandTimeout = DefaultCommandTimeoutSeconds;
        }

        return npgsql.ConnectionString;
    }

    /// <summary>SQL Server and Azure SQL (ADR 0033): the same short waits as PostgreSQL unless the operator says otherwise.</summary>
    private static string SqlServer(string connectionString, HashSet<string> given)
    {
        var sql = new SqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(sql.DataSource))
        {
            throw new DatabaseConfigurationException(
                $"{ConnectionStringKey} noemt geen Server; SqlServer heeft een server nodig / names no Server; SqlServer needs a server (Server=...).");
        }

        if (!given.Overlaps(["connecttimeout", "connectiontimeout", "timeout"]))
        {
            sql.ConnectTimeout = DefaultConnectTimeoutSeconds;
        }

        if (!given.Contains("commandtimeout"))
        {
            sql.CommandTimeout = DefaultCommandTimeoutSeconds;
        }

        return sql.ConnectionString;
    }

    /// <summary>The keywords the operator wrote, lower case without spaces ("Command Timeout" is "commandtimeout").</summary>
    private static HashSet<string> GivenKeywords(string connectionString)
    {
        var plain = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return plain.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
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
                $"{ConnectionStringKey}: de map '{folder}' voor het SQLite-bestand kan niet worden gemaakt / the folder for the SQLite file cannot be made ({e.Message}).", e);
        }
    }
}
