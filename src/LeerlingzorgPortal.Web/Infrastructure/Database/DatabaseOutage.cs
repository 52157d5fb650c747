using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// Recognises "the database cannot be reached or did not answer in time" among exceptions, as opposed to
/// errors in what was asked (a constraint, a bad query), which stay ordinary errors. EF Core and ASP.NET
/// Core wrap the driver's exception (DbUpdateException, the execution strategy's InvalidOperationException,
/// AggregateException), so the whole chain of inner exceptions is searched.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>
    /// PostgreSQL error codes that mean the server is going away, not ready or full, rather than that the
    /// statement is wrong: class 08 (connection exception), 57P01-57P03 (shut down by an administrator,
    /// crashed, cannot connect now: starting up or shutting down), 53300 (too many connections) and
    /// 57014 (the statement was cancelled, which is what a command timeout does).
    /// </summary>
    private static readonly string[] PostgresOutageStates = ["57P01", "57P02", "57P03", "53300", "57014"];

    /// <summary>SQLite result codes for a database that is busy or locked by another writer, or cannot be opened or read.</summary>
    private static readonly int[] SqliteOutageCodes =
    [
        5,  // SQLITE_BUSY
        6,  // SQLITE_LOCKED
        10, // SQLITE_IOERR
        14, // SQLITE_CANTOPEN
    ];

    /// <summary>
    /// SQL Server error numbers that mean the server is away, busy or slow rather than that the statement is wrong:
    /// -2 a command timeout; 0, 2, 26, 35, 40, 53, 258 and 10053-11001 a server that cannot be found, refuses or drops
    /// the connection; 233 and 10928/10929/40197/40501/40613 (Azure SQL) a server that is closing, busy or moving.
    /// </summary>
    private static readonly int[] SqlServerOutageNumbers =
        [-2, 0, 2, 26, 35, 40, 53, 233, 258, 10053, 10054, 10060, 10061, 11001, 10928, 10929, 40197, 40501, 40613];

    /// <summary>What kind of outage an exception shows, or <see cref="DatabaseOutageKind.None"/> when it is another error.</summary>
    public static DatabaseOutageKind Classify(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsPostgresOutage(postgres.SqlState) ? Kind(postgres) : DatabaseOutageKind.None;
                case NpgsqlOperationInProgressException:
                    // Two commands at once on one connection: a bug in the code, not an outage.
                    return DatabaseOutageKind.None;
                case NpgsqlException npgsql:
                    // Npgsql's own exceptions (not the server's): the connection could not be made, broke,
                    // or timed out (connecting, waiting for a pooled connection, or running a command).
                    return Kind(npgsql);
                case SqlException sql:
                    var numbers = sql.Errors.Cast<SqlError>().Select(e => e.Number).ToList();
                    return numbers.Contains(-2) ? DatabaseOutageKind.TimedOut
                        : IsSqlServerOutage(numbers) ? DatabaseOutageKind.Unreachable
                        : DatabaseOutageKind.None;
                case SqliteException sqlite:
                    return SqliteOutageCodes.Contains(sqlite.SqliteErrorCode) ? DatabaseOutageKind.Busy : DatabaseOutageKind.None;
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Classify).FirstOrDefault(k => k != DatabaseOutageKind.None);
            }
        }

        return DatabaseOutageKind.None;
    }

    /// <summary>Whether a PostgreSQL SQLSTATE means the server is away, busy or slow (see <see cref="PostgresOutageStates"/>).</summary>
    public static bool IsPostgresOutage(string sqlState)
    {
        ArgumentNullException.ThrowIfNull(sqlState);
        return sqlState.StartsWith("08", StringComparison.Ordinal) || PostgresOutageStates.Contains(sqlState);
    }

    /// <summary>Whether the error numbers of a SQL Server exception mean the server is away, busy or slow (none: the connection failed).</summary>
    public static bool IsSqlServerOutage(IReadOnlyCollection<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return numbers.Count == 0 || numbers.Any(SqlServerOutageNumbers.Contains);
    }

    /// <summary>True when the exception means the database is away (or busy), see <see cref="Classify"/>.</summary>
    public static bool IsOutage(Exception? exception) => Classify(exception) != DatabaseOutageKind.None;

    private static DatabaseOutageKind Kind(NpgsqlException exception)
    {
        if (exception is PostgresException { SqlState: "57014" })
        {
            return DatabaseOutageKind.TimedOut;
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutException)
            {
                return DatabaseOutageKind.TimedOut;
            }
        }

        return DatabaseOutageKind.Unreachable;
    }
}

public enum DatabaseOutageKind
{
    /// <summary>Not an outage: an ordinary error.</summary>
    None,

    /// <summary>The server refused or broke the connection, or is shutting down or starting up.</summary>
    Unreachable,

    /// <summary>Connecting or a command took longer than the configured timeout (a server that does not answer, or a runaway query).</summary>
    TimedOut,

    /// <summary>SQLite: the file is locked by another writer (longer than the busy timeout) or cannot be opened.</summary>
    Busy,
}
