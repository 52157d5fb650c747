using System.Net;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// Hostile strings sent to every form and every query of the portal, by a user who may use it: never a
/// 500, and whatever is stored comes back encoded, never as live markup. The endpoints come from the
/// authorization matrix, so a new form is attacked as soon as it is declared there.
/// </summary>
public abstract partial class HostileInputTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture), IDisposable
    where TFixture : PortalFixture
{
    /// <summary>Each hostile value with the text that must never appear raw in a page.</summary>
    public static TheoryData<string, string, string?> Hostile => new()
    {
        { "script tag", "<script>alert('lzp')</script>", "<script>alert(" },
        { "attribute breaker", "\"><img src=x onerror=alert(1)>'", "<img src=x onerror" },
        { "SQL metacharacters", "' OR '1'='1'; DROP TABLE \"Pupils\";-- %_\\", null },
        { "100,000 characters", new string('x', 100_000), null },
        { "null byte", "Naam\0met nul", "\0" },
        { "right-to-left override", "leerling\u202Egpj.exe", "\u202E" },
        { "emoji", "Gesprek 😀🏫👩‍👧", null },
    };

    /// <summary>Field names of free text in the portal's forms (any field a form does not have is ignored by it).</summary>
    private static readonly string[] TextFields =
    [
        "Advice", "Agreements", "AlreadyTried", "Agency", "AgencyName", "Body", "ChangeNote", "ConsentBy", "Decisions", "Description",
        "Detail", "Discussion", "DisplayName", "ExitProfile", "ExitProfileReasoning", "FiguresComment", "GivenBy", "GoalsNextYear",
        "Goals[0].Description", "Ground", "HowToRefer", "Measures[0].What", "Measures[0].ByWhom", "Measures[0].HowOften", "Name", "Note",
        "Offer", "Period", "Phone", "Place", "PolicyEvaluation", "PreviousSchool", "Provider", "Question", "Reason", "Region",
        "ReportSummary", "Results[0].Result", "SharedInformation", "Summary", "SupportSection", "SupportSoFar", "TargetGroup", "Text",
        "Title", "View", "Website", "Externals[0].Name", "Externals[0].Organisation", "Email", "Password", "Surname", "ContactName",
        "Address", "Intent", "Code", "Search",
    ];

    private static readonly string[] QueryParameters =
    [
        "search", "q", "from", "to", "status", "kind", "year", "locationId", "page", "table", "format", "topic", "category", "level",
        "state", "region", "returnUrl", "mine", "closed", "done", "all", "version", "number", "external",
    ];

    private readonly Dictionary<string, (HttpClient Client, string Token)> _sessions = [];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Every_form_answers_without_a_server_error_and_shows_the_value_encoded(string name, string value, string? raw)
    {
        var records = await Fixture.OnceAsync("hostile", () => MatrixRecords.SeedAsync(Fixture));
        var pupilsBefore = await Fixture.QueryAsync(db => db.Pupils.CountAsync());
        var failures = new List<string>();

        foreach (var (endpoint, expectation) in AuthorizationMatrixTests<TFixture>.Matrix.Where(e => e.Key.StartsWith("POST ", StringComparison.Ordinal)))
        {
            // Signing out ends the session the test uses; confirming a retention review removes the dossier
            // the other forms write to. Neither has a text field.
            if (endpoint is "POST Account.Logout" or "POST Retention.Confirm" || UserFor(expectation) is not { } email)
            {
                continue;
            }

            var (client, token) = await SessionAsync(email);
            var url = records.Url(expectation.Url);
            var form = HostileForm(value, await HiddenFieldsOfFormPageAsync(client, url)).Append(new("__RequestVerificationToken", token)).ToList();
            using var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form),
                TestContext.Current.CancellationToken);
            await CheckAsync(endpoint, client, response, raw, failures);
        }

        Assert.True(failures.Count == 0, $"{name}:\n{string.Join('\n', failures)}");
        Assert.Equal(pupilsBefore, await Fixture.QueryAsync(db => db.Pupils.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Every_page_answers_hostile_query_values_without_a_server_error_or_reflection(string name, string value, string? raw)
    {
        var records = await Fixture.OnceAsync("hostile", () => MatrixRecords.SeedAsync(Fixture));
        var query = string.Join('&', QueryParameters.Select(p => $"{p}={Uri.EscapeDataString(value.Length > 2000 ? value[..2000] : value)}"));
        var failures = new List<string>();

        foreach (var (endpoint, expectation) in AuthorizationMatrixTests<TFixture>.Matrix.Where(e => !e.Key.StartsWith("POST ", StringComparison.Ordinal)))
        {
            if (UserFor(expectation) is not { } email)
            {
                continue;
            }

            var url = records.Url(expectation.Url);
            var (client, _) = await SessionAsync(email);
            using var response = await client.GetAsync(new Uri($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{query}", UriKind.Relative),
                TestContext.Current.CancellationToken);
            await CheckAsync(endpoint, client, response, raw, failures);
        }

        Assert.True(failures.Count == 0, $"{name}:\n{string.Join('\n', failures)}");
    }

    private static async Task CheckAsync(string endpoint, HttpClient client, HttpResponseMessage response, string? raw, List<string> failures)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{endpoint}: {(int)response.StatusCode}");
            return;
        }

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        string? shownType = null;
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity && !body.Contains("onzichtbaar stuurteken", StringComparison.Ordinal))
        {
            failures.Add($"{endpoint}: 422 without the Dutch explanation");
        }

        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { IsAbsoluteUri: false } next
            && !next.OriginalString.StartsWith("/Account/", StringComparison.Ordinal))
        {
            using var shown = await client.GetAsync(next, TestContext.Current.CancellationToken);
            if ((int)shown.StatusCode >= 500)
            {
                failures.Add($"{endpoint} → {next}: {(int)shown.StatusCode}");
                return;
            }

            body = await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            shownType = shown.Content.Headers.ContentType?.MediaType;
        }

        // Only HTML is rendered by the browser; a JSON, CSV or Excel download carries the value as data.
        if (raw is not null && IsHtml(shownType ?? response.Content.Headers.ContentType?.MediaType) && body.Contains(raw, StringComparison.Ordinal))
        {
            failures.Add($"{endpoint}: the value comes back raw");
        }
    }

    private static bool IsHtml(string? mediaType) => mediaType is null or "text/html";

    /// <summary>The first signed-in role the matrix lets use the endpoint.</summary>
    private static string? UserFor(AuthorizationMatrixTests<TFixture>.Expectation expectation)
    {
        var index = expectation.Roles.IndexOf('O', 1);
        return index < 1 ? null : AuthorizationMatrixTests<TFixture>.AccountAt(index);
    }

    /// <summary>
    /// The complete form with every text field hostile, and the hidden fields (version and concurrency tokens)
    /// of the form page as the browser would send them. So each case saves its own value and reads it back,
    /// whatever the other cases saved before it: no case passes because an earlier one made its save conflict.
    /// </summary>
    private List<KeyValuePair<string, string>> HostileForm(string value, IReadOnlyDictionary<string, string> hidden)
    {
        var fields = CompleteForm.Fields(Fixture).Where(f => !TextFields.Contains(f.Key) && !hidden.ContainsKey(f.Key)).ToList();
        fields.AddRange(hidden.Select(h => new KeyValuePair<string, string>(h.Key, h.Value)));
        fields.AddRange(TextFields.Select(f => new KeyValuePair<string, string>(f, value)));
        return fields;
    }

    /// <summary>The hidden inputs of the page at the form's own address, when that page is a form the user may open.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> HiddenFieldsOfFormPageAsync(HttpClient client, string url)
    {
        using var page = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        if (page.StatusCode != HttpStatusCode.OK || page.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return new Dictionary<string, string>();
        }

        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var hidden = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match input in HiddenInput().Matches(html))
        {
            var name = WebUtility.HtmlDecode(input.Groups["name"].Value);
            if (name != "__RequestVerificationToken" && !TextFields.Contains(name))
            {
                hidden.TryAdd(name, WebUtility.HtmlDecode(input.Groups["value"].Value));
            }
        }

        return hidden;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?type=\"hidden\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex HiddenInput();

    /// <summary>
    /// A session of this test's own, not the fixture's shared ones: the forms it fills in include the
    /// admin's, which change accounts and the school year.
    /// </summary>
    private async Task<(HttpClient Client, string Token)> SessionAsync(string email)
    {
        if (!_sessions.TryGetValue(email, out var session))
        {
            var client = await Fixture.SignInAsync(email);
            session = (client, HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/")));
            _sessions[email] = session;
        }

        return session;
    }

    public void Dispose()
    {
        foreach (var (client, _) in _sessions.Values)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class HostileInputTests_Sqlite(SqlitePortalFixture fixture) : HostileInputTests<SqlitePortalFixture>(fixture);

public sealed class HostileInputTests_PostgreSql(PostgreSqlPortalFixture fixture) : HostileInputTests<PostgreSqlPortalFixture>(fixture);

public sealed class HostileInputTests_SqlServer(SqlServerPortalFixture fixture) : HostileInputTests<SqlServerPortalFixture>(fixture);
