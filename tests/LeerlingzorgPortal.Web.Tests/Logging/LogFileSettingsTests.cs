using LeerlingzorgPortal.Web.Infrastructure.Logging;
using Microsoft.Extensions.Configuration;

namespace LeerlingzorgPortal.Web.Tests.Logging;

/// <summary>"Logging:File" (README "Configuration"): the path made absolute, the format and the days kept.</summary>
public sealed class LogFileSettingsTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "portal");

    private static LogFileSettings Read(params (string Key, string Value)[] settings) =>
        LogFileSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Logging:File:{s.Key}", s.Value)))
            .Build(), ContentRoot);

    [Fact]
    public void Without_settings_the_log_is_text_under_the_content_root_kept_fourteen_days()
    {
        var settings = Read();

        Assert.Equal(Path.Combine(ContentRoot, "logs", "portal-.log"), settings.Path);
        Assert.False(settings.Json);
        Assert.Equal(14, settings.RetainedDays);
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_content_root_not_the_working_directory()
    {
        var settings = Read(("Path", Path.Combine("..", "var", "portal-.log")));

        Assert.True(Path.IsPathFullyQualified(settings.Path));
        Assert.Equal(Path.GetFullPath(Path.Combine(ContentRoot, "..", "var", "portal-.log")), settings.Path);
    }

    [Fact]
    public void An_absolute_path_is_kept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "portal-.log");

        Assert.Equal(absolute, Read(("Path", absolute)).Path);
    }

    [Theory]
    [InlineData("json", true)]
    [InlineData("JSON", true)]
    [InlineData("text", false)]
    public void The_format_is_text_or_json(string format, bool json) =>
        Assert.Equal(json, Read(("Format", format)).Json);

    [Theory]
    [InlineData("Format", "xml")]
    [InlineData("RetainedDays", "0")]
    public void A_wrong_setting_stops_the_portal_naming_it(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read((key, value)));

        Assert.Contains($"Logging:File:{key}", error.Message, StringComparison.Ordinal);
    }
}
