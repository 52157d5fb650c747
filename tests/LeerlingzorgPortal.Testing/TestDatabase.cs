using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace LeerlingzorgPortal.Testing;

/// <summary>A fresh, empty database for one test class; removed afterwards.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Null when the database can be had; otherwise why not.</summary>
    public abstract string? UnavailableReason { get; }

    /// <summary>Whether its tests skip when it is missing even under the test script (only SQL Server's, ADR 0033).</summary>
    public virtual bool MayBeMissing => false;

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lzp-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(_folder);
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => $"Data Source={Path.Combine(_folder, "portal.db")};Pooling=False";

    public override string? UnavailableReason => null;

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on shutdown is left for the OS to clean; it is in the temp folder.
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly string _database = $"lzp_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string ConnectionString
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = _database };
            return builder.ConnectionString;
        }
    }

    public override string? UnavailableReason => TestEnvironment.PostgresServer is null
        ? $"PostgreSQL is not configured: set {TestEnvironment.PostgresVariable} to a server connection string (tests/run-all.sh does this)"
        : null;

    public override async ValueTask DisposeAsync()
    {
        if (TestEnvironment.PostgresServer is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A fresh PostgreSQL database reached through a <see cref="TcpProxy"/>, with short timeouts, so a test can
/// take the database away and bring it back (see the database-outage tests).
/// </summary>
public sealed class ProxiedPostgreSqlTestDatabase : TestDatabase
{
    /// <summary>Seconds to connect and per command: short, so an unanswering database fails a request quickly.</summary>
    public const int TimeoutSeconds = 5;

    private readonly PostgreSqlTestDatabase _inner = new();
    private TcpProxy? _proxy;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>The proxy between the portal and the server; made when first needed.</summary>
    public TcpProxy Proxy
    {
        get
        {
            if (_proxy is null)
            {
                var server = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer);
                _proxy = new TcpProxy(server.Host ?? "127.0.0.1", server.Port);
            }

            return _proxy;
        }
    }

    public override string ConnectionString => new NpgsqlConnectionStringBuilder(_inner.ConnectionString)
    {
        Host = "127.0.0.1",
        Port = Proxy.Port,
        Timeout = TimeoutSeconds,
        CommandTimeout = TimeoutSeconds,
    }.ConnectionString;

    public override string? UnavailableReason => _inner.UnavailableReason;

    public override async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await _inner.DisposeAsync();
    }
}

/// <summary>
/// A fresh database on the SQL Server named by <see cref="TestEnvironment.SqlServerVariable"/>, for one test class: the
/// portal's migrations create it, and it is dropped afterwards. The login needs the right to create databases.
/// </summary>
public sealed class SqlServerTestDatabase : TestDatabase
{
    private readonly string _database = $"lzp_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string ConnectionString => new SqlConnectionStringBuilder(TestEnvironment.SqlServer) { InitialCatalog = _database }.ConnectionString;

    public override string? UnavailableReason => TestEnvironment.SqlServer is null
        ? $"{TestEnvironment.NoSqlServer}: set {TestEnvironment.SqlServerVariable} to a connection string of a server the tests may create databases on (README, 'SQL Server and Azure SQL')"
        : null;

    public override bool MayBeMissing => true;

    public override async ValueTask DisposeAsync()
    {
        if (TestEnvironment.SqlServer is null)
        {
            return;
        }

        SqlConnection.ClearAllPools();
        var builder = new SqlConnectionStringBuilder(TestEnvironment.SqlServer) { InitialCatalog = "master" };
        await using var connection = new SqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(
            $"IF DB_ID(N'{_database}') IS NOT NULL BEGIN ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}]; END",
            connection);
        await command.ExecuteNonQueryAsync();
    }
}

