using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Testing;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>What a person does with an authenticator app, done by a test: read the key, compute codes.</summary>
public static partial class TwoFactorSteps
{
    public static Dictionary<string, string?> Settings(bool requireTwoFactor, int perClient = 100000, int perAccount = 100000,
        int exports = 100000) => new()
        {
            ["Security:RequireTwoFactor"] = requireTwoFactor ? "true" : "false",
            ["Security:Throttling:PerClientPerMinute"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:Throttling:PerAccountPerMinute"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security:Throttling:ExportsPerUserPerMinute"] = exports.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>The key as shown on the set-up page.</summary>
    public static string KeyFrom(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "The set-up page shows no authenticator key.");
        return match.Groups[1].Value;
    }

    public static IReadOnlyList<string> RecoveryCodesFrom(string html) =>
        RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Sets up two factors for the signed-in client; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(HttpClient client, FakeClock clock,
        string enrolmentCode = TestOrganisation.EnrolmentCode)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(clock);
        var key = KeyFrom(await client.GetPageAsync("/Account/TwoFactor/Setup"));
        var response = await client.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup",
            [new("EnrolmentCode", enrolmentCode), new("Code", Authenticator.Code(key, clock.GetUtcNow()))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = RecoveryCodesFrom(await response.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    /// <summary>Password first; the answer must ask for the code.</summary>
    public static async Task<HttpClient> PasswordStepAsync(PortalFixture fixture, string email, string password = TestOrganisation.Password)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var client = fixture.AnonymousClient();
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            [new("Email", email), new("Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/LoginWithCode", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    /// <summary>
    /// Signs in with password and a fresh code. The clock moves on one 30-second step first: a code is
    /// accepted once, like a real app's, so the next code is needed.
    /// </summary>
    public static async Task<HttpClient> SignInAsync(PortalFixture fixture, string email, string key)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var client = await PasswordStepAsync(fixture, email);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var response = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode",
            [new("Code", Authenticator.Code(key, fixture.Clock.GetUtcNow()))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>The enrolment code as the beheerder sees it once.</summary>
    public static string EnrolmentCodeFrom(string html)
    {
        var match = EnrolmentCodePattern().Match(html);
        Assert.True(match.Success, "The page shows no enrolment code.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("data-testid=\"enrolment-code\">([A-Z0-9-]+)<")]
    private static partial Regex EnrolmentCodePattern();

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z2-7 ]+)<", RegexOptions.IgnoreCase)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li class=\"col\">([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCodePattern();
}

/// <summary>A portal where two factors are required, as outside Development.</summary>
public sealed class SqliteTwoFactorFixture() : PortalFixture(new SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = TwoFactorSteps.Settings(requireTwoFactor: true);
}

public sealed class PostgreSqlTwoFactorFixture() : PortalFixture(new PostgreSqlTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = TwoFactorSteps.Settings(requireTwoFactor: true);
}

public sealed class SqlServerTwoFactorFixture() : PortalFixture(new SqlServerTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = TwoFactorSteps.Settings(requireTwoFactor: true);
}

/// <summary>A portal with low limits: 5 posts per client address, 3 per account and 2 exports per user a minute.</summary>
public sealed class SqliteThrottlingFixture() : PortalFixture(new SqliteTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        TwoFactorSteps.Settings(requireTwoFactor: false, perClient: 5, perAccount: 3, exports: 2);
}

public sealed class PostgreSqlThrottlingFixture() : PortalFixture(new PostgreSqlTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        TwoFactorSteps.Settings(requireTwoFactor: false, perClient: 5, perAccount: 3, exports: 2);
}

public sealed class SqlServerThrottlingFixture() : PortalFixture(new SqlServerTestDatabase())
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        TwoFactorSteps.Settings(requireTwoFactor: false, perClient: 5, perAccount: 3, exports: 2);
}
