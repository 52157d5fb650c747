using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Logging;

/// <summary>
/// The request log (Serilog.AspNetCore's request logging, ADR 0040): one line per request with method, path,
/// status, duration, user id and the number of SQL commands, never the query string (a search carries a
/// pupil's name); the file can be written as JSON lines for log shipping; a relative path lands under the
/// content root. Each test runs its own portal over the class's database, writing to a folder of its own.
/// </summary>
public abstract class RequestLogTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string SearchedName = "Geheimenaam";

    [Fact]
    public async Task The_json_request_line_has_method_path_status_duration_user_and_SQL_commands_and_no_query_string()
    {
        var (lines, userId) = await LogOfSearchAsync("json");

        var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var request = Assert.Single(events, e => e.TryGetProperty("RequestPath", out var path) && path.GetString() == "/Pupils"
                                                 && e.GetProperty("RequestMethod").GetString() == "GET");
        Assert.Equal(200, request.GetProperty("StatusCode").GetInt32());
        Assert.True(request.GetProperty("Elapsed").GetDouble() > 0);
        Assert.Equal(userId, request.GetProperty("UserId").GetString());
        Assert.True(request.GetProperty("SqlCommands").GetInt32() > 0, "The request line counts no SQL commands.");
        Assert.Equal(LeerlingzorgPortal.Web.Infrastructure.Logging.LoggingSetup.RequestTemplate, request.GetProperty("@mt").GetString());
        Assert.DoesNotContain(lines, line => line.Contains(SearchedName, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, line => line.Contains("Search=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_json_format_writes_one_parseable_json_object_per_line()
    {
        var (lines, _) = await LogOfSearchAsync("json");

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            Assert.True(document.RootElement.TryGetProperty("@t", out _), line);
            Assert.True(document.RootElement.TryGetProperty("@mt", out _), line);
        }
    }

    [Fact]
    public async Task The_text_request_line_reads_as_before_and_has_no_query_string()
    {
        var (lines, userId) = await LogOfSearchAsync("text");

        var pattern = new Regex(@"HTTP GET /Pupils answered 200 in \d+\.\d ms with [1-9]\d* SQL commands for user " + Regex.Escape(userId) + "$",
            RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.Single(lines, line => pattern.IsMatch(line));
        Assert.DoesNotContain(lines, line => line.Contains(SearchedName, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_relative_log_path_is_written_under_the_content_root()
    {
        var relative = Path.Combine("logs", $"test-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?> { ["Logging:File:Path"] = Path.Combine(relative, "portal-.log") };
        string contentRoot;
        await using (var portal = new PortalFactory(Fixture.Database, Fixture.Clock, settings: settings))
        {
            contentRoot = portal.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
            using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.OK, await GetLoggedAsync(portal, client, "/health/live"));
        }

        var folder = Path.Combine(contentRoot, relative);
        try
        {
            var file = Assert.Single(Directory.GetFiles(folder, "portal-*.log"));
            Assert.True(Path.IsPathFullyQualified(file));
            Assert.Contains("HTTP GET /health/live answered 200", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken),
                StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Asks for the page and waits until the whole pipeline is done with it: the request line is written after the
    /// answer has reached the client, so stopping the portal right after the answer could lose it.
    /// </summary>
    private static async Task<HttpStatusCode> GetLoggedAsync(PortalFactory portal, HttpClient client, string url)
    {
        var probeId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(SqlCommandProbe.Header, probeId);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        await portal.Services.GetRequiredService<SqlCommandProbe>().CountOfAsync(probeId);
        return response.StatusCode;
    }

    /// <summary>A portal of its own logging to a fresh folder: sign in, search the pupil list by name, stop (which flushes the file).</summary>
    private async Task<(IReadOnlyList<string> Lines, string UserId)> LogOfSearchAsync(string format)
    {
        var folder = Path.Combine(Path.GetTempPath(), "lzp-tests", $"request-log-{Guid.NewGuid():N}");
        var (email, userId) = await Fixture.NewAccountAsync(StaffRole.Coordinator);
        var settings = new Dictionary<string, string?>
        {
            ["Logging:File:Path"] = Path.Combine(folder, "portal-.log"),
            ["Logging:File:Format"] = format,
        };
        try
        {
            await using (var portal = new PortalFactory(Fixture.Database, Fixture.Clock, settings: settings))
            {
                using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                var signIn = await client.PostFormAsync("/Account/Login", "/Account/Login",
                    new Dictionary<string, string> { ["Email"] = email, ["Password"] = TestOrganisation.Password });
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.Equal(HttpStatusCode.OK, await GetLoggedAsync(portal, client, $"/Pupils?Search={SearchedName}"));
            }

            var file = Assert.Single(Directory.GetFiles(folder, "portal-*.log"));
            var lines = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken)).Where(l => l.Length > 0).ToList();
            return (lines, userId);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

public sealed class RequestLogTests_Sqlite(SqlitePortalFixture fixture) : RequestLogTests<SqlitePortalFixture>(fixture);

public sealed class RequestLogTests_PostgreSql(PostgreSqlPortalFixture fixture) : RequestLogTests<PostgreSqlPortalFixture>(fixture);

public sealed class RequestLogTests_SqlServer(SqlServerPortalFixture fixture) : RequestLogTests<SqlServerPortalFixture>(fixture);
