using Microsoft.Data.SqlClient;
using Npgsql;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// What went wrong when the portal first spoke to its database, in the operator's words (Dutch, then English): the
/// server cannot be reached, refuses the login, has no such database, or the login lacks a permission. The message
/// never holds the connection string (it may hold a password).
/// </summary>
public static class StartupFailure
{
    public const string Unreachable = "De database is niet bereikbaar / The database cannot be reached";
    public const string LoginRefused = "De databaseserver weigert de aanmelding / The database server refused the login";
    public const string NoDatabase = "De database bestaat niet of de aanmelding heeft er geen toegang toe / The database does not exist or the login cannot open it";
    public const string MissingPermission = "De databasegebruiker mist een recht / The database user lacks a permission";
    public const string CommandRefused = "De database weigert een opdracht / The database refused a command";

    /// <summary>SQL Server's error numbers (sys.messages) for a refused login.</summary>
    private static readonly int[] SqlServerLoginRefused = [18456, 18452, 18470, 18487, 18488];

    /// <summary>A database the login may not open (4060) or whose user it has no mapping for (916).</summary>
    private static readonly int[] SqlServerNoDatabase = [4060, 916];

    /// <summary>Permission denied on an object, a column or a statement (CREATE TABLE and the like).</summary>
    private static readonly int[] SqlServerMissingPermission = [229, 230, 262, 297, 300, 1088, 15247];

    public static string Describe(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqlException sql:
                    return ForSqlServer(sql.Errors.Cast<SqlError>().Select(e => e.Number).ToList());
                case PostgresException postgres:
                    return ForPostgreSql(postgres.SqlState);
            }
        }

        return Unreachable;
    }

    /// <summary>By the error numbers of a <see cref="SqlException"/>.</summary>
    public static string ForSqlServer(IReadOnlyCollection<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return numbers.Any(SqlServerLoginRefused.Contains) ? LoginRefused
            : numbers.Any(SqlServerNoDatabase.Contains) ? NoDatabase
            : numbers.Any(SqlServerMissingPermission.Contains) ? MissingPermission
            : DatabaseOutage.IsSqlServerOutage(numbers) ? Unreachable
            : CommandRefused;
    }

    /// <summary>By SQLSTATE: 28xxx is a refused login, 3D000 an unknown database, 42501 a missing privilege.</summary>
    public static string ForPostgreSql(string sqlState)
    {
        ArgumentNullException.ThrowIfNull(sqlState);
        return sqlState switch
        {
            "3D000" => NoDatabase,
            "42501" => MissingPermission,
            _ when sqlState.StartsWith("28", StringComparison.Ordinal) => LoginRefused,
            _ when DatabaseOutage.IsPostgresOutage(sqlState) => Unreachable,
            _ => CommandRefused,
        };
    }
}
