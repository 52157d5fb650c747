using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Account;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Tests.Features.Account;

/// <summary>
/// Which e-mail addresses exist cannot be learned from the sign-in page (ADR 0038): the same
/// message and the same password-hashing work for known, unknown and locked addresses; failures make
/// this client wait for this address, never lock the account for its owner elsewhere.
/// </summary>
public abstract partial class SignInEnumerationTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture, ICountsPasswordHashes
{
    private const string FailedMessage = "Onbekend e-mailadres of onjuist wachtwoord.";

    [Fact]
    public async Task Known_unknown_and_locked_addresses_get_the_same_message_for_a_wrong_password()
    {
        var (known, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var locked = await LockedAccountAsync();
        var unknown = $"onbekend-{Guid.NewGuid():N}@test.example";
        using var client = ClientFrom("10.19.1.1");

        var answers = new List<string>();
        foreach (var email in new[] { known, unknown, locked })
        {
            var response = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(email, "VerkeerdWachtwoord1"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(ErrorOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        Assert.All(answers, a => Assert.Equal(FailedMessage, a));
    }

    [Fact]
    public async Task An_unknown_or_locked_address_costs_one_password_hash_like_a_known_one()
    {
        var (known, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var locked = await LockedAccountAsync();
        var unknown = $"onbekend-{Guid.NewGuid():N}@test.example";
        using var client = ClientFrom("10.19.2.1");

        foreach (var email in new[] { known, unknown, locked })
        {
            var password = $"Gok-{Guid.NewGuid():N}";
            await client.PostFormAsync("/Account/Login", "/Account/Login", Form(email, password));

            Assert.Equal(1, Fixture.PasswordHashes.VerificationsOf(password));
        }
    }

    [Fact]
    public async Task After_three_failures_the_client_waits_the_same_for_a_known_and_an_unknown_address()
    {
        var (known, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var unknown = $"onbekend-{Guid.NewGuid():N}@test.example";
        using var client = ClientFrom("10.19.3.1");

        var answers = new List<string>();
        foreach (var email in new[] { known, unknown })
        {
            for (var i = 0; i < 3; i++)
            {
                await client.PostFormAsync("/Account/Login", "/Account/Login", Form(email, "VerkeerdWachtwoord1"));
            }

            var fourth = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(email, "VerkeerdWachtwoord1"));
            answers.Add(ErrorOf(await fourth.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        var expected = AccountController.WaitMessage(Fixture.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        Assert.All(answers, a => Assert.Equal(expected, a));
        Assert.Matches(@"^Te veel mislukte pogingen\. Probeer het na \d\d:\d\d opnieuw\.$", expected);

        // While waiting even the right password is not tried (no oracle); after the wait it signs in.
        var right = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(known, TestOrganisation.Password));
        Assert.Equal(expected, ErrorOf(await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var later = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(known, TestOrganisation.Password));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task Failures_from_a_stranger_do_not_keep_the_owner_out()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var stranger = ClientFrom("10.19.4.1");
        for (var i = 0; i < 8; i++)
        {
            await stranger.PostFormAsync("/Account/Login", "/Account/Login", Form(email, "VerkeerdWachtwoord1"));
        }

        using var owner = ClientFrom("10.19.4.2");
        var response = await owner.PostFormAsync("/Account/Login", "/Account/Login", Form(email, TestOrganisation.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_client_trying_many_addresses_waits_after_ten_failures()
    {
        using var client = ClientFrom("10.19.5.1");
        for (var i = 0; i < 10; i++)
        {
            var answer = await client.PostFormAsync("/Account/Login", "/Account/Login",
                Form($"spray-{i}-{Guid.NewGuid():N}@test.example", "Zomer2026Zomer"));
            Assert.Equal(FailedMessage, ErrorOf(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        var eleventh = await client.PostFormAsync("/Account/Login", "/Account/Login",
            Form($"spray-x-{Guid.NewGuid():N}@test.example", "Zomer2026Zomer"));

        Assert.StartsWith("Te veel mislukte pogingen.",
            ErrorOf(await eleventh.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_is_told_only_to_someone_with_the_right_password()
    {
        var locked = await LockedAccountAsync();
        using var client = ClientFrom("10.19.6.1");

        var wrong = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(locked, "VerkeerdWachtwoord1"));
        var right = await client.PostFormAsync("/Account/Login", "/Account/Login", Form(locked, TestOrganisation.Password));

        Assert.Equal(FailedMessage, ErrorOf(await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.StartsWith("Dit account is geblokkeerd",
            ErrorOf(await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    private HttpClient ClientFrom(string address)
    {
        var client = Fixture.AnonymousClient();
        client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, address);
        return client;
    }

    /// <summary>An account locked as the beheerder's deactivation or Identity's code lockout leave it.</summary>
    private async Task<string> LockedAccountAsync()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        await using var scope = Fixture.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(id);
        await users.SetLockoutEndDateAsync(user!, DateTimeOffset.MaxValue);
        return email;
    }

    private static string ErrorOf(string html)
    {
        var match = ErrorPattern().Match(html);
        Assert.True(match.Success, "The page shows no error.");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value.Trim());
    }

    private static List<KeyValuePair<string, string>> Form(string email, string password) =>
        [new("Email", email), new("Password", password)];

    [GeneratedRegex("<li>([^<]+)</li>")]
    private static partial Regex ErrorPattern();
}

/// <summary>A fixture whose password hasher counts what it verifies.</summary>
public interface ICountsPasswordHashes
{
    CountingPasswordHasher PasswordHashes { get; }
}

/// <summary>Identity's hasher, counting verifications per provided password (tests use a fresh password each).</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> _inner = new(options);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _verifications = new(StringComparer.Ordinal);

    public int VerificationsOf(string password) => _verifications.GetValueOrDefault(password);

    public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        _verifications.AddOrUpdate(providedPassword, 1, (_, n) => n + 1);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>Sign-in delays at their production values (3 per address and client, 10 per client) and a counting hasher.</summary>
public abstract class SignInEnumerationFixture(TestDatabase database) : PortalFixture(database), ICountsPasswordHashes
{
    public CountingPasswordHasher PasswordHashes => Services.GetRequiredService<CountingPasswordHasher>();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Security:Throttling:FreeFailuresPerAddress"] = "3",
        ["Security:Throttling:FreeFailuresPerClient"] = "10",
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<CountingPasswordHasher>();
        services.AddScoped<IPasswordHasher<PortalUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
    }
}

public sealed class SqliteSignInEnumerationFixture() : SignInEnumerationFixture(new SqliteTestDatabase());

public sealed class PostgreSqlSignInEnumerationFixture() : SignInEnumerationFixture(new PostgreSqlTestDatabase());

public sealed class SqlServerSignInEnumerationFixture() : SignInEnumerationFixture(new SqlServerTestDatabase());

public sealed class SignInEnumerationTests_Sqlite(SqliteSignInEnumerationFixture fixture)
    : SignInEnumerationTests<SqliteSignInEnumerationFixture>(fixture);

public sealed class SignInEnumerationTests_PostgreSql(PostgreSqlSignInEnumerationFixture fixture)
    : SignInEnumerationTests<PostgreSqlSignInEnumerationFixture>(fixture);

public sealed class SignInEnumerationTests_SqlServer(SqlServerSignInEnumerationFixture fixture)
    : SignInEnumerationTests<SqlServerSignInEnumerationFixture>(fixture);
