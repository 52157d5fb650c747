using LeerlingzorgPortal.Web.Infrastructure.Database;

namespace LeerlingzorgPortal.Web.Tests.SqlServer;

/// <summary>What the operator reads when the first contact with the database fails, by the server's error numbers.</summary>
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData(18456, StartupFailure.LoginRefused)]
    [InlineData(18470, StartupFailure.LoginRefused)]
    [InlineData(4060, StartupFailure.NoDatabase)]
    [InlineData(916, StartupFailure.NoDatabase)]
    [InlineData(262, StartupFailure.MissingPermission)]
    [InlineData(229, StartupFailure.MissingPermission)]
    [InlineData(53, StartupFailure.Unreachable)]
    [InlineData(-2, StartupFailure.Unreachable)]
    [InlineData(2627, StartupFailure.CommandRefused)]
    public void A_SQL_Server_error_number_gives_the_operator_its_own_message(int number, string expected) =>
        Assert.Equal(expected, StartupFailure.ForSqlServer([number]));

    [Theory]
    [InlineData("28P01", StartupFailure.LoginRefused)]
    [InlineData("28000", StartupFailure.LoginRefused)]
    [InlineData("3D000", StartupFailure.NoDatabase)]
    [InlineData("42501", StartupFailure.MissingPermission)]
    [InlineData("57P03", StartupFailure.Unreachable)]
    [InlineData("23505", StartupFailure.CommandRefused)]
    public void A_PostgreSQL_error_state_gives_the_operator_its_own_message(string state, string expected) =>
        Assert.Equal(expected, StartupFailure.ForPostgreSql(state));

    [Fact]
    public void Every_message_is_in_Dutch_and_in_English() =>
        Assert.All(new[] { StartupFailure.Unreachable, StartupFailure.LoginRefused, StartupFailure.NoDatabase, StartupFailure.MissingPermission,
            StartupFailure.CommandRefused }, m => Assert.Contains(" / The ", m, StringComparison.Ordinal));
}
