using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Account;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Account;

/// <summary>Two-factor sign-in where it is required (Security:RequireTwoFactor on, as outside Development).</summary>
public abstract class TwoFactorTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Pupils")]
    [InlineData("/Reports")]
    [InlineData("/Protocols")]
    [InlineData("/Admin/Users")]
    [InlineData("/Interventions")]
    [InlineData("/Account/Password")]
    public async Task A_user_without_two_factors_is_sent_to_set_them_up_from_every_other_page(string url)
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Admin, StaffRole.Coordinator);
        using var client = await Fixture.SignInAsync(email);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/TwoFactor/Setup", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var setup = await client.GetPageAsync("/Account/TwoFactor/Setup");
        Assert.Contains("Tweestapsverificatie instellen", setup, StringComparison.Ordinal);
        Assert.Contains("Stel dit nu in; daarna kun je verder.", setup, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", setup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_user_without_two_factors_can_still_sign_out()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var response = await client.PostFormAsync("/Account/TwoFactor/Setup", "/Account/Logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Setting_up_with_a_code_from_the_app_turns_two_factors_on_and_shows_ten_recovery_codes()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var (key, codes) = await TwoFactorSteps.SetUpAsync(client, Fixture.Clock);

        Assert.Equal(32, key.Replace(" ", string.Empty, StringComparison.Ordinal).Length);
        Assert.Matches("^([a-z2-7]{4} ){7}[a-z2-7]{4}$", key);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Contains("Welkom", await client.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.True(await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        var status = await client.GetPageAsync("/Account/TwoFactor");
        Assert.Contains("Je hebt nog <strong>10</strong> ongebruikte herstelcodes.", status, StringComparison.Ordinal);
        Assert.DoesNotContain("uitzetten", status, StringComparison.Ordinal);
        Assert.Equal(1, await CountAuditAsync(AuditAction.TwoFactorEnabled, id));
    }

    [Fact]
    public async Task A_wrong_code_at_set_up_gets_a_Dutch_message_and_changes_nothing()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);
        var key = TwoFactorSteps.KeyFrom(await client.GetPageAsync("/Account/TwoFactor/Setup"));
        var wrong = Wrong(Authenticator.Code(key, Fixture.Clock.GetUtcNow()));

        var response = await client.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup",
            [new("EnrolmentCode", TestOrganisation.EnrolmentCode), new("Code", wrong)]);
        var empty = await client.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup",
            [new("EnrolmentCode", TestOrganisation.EnrolmentCode), new("Code", "")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deze code klopt niet.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Vul de code van zes cijfers uit je app in.", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Signing_in_asks_for_the_code_and_the_right_code_signs_in()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var first = await Fixture.SignInAsync(email);
        var (key, _) = await TwoFactorSteps.SetUpAsync(first, Fixture.Clock);

        using var client = await TwoFactorSteps.SignInAsync(Fixture, email, key);

        Assert.Contains("Welkom", await client.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignIn && a.UserId == id
            && a.Detail!.StartsWith("wachtwoord en authenticator-app"))));
    }

    [Fact]
    public async Task The_password_alone_gives_no_session()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var first = await Fixture.SignInAsync(email);
        await TwoFactorSteps.SetUpAsync(first, Fixture.Clock);

        using var client = await TwoFactorSteps.PasswordStepAsync(Fixture, email);

        var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("Gebruik een herstelcode", await client.GetPageAsync("/Account/LoginWithCode"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_or_reused_code_at_sign_in_gets_a_Dutch_message_and_no_session()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var first = await Fixture.SignInAsync(email);
        var (key, _) = await TwoFactorSteps.SetUpAsync(first, Fixture.Clock);
        using var client = await TwoFactorSteps.PasswordStepAsync(Fixture, email);
        var used = Authenticator.Code(key, Fixture.Clock.GetUtcNow());

        var wrong = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", Wrong(used))]);
        var reused = await client.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", used)]);

        foreach (var response in new[] { wrong, reused })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Deze code klopt niet.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
                StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(2, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SignInFailed && a.UserId == id
            && a.Detail!.StartsWith("authenticator-code"))));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var first = await Fixture.SignInAsync(email);
        var (_, codes) = await TwoFactorSteps.SetUpAsync(first, Fixture.Clock);

        using var client = await TwoFactorSteps.PasswordStepAsync(Fixture, email);
        var page = await client.GetPageAsync("/Account/LoginWithRecoveryCode");
        var used = await client.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode",
            [new("Code", codes[0].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal))]);
        using var again = await TwoFactorSteps.PasswordStepAsync(Fixture, email);
        var twice = await again.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", [new("Code", codes[0])]);

        Assert.Contains("Inloggen met een herstelcode", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Contains("Welkom", await client.GetPageAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("Deze herstelcode klopt niet of is al gebruikt.", await twice.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Contains("Je hebt nog <strong>9</strong> ongebruikte herstelcodes.", await client.GetPageAsync("/Account/TwoFactor"),
            StringComparison.Ordinal);
        Assert.Equal(1, await CountAuditAsync(AuditAction.RecoveryCodeUsed, id));
    }

    [Fact]
    public async Task Recovery_codes_are_kept_as_salted_hashes_not_as_written()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);
        var (_, codes) = await TwoFactorSteps.SetUpAsync(client, Fixture.Clock);

        var stored = await Fixture.QueryAsync(db => db.UserTokens.Where(t => t.UserId == id && t.Name == "RecoveryCodes")
            .Select(t => t.Value).SingleAsync(TestContext.Current.CancellationToken));

        Assert.Equal(10, stored!.Split(';').Length);
        foreach (var code in codes)
        {
            Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), stored.Replace("-", "", StringComparison.Ordinal),
                StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);
        var (_, old) = await TwoFactorSteps.SetUpAsync(client, Fixture.Clock);

        var response = await client.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/RecoveryCodes", []);

        var fresh = TwoFactorSteps.RecoveryCodesFrom(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));
        using var signIn = await TwoFactorSteps.PasswordStepAsync(Fixture, email);
        var refused = await signIn.PostFormAsync("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", [new("Code", old[0])]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditAction.RecoveryCodesRenewed, id));
    }

    [Fact]
    public async Task Two_factors_cannot_be_switched_off_while_required()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);
        await TwoFactorSteps.SetUpAsync(client, Fixture.Clock);

        await client.PostFormAsync("/Account/TwoFactor", "/Account/TwoFactor/Disable", []);

        Assert.Contains("Tweestapsverificatie is verplicht en kan niet worden uitgezet.", await client.GetPageAsync("/Account/TwoFactor"),
            StringComparison.Ordinal);
        Assert.True(await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task The_admin_resets_a_lost_phone_the_session_ends_and_the_next_sign_in_sets_up_again()
    {
        var admin = await SignedInAdminAsync();
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var user = await Fixture.SignInAsync(email);
        await TwoFactorSteps.SetUpAsync(user, Fixture.Clock);

        Assert.Contains("Tweestapsverificatie aan", await admin.GetPageAsync($"/Admin/Users/Edit/{id}"), StringComparison.Ordinal);
        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/ResetTwoFactor/{id}", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("De tweestapsverificatie is verwijderd", issued, StringComparison.Ordinal);
        var enrolmentCode = TwoFactorSteps.EnrolmentCodeFrom(issued);
        var edit = await admin.GetPageAsync($"/Admin/Users/Edit/{id}");
        Assert.Contains("Tweestapsverificatie uit", edit, StringComparison.Ordinal);
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var ended = await user.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.StartsWith("/Account/Login", ended.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var again = await Fixture.SignInAsync(email);
        var home = await again.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("/Account/TwoFactor/Setup", home.Headers.Location!.OriginalString);
        // The same as at first sign-in: the password alone (or the old, used code) does not enrol a new phone.
        var key = TwoFactorSteps.KeyFrom(await again.GetPageAsync("/Account/TwoFactor/Setup"));
        var refused = await again.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup",
            [new("EnrolmentCode", TestOrganisation.EnrolmentCode), new("Code", Authenticator.Code(key, Fixture.Clock.GetUtcNow()))]);
        Assert.Contains(TwoFactorController.EnrolmentCodeWrong,
            await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await TwoFactorSteps.SetUpAsync(again, Fixture.Clock, enrolmentCode);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.TwoFactorReset
            && a.SubjectId == id && a.UserId == Org.UserIds[TestOrganisation.Admin])));
    }

    [Fact]
    public async Task A_password_reset_by_the_admin_still_asks_for_the_second_factor()
    {
        var admin = await SignedInAdminAsync();
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var user = await Fixture.SignInAsync(email);
        await TwoFactorSteps.SetUpAsync(user, Fixture.Clock);

        await admin.PostFormAsync($"/Admin/Users/ResetPassword/{id}", $"/Admin/Users/ResetPassword/{id}",
            [new("Password", "VolledigNieuw2"), new("ConfirmPassword", "VolledigNieuw2")]);

        using var client = Fixture.AnonymousClient();
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            [new("Email", email), new("Password", "VolledigNieuw2")]);
        Assert.StartsWith("/Account/LoginWithCode", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(await Fixture.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task Sign_in_events_are_audited_without_what_was_typed()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var unknown = $"onbekend-{Guid.NewGuid():N}@test.example";
        using var client = Fixture.AnonymousClient();

        await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Email", unknown), new("Password", "GeheimWachtwoord99")]);
        await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Email", email), new("Password", "GeheimWachtwoord98")]);
        for (var i = 0; i < 4; i++)
        {
            await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Email", email), new("Password", "GeheimWachtwoord97")]);
        }

        var (other, otherId) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var signedIn = await Fixture.SignInAsync(other);
        await signedIn.PostFormAsync("/Account/TwoFactor/Setup", "/Account/Logout", []);

        var rows = await Fixture.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId == id || a.UserId == otherId || a.UserId == AuditEntryAccounts.Unknown).ToListAsync());
        Assert.Contains(rows, a => a.Action == AuditAction.SignInFailed && a.UserId == AuditEntryAccounts.Unknown);
        // Wrong passwords never lock (ADR 0038): each is a failure, and the lock is told only after the right one.
        Assert.Equal(5, rows.Count(a => a.Action == AuditAction.SignInFailed && a.UserId == id));
        Assert.Contains(rows, a => a.Action == AuditAction.SignIn && a.UserId == otherId);
        Assert.Contains(rows, a => a.Action == AuditAction.SignOut && a.UserId == otherId);
        Assert.All(rows, a => Assert.DoesNotContain("GeheimWachtwoord", a.Detail ?? string.Empty, StringComparison.Ordinal));
        Assert.All(rows, a => Assert.DoesNotContain("onbekend-", (a.Detail ?? string.Empty) + a.SubjectId, StringComparison.Ordinal));
    }

    private async Task<HttpClient> SignedInAdminAsync() =>
        await Fixture.OnceAsync("admin", async () =>
        {
            var client = await Fixture.SignInAsync(TestOrganisation.Admin);
            await TwoFactorSteps.SetUpAsync(client, Fixture.Clock);
            return client;
        });

    private static string Wrong(string code) =>
        ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000)
        .ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> CountAuditAsync(AuditAction action, string userId) =>
        await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.UserId == userId));
}

public sealed class TwoFactorTests_Sqlite(SqliteTwoFactorFixture fixture) : TwoFactorTests<SqliteTwoFactorFixture>(fixture);

public sealed class TwoFactorTests_PostgreSql(PostgreSqlTwoFactorFixture fixture) : TwoFactorTests<PostgreSqlTwoFactorFixture>(fixture);

public sealed class TwoFactorTests_SqlServer(SqlServerTwoFactorFixture fixture) : TwoFactorTests<SqlServerTwoFactorFixture>(fixture);
