using System.Diagnostics;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Infrastructure.Database;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>
/// The portal as an operator starts it: a real process, so exit codes and what it prints are what
/// an operator would see.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "lzp-startup", Guid.NewGuid().ToString("N"));

    public StartupTests()
    {
        Directory.CreateDirectory(_workFolder);
    }

    [Fact]
    public async Task An_unknown_provider_stops_start_up_with_one_line_naming_the_setting()
    {
        var run = await RunPortalAsync([], ("Database__Provider", "Oracle"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("Database:Provider", line, StringComparison.Ordinal);
        Assert.Contains("Oracle", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_stops_start_up_with_one_line()
    {
        var run = await RunPortalAsync([], ("Database__Provider", "PostgreSql"), ("ConnectionStrings__Portal", "Hots=x;;Onzin"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("ConnectionStrings:Portal", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_stops_start_up_with_one_line_and_no_stack_trace()
    {
        var run = await RunPortalAsync([], ("Database__Provider", "PostgreSql"),
            ("ConnectionStrings__Portal", "Host=127.0.0.1;Port=1;Database=portal;Username=portal;Password=geheim;Timeout=3"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("niet bereikbaar", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("geheim", line, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_malformed_SQL_Server_connection_string_stops_start_up_with_one_line_naming_the_setting()
    {
        var run = await RunPortalAsync([], ("Database__Provider", "SqlServer"), ("ConnectionStrings__Portal", "Sevrer=x;;Onzin"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("ConnectionStrings:Portal", line, StringComparison.Ordinal);
        Assert.Contains("SqlServer", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_SQL_Server_connection_string_without_a_server_stops_start_up_with_one_line()
    {
        var run = await RunPortalAsync([], ("Database__Provider", "SqlServer"), ("ConnectionStrings__Portal", "Database=portal;User ID=portal;Password=geheim"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("noemt geen Server", line, StringComparison.Ordinal);
        Assert.DoesNotContain("geheim", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_SQL_Server_stops_start_up_with_one_Dutch_and_English_line_and_no_stack_trace()
    {
        var run = await RunPortalAsync([], ("Database__Provider", "SqlServer"),
            ("ConnectionStrings__Portal", "Server=127.0.0.1,1;Database=portal;User ID=portal;Password=geheim;Connect Timeout=3;Encrypt=false"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(StartupFailure.Unreachable, line, StringComparison.Ordinal);
        Assert.Contains("server 127.0.0.1,1, database portal", line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Portal", line, StringComparison.Ordinal);
        Assert.DoesNotContain("geheim", line, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_login_is_named_as_such_not_as_an_unreachable_server()
    {
        if (TestEnvironment.PostgresServer is not { } server)
        {
            TestEnvironment.SkipOrFail($"PostgreSQL is not configured: set {TestEnvironment.PostgresVariable}");
            return;
        }

        // The test server trusts every password, so the login is refused for a role that does not exist (28000).
        var unknown = new Npgsql.NpgsqlConnectionStringBuilder(server) { Username = "lzp_onbekend", Database = "portal" }.ConnectionString;
        var run = await RunPortalAsync([], ("Database__Provider", "PostgreSql"), ("ConnectionStrings__Portal", unknown));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains(StartupFailure.LoginRefused, line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Portal", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_command_writes_the_idempotent_SQL_Server_script_without_a_database()
    {
        var run = await RunPortalAsync(["script", "--provider", "SqlServer"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.ErrorLines);
        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", run.Output);
        Assert.Contains(run.Output, l => l.Contains("CREATE TABLE [Pupils]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_migrate_command_creates_the_SQLite_database_and_exits()
    {
        var database = Path.Combine(_workFolder, "data", "portal.db");

        var run = await RunPortalAsync(["migrate"], ("ConnectionStrings__Portal", $"Data Source={database}"));

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(database));
        Assert.Contains(run.Output, l => l.Contains("bijgewerkt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_migrate_command_leaves_the_SQLite_database_in_write_ahead_log_mode()
    {
        var database = Path.Combine(_workFolder, "wal", "portal.db");

        var run = await RunPortalAsync(["migrate"], ("ConnectionStrings__Portal", $"Data Source={database}"));

        Assert.Equal(0, run.ExitCode);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_database_made_by_another_version_stops_start_up_with_one_line_before_anything_is_changed()
    {
        var database = Path.Combine(_workFolder, "other", "portal.db");
        Assert.Equal(0, (await RunPortalAsync(["migrate"], ("ConnectionStrings__Portal", $"Data Source={database}"))).ExitCode);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('20261122082410_ReferralsAndCareCases', '10.0.14');";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var run = await RunPortalAsync(["migrate"], ("ConnectionStrings__Portal", $"Data Source={database}"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("andere versie van het portaal", line, StringComparison.Ordinal);
        Assert.Contains("20261122082410_ReferralsAndCareCases", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input()
    {
        var database = Path.Combine(_workFolder, "portal.db");

        var run = await RunPortalAsync(["create-admin", "--email", "beheer@school.example", "--name", "Eerste Beheerder"],
            "SterkWachtwoord9\n", ("ConnectionStrings__Portal", $"Data Source={database}"));
        var weak = await RunPortalAsync(["create-admin", "--email", "tweede@school.example", "--name", "Tweede"],
            "zwak\n", ("ConnectionStrings__Portal", $"Data Source={database}"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Output, l => l.Contains("Beheerder aangemaakt: beheer@school.example", StringComparison.Ordinal));
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("Het wachtwoord moet minstens 12 tekens lang zijn.", Assert.Single(weak.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }

    private Task<PortalRun> RunPortalAsync(string[] args, params (string Name, string Value)[] environment) =>
        RunPortalAsync(args, null, environment);

    private async Task<PortalRun> RunPortalAsync(string[] args, string? input, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LeerlingzorgPortal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new PortalRun(process.ExitCode, Lines(await output), Lines(await error));
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed record PortalRun(int ExitCode, string[] Output, string[] ErrorLines);
}
