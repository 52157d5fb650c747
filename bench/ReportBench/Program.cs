using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ReportBench;

// Usage: dotnet run -c Release --project bench/ReportBench [referrals ...]
// For each size (default 1000 and 8000 referrals) and each database (SQLite; PostgreSQL when
// PORTAL_TEST_POSTGRES is set): the demo board plus generated care history, then every report page
// requested through the real HTTP stack by the role that reads it. Prints p50 and p90 per page and the
// ratio of p50 to a signed-in page that touches no report query (the floor), measured in the same run.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "LeerlingzorgPortal.sln")))
{
    root = root.Parent;
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEERLINGZORGPORTAL_WEB",
    Path.Combine(root?.FullName ?? ".", "src", "LeerlingzorgPortal.Web"));
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1000, 8000];
const int Rounds = 15;

var year = 2026;
(string Role, string Name, string Url)[] pages =
[
    (DemoAccounts.SchoolLeader, "Floor: access-denied page (no report query)", "/Account/AccessDenied"),
    (DemoAccounts.SchoolLeader, "Dashboard, whole board, this school year", "/Reports"),
    (DemoAccounts.SchoolLeader, "Dashboard, last school year", $"/Reports?year={year - 1}"),
    (DemoAccounts.SchoolLeader, "Dashboard export (referrals per month, xlsx)", "/Reports/DashboardExport?table=aanmeldingen&format=xlsx"),
    (DemoAccounts.SchoolLeader, "Zorg in cijfers", "/Reports/Care"),
    (DemoAccounts.SchoolLeader, "Zorgaanbod en faciliteiten", "/Reports/CareOffering"),
    (DemoAccounts.SchoolLeader, "Zorgjaarverslag", "/Reports/YearReport"),
    (DemoAccounts.Coordinator, "Dashboard, own location (coordinator)", "/Reports"),
    (DemoAccounts.Coordinator, "Signaallijst: overdue action items", "/Reports/Coordinator"),
    (DemoAccounts.Coordinator, "Signaallijst: no contact for 30 days", "/Reports/Coordinator/zonder-contact"),
    (DemoAccounts.Coordinator, "Signaallijst: waiting for feedback", "/Reports/Coordinator/doorverwijzingen"),
    (DemoAccounts.Coordinator, "Signaallijst export (csv)", "/Reports/Coordinator/zonder-contact/Export?format=csv"),
];

Console.WriteLine($"ReportBench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Rounds} timed requests per page after 3 warm-ups");
foreach (var size in sizes)
{
    foreach (var database in Databases())
    {
        await using var _ = database;
        await using var portal = new PortalFactory(database, new FakeClock(FakeClock.Default), environment: "Development");
        using var warm = portal.CreateClient();
        var generate = Stopwatch.StartNew();
        GeneratedCounts counts;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            counts = await new CareHistoryGenerator(db, FakeClock.Default, size).GenerateAsync();
        }

        Console.WriteLine();
        Console.WriteLine($"### {database.Provider}, {counts} (generated in {generate.Elapsed.TotalSeconds:0} s)");
        Console.WriteLine();
        Console.WriteLine("| Page | Role | p50 ms | p90 ms | p50 / floor |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var clients = new Dictionary<string, HttpClient>();
        double? floor = null;
        foreach (var (role, name, url) in pages)
        {
            if (!clients.TryGetValue(role, out var client))
            {
                client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                await SignInAsync(client, role);
                clients[role] = client;
            }

            var times = new List<double>();
            for (var i = 0; i < Rounds + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
                }

                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var p50 = times[times.Count / 2];
            var p90 = times[(int)Math.Ceiling(times.Count * 0.9) - 1];
            floor ??= p50;
            Console.WriteLine($"| {name} | {RoleName(role)} | {p50:0.0} | {p90:0.0} | {p50 / floor.Value:0.0} |");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}

return;

static IEnumerable<TestDatabase> Databases()
{
    yield return new SqliteTestDatabase();
    if (TestEnvironment.PostgresServer is not null)
    {
        yield return new PostgreSqlTestDatabase();
    }
}

static string RoleName(string email) => email == DemoAccounts.Coordinator ? "coordinator" : "school leader";

static async Task SignInAsync(HttpClient client, string email)
{
    var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
    var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
    var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Email"] = email,
        ["Password"] = DemoAccounts.Password,
        ["__RequestVerificationToken"] = token,
    }));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
    }
}
