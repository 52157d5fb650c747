using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace LeerlingzorgPortal.Web.Tests.Faults;

/// <summary>The portal bounds its waits on the database unless the operator chose other bounds (ADR 0023).</summary>
public sealed class DatabaseTimeoutSettingsTests
{
    [Fact]
    public void A_PostgreSQL_connection_string_without_timeouts_gets_the_portals_short_ones()
    {
        var settings = Settings("PostgreSql", "Host=db.school.example;Database=portal;Username=portal");

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(DatabaseSettings.DefaultConnectTimeoutSeconds, builder.Timeout);
        Assert.Equal(DatabaseSettings.DefaultCommandTimeoutSeconds, builder.CommandTimeout);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseSettings.DefaultHealthCheckTimeoutSeconds), settings.HealthCheckTimeout);
    }

    [Fact]
    public void Timeouts_the_operator_wrote_are_kept_in_any_spelling()
    {
        var settings = Settings("PostgreSql", "Host=db;Database=portal;Username=portal;timeout=30;CommandTimeout=120",
            ("Database:HealthCheckTimeoutSeconds", "7"));

        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        Assert.Equal(30, builder.Timeout);
        Assert.Equal(120, builder.CommandTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.HealthCheckTimeout);
    }

    [Fact]
    public void A_SQLite_connection_string_gets_a_bounded_busy_timeout_unless_it_has_one()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lzp-settings", Guid.NewGuid().ToString("N"));
        var plain = Settings("Sqlite", $"Data Source={Path.Combine(folder, "a.db")}");
        var own = Settings("Sqlite", $"Data Source={Path.Combine(folder, "a.db")};Default Timeout=45");

        Assert.Equal(DatabaseSettings.DefaultCommandTimeoutSeconds, new SqliteConnectionStringBuilder(plain.ConnectionString).DefaultTimeout);
        Assert.Equal(45, new SqliteConnectionStringBuilder(own.ConnectionString).DefaultTimeout);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_SQL_Server_connection_string_gets_the_same_short_timeouts_unless_it_has_its_own()
    {
        var plain = Settings("SqlServer", "Server=sql01.school.example;Database=portal;User ID=portal;Password=x");
        var own = Settings("SqlServer", "Server=sql01;Database=portal;Integrated Security=true;Connection Timeout=30;Command Timeout=120");

        Assert.Equal(DatabaseSettings.DefaultConnectTimeoutSeconds, new SqlConnectionStringBuilder(plain.ConnectionString).ConnectTimeout);
        Assert.Equal(DatabaseSettings.DefaultCommandTimeoutSeconds, new SqlConnectionStringBuilder(plain.ConnectionString).CommandTimeout);
        Assert.Equal(30, new SqlConnectionStringBuilder(own.ConnectionString).ConnectTimeout);
        Assert.Equal(120, new SqlConnectionStringBuilder(own.ConnectionString).CommandTimeout);
    }

    [Fact]
    public void SQL_Server_without_a_connection_string_stops_start_up_with_a_Dutch_line_naming_the_setting()
    {
        var e = Assert.Throws<DatabaseConfigurationException>(() => Settings("SqlServer", ""));
        Assert.Contains("ConnectionStrings:Portal", e.Message, StringComparison.Ordinal);
        Assert.Contains("Server=", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("veel")]
    public void A_wrong_readiness_timeout_stops_start_up_with_a_Dutch_line(string value)
    {
        var e = Assert.Throws<DatabaseConfigurationException>(() =>
            Settings("PostgreSql", "Host=db;Database=portal", ("Database:HealthCheckTimeoutSeconds", value)));
        Assert.Contains("Database:HealthCheckTimeoutSeconds", e.Message, StringComparison.Ordinal);
    }

    private static DatabaseSettings Settings(string provider, string connectionString, params (string Key, string Value)[] more)
    {
        var values = new Dictionary<string, string?> { ["Database:Provider"] = provider, ["ConnectionStrings:Portal"] = connectionString };
        foreach (var (key, value) in more)
        {
            values[key] = value;
        }

        return DatabaseSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath());
    }
}
