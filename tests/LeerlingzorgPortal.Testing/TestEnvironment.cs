using Xunit;

namespace LeerlingzorgPortal.Testing;

/// <summary>
/// What the test run provides. A plain <c>dotnet test</c> skips what is missing with a reason; the
/// test script sets <c>PORTAL_TEST_REQUIRE_ALL=1</c>, and then a missing component fails instead.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    /// <summary>
    /// A connection string to a SQL Server (or Azure SQL) the tests may create and drop databases on (ADR 0033). No
    /// SQL Server can run on the build machines, so these are the only tests that skip under the test script.
    /// </summary>
    public const string SqlServerVariable = "PORTAL_TEST_SQLSERVER";

    /// <summary>The start of the reason every SQL Server test gives when it skips; tests/run-all.sh counts by it.</summary>
    public const string NoSqlServer = "No SQL Server";

    public static bool RequireAll => Environment.GetEnvironmentVariable("PORTAL_TEST_REQUIRE_ALL") == "1";

    /// <summary>A connection string to a PostgreSQL server the tests may create databases on.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
        ? value
        : null;

    public static string? SqlServer => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value
        ? value
        : null;

    public static void SkipOrFail(string reason)
    {
        if (RequireAll)
        {
            Assert.Fail($"{reason} (PORTAL_TEST_REQUIRE_ALL=1: the test script must provide this)");
        }

        Assert.Skip(reason);
    }
}
