using LeerlingzorgPortal.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// What the portal does with the key ring's certificate settings (ADR 0042): none is a warning at every start outside
/// Development, a certificate that cannot be read stops the start naming the setting. The database does not matter here.
/// </summary>
public sealed class KeyRingSettingsTests
{
    [Fact]
    public async Task Without_a_certificate_every_start_outside_Development_warns_that_the_key_ring_is_stored_readable()
    {
        var production = new ListLogger();
        var development = new ListLogger();

        await new KeyRingWarning(new KeyRingProtection(null), Environment(Environments.Production), production).StartAsync(TestContext.Current.CancellationToken);
        await new KeyRingWarning(new KeyRingProtection(null), Environment(Environments.Development), development).StartAsync(TestContext.Current.CancellationToken);

        var warning = Assert.Single(production.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains("unencrypted", warning.Message, StringComparison.Ordinal);
        Assert.Contains(KeyRing.PathSetting, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(development.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task With_a_certificate_the_start_names_it_and_does_not_warn()
    {
        var logger = new ListLogger();

        await new KeyRingWarning(new KeyRingProtection("AB12"), Environment(Environments.Production), logger).StartAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(logger.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains(logger.Lines, l => l.Message.Contains("AB12", StringComparison.Ordinal));
    }

    [Fact]
    public void No_certificate_settings_mean_no_certificate()
    {
        Assert.Null(KeyRing.Certificate(Settings([])));
    }

    [Fact]
    public void A_certificate_file_that_cannot_be_read_or_a_thumbprint_that_is_not_found_stops_the_start_naming_the_setting()
    {
        var file = Assert.Throws<InvalidOperationException>(() => KeyRing.Certificate(Settings(new()
        {
            [KeyRing.PathSetting] = Path.Combine(Path.GetTempPath(), $"lzp-missing-{Guid.NewGuid():N}.pfx"),
        })));
        var thumbprint = Assert.Throws<InvalidOperationException>(() => KeyRing.Certificate(Settings(new()
        {
            [KeyRing.ThumbprintSetting] = "0000000000000000000000000000000000000000",
        })));

        Assert.Contains(KeyRing.PathSetting, file.Message, StringComparison.Ordinal);
        Assert.Contains(KeyRing.ThumbprintSetting, thumbprint.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };

    private sealed class ListLogger : ILogger<KeyRingWarning>
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
