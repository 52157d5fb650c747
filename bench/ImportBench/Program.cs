using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

// Usage: dotnet run -c Release --project bench/ImportBench [rows]
// Prints the time for upload+preview and for confirm of a file with `rows` new pupils, then the same
// file again (nothing changes), on SQLite with the demo board. Compare the ratios within one run.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "LeerlingzorgPortal.sln")))
{
    root = root.Parent;
}

// The factory finds the web project's content root next to the test projects; the bench lives elsewhere.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LEERLINGZORGPORTAL_WEB",
    Path.Combine(root?.FullName ?? ".", "src", "LeerlingzorgPortal.Web"));
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
await using var database = new SqliteTestDatabase();
await using var portal = new PortalFactory(database, new FakeClock(FakeClock.Default), environment: "Development");
var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

await PostFormAsync(client, "/Account/Login", "/Account/Login",
    new Dictionary<string, string> { ["Email"] = DemoAccounts.Admin, ["Password"] = DemoAccounts.Password });

var csv = new StringBuilder("Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Locatie;E-mail ouder\n");
for (var i = 0; i < rows; i++)
{
    csv.Append(CultureInfo.InvariantCulture, $"{500000 + i};Voornaam{i};;Achternaam{i};{1 + (i % 28):00}-{1 + (i % 12):00}-2013;{1 + (i % 6)}{(char)('A' + (i % 5))};RC-{(i % 2 == 0 ? "N" : "Z")};ouder{i}@ouders.example\n");
}

var bytes = Encoding.UTF8.GetBytes(csv.ToString());
Console.WriteLine($"File: {rows} rows, {bytes.Length / 1024} KB");
for (var round = 1; round <= 2; round++)
{
    var watch = Stopwatch.StartNew();
    var preview = await UploadAsync(client, bytes);
    var html = await client.GetStringAsync(new Uri(preview, UriKind.Relative));
    var previewTime = watch.Elapsed;
    var summary = Regex.Match(html, "Nieuwe leerlingen: ([0-9.]+)").Groups[1].Value;
    watch.Restart();
    var confirmed = html.Contains("Import bevestigen", StringComparison.Ordinal)
        ? await PostFormAsync(client, preview, preview.Replace("/Preview/", "/Confirm/", StringComparison.Ordinal), [])
        : null;
    var confirmTime = watch.Elapsed;
    Console.WriteLine($"Round {round}: new pupils in preview {summary}; upload+preview {previewTime.TotalSeconds:0.00} s; " +
                      $"confirm {(confirmed is null ? "not needed (nothing changes)" : $"{confirmTime.TotalSeconds:0.00} s ({confirmed.StatusCode})")}");
}

return;

static async Task<string> UploadAsync(HttpClient client, byte[] content)
{
    var token = Token(await client.GetStringAsync(new Uri("/Import", UriKind.Relative)));
    using var form = new MultipartFormDataContent();
    form.Add(new ByteArrayContent(content), "file", "export.csv");
    form.Add(new StringContent(token), "__RequestVerificationToken");
    var response = await client.PostAsync(new Uri("/Import/Upload", UriKind.Relative), form);
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Upload failed: {response.StatusCode}");
    }

    return response.Headers.Location!.OriginalString;
}

static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
{
    var token = Token(await client.GetStringAsync(new Uri(page, UriKind.Relative)));
    fields["__RequestVerificationToken"] = token;
    return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
}

static string Token(string html) =>
    WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
