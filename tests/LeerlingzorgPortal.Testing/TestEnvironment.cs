using Xunit;

namespace LeerlingzorgPortal.Testing;

/// <summary>
/// What the test run provides. A plain <c>dotnet test</c> skips what is missing with a reason; the
/// test script sets <c>PORTAL_TEST_REQUIRE_ALL=1</c>, and then a missing component fails instead.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    public static bool RequireAll => Environment.GetEnvironmentVariable("PORTAL_TEST_REQUIRE_ALL") == "1";

    /// <summary>A connection string to a PostgreSQL server the tests may create databases on.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
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
