using LeerlingzorgPortal.Testing;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>Session and throttling settings are checked when the portal starts.</summary>
public sealed class SecuritySettingsTests
{
    [Theory]
    [InlineData("Security:IdleTimeoutMinutes", "0", "Security:IdleTimeoutMinutes")]
    [InlineData("Security:AbsoluteTimeoutHours", "0", "Security:AbsoluteTimeoutHours")]
    [InlineData("Security:IdleTimeoutMinutes", "1000", "mag niet langer zijn")]
    [InlineData("Security:Throttling:PerAccountPerMinute", "0", "Security:Throttling")]
    public async Task A_setting_out_of_range_stops_the_portal_naming_it(string key, string value, string message)
    {
        await using var database = new SqliteTestDatabase();
        await using var factory = new PortalFactory(database, new FakeClock(), settings: new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
