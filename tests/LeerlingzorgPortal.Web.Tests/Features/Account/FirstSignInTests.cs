using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Account;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Account;

/// <summary>
/// A password set by the functioneel beheerder is replaced at the first sign-in, and the first
/// authenticator app needs the one-time enrolment code handed over apart from it (ADR 0038).
/// With two factors required, as outside Development.
/// </summary>
public abstract class FirstSignInTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string AdminPassword = "VanDeBeheerder12";
    private const string OwnPassword = "MijnEigenLangeZin34";

    [Fact]
    public async Task First_sign_in_forces_a_new_password_and_refuses_enrolment_without_the_code()
    {
        var (email, enrolmentCode) = await CreatedByAdminAsync();
        using var newcomer = await Fixture.SignInAsync(email, AdminPassword);

        // Nothing else first: not the home page, not the pupils, not even enrolling an app.
        foreach (var page in new[] { "/", "/Pupils", "/Account/TwoFactor/Setup" })
        {
            var response = await newcomer.GetAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/Password", response.Headers.Location!.OriginalString);
        }

        Assert.Contains("data-testid=\"must-change-password\"", await newcomer.GetPageAsync("/Account/Password"), StringComparison.Ordinal);
        var same = await newcomer.PostFormAsync("/Account/Password", "/Account/Password",
            [new("CurrentPassword", AdminPassword), new("NewPassword", AdminPassword), new("ConfirmPassword", AdminPassword)]);
        Assert.Contains(PasswordController.SamePassword, await same.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        var changed = await newcomer.PostFormAsync("/Account/Password", "/Account/Password",
            [new("CurrentPassword", AdminPassword), new("NewPassword", OwnPassword), new("ConfirmPassword", OwnPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var home = await newcomer.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("/Account/TwoFactor/Setup", home.Headers.Location!.OriginalString);
        var setup = await newcomer.GetPageAsync("/Account/TwoFactor/Setup");
        var key = TwoFactorSteps.KeyFrom(setup);
        Assert.Contains("Inschrijfcode van de beheerder", setup, StringComparison.Ordinal);

        var withoutCode = await newcomer.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup",
            [new("Code", Authenticator.Code(key, Fixture.Clock.GetUtcNow()))]);
        var wrongCode = await newcomer.PostFormAsync("/Account/TwoFactor/Setup", "/Account/TwoFactor/Setup",
            [new("EnrolmentCode", "ABCD-EFGH-JKMN-PQRS"), new("Code", Authenticator.Code(key, Fixture.Clock.GetUtcNow()))]);

        Assert.Contains(TwoFactorController.EnrolmentCodeMissing,
            await withoutCode.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(TwoFactorController.EnrolmentCodeWrong,
            await wrongCode.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        await TwoFactorSteps.SetUpAsync(newcomer, Fixture.Clock, enrolmentCode.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        var user = await Fixture.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(user.TwoFactorEnabled);
        Assert.False(user.MustChangePassword);
        Assert.Null(user.EnrolmentCodeHash);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_enrolment_code_is_shown_once_and_stored_only_as_a_hash_valid_72_hours()
    {
        var (email, enrolmentCode) = await CreatedByAdminAsync();

        var user = await Fixture.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(user.MustChangePassword);
        Assert.NotNull(user.EnrolmentCodeHash);
        Assert.DoesNotContain(enrolmentCode.Replace("-", "", StringComparison.Ordinal), user.EnrolmentCodeHash!, StringComparison.Ordinal);
        Assert.Equal(Fixture.Clock.GetUtcNow() + TimeSpan.FromHours(72), user.EnrolmentCodeExpiresAt);
        var edit = await (await AdminAsync()).GetPageAsync($"/Admin/Users/Edit/{user.Id}");
        Assert.DoesNotContain(enrolmentCode, edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_by_the_admin_forces_a_new_password_at_the_next_sign_in()
    {
        var (email, id) = await Fixture.NewAccountAsync(Domain.Organisation.StaffRole.Mentor);
        var admin = await AdminAsync();

        var reset = await admin.PostFormAsync($"/Admin/Users/ResetPassword/{id}", $"/Admin/Users/ResetPassword/{id}",
            [new("Password", AdminPassword), new("ConfirmPassword", AdminPassword)]);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        TwoFactorSteps.EnrolmentCodeFrom(await reset.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var client = await Fixture.SignInAsync(email, AdminPassword);
        var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("/Account/Password", home.Headers.Location!.OriginalString);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.PasswordReset && a.SubjectId == id)));
    }

    private async Task<HttpClient> AdminAsync() =>
        await Fixture.OnceAsync("admin", async () =>
        {
            var client = await Fixture.SignInAsync(TestOrganisation.Admin);
            await TwoFactorSteps.SetUpAsync(client, Fixture.Clock);
            return client;
        });

    private async Task<(string Email, string EnrolmentCode)> CreatedByAdminAsync()
    {
        var admin = await AdminAsync();
        var email = $"nieuw-{Guid.NewGuid():N}@test.example";
        var response = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
        [
            new("Email", email), new("DisplayName", "Nieuwe Mentor"), new("Password", AdminPassword),
            new("ConfirmPassword", AdminPassword), new("Roles", "Mentor"),
            new("LocationIds", Org.NorthId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("MentorGroupIds", Org.GroupB.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (email, TwoFactorSteps.EnrolmentCodeFrom(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }
}

public sealed class FirstSignInTests_Sqlite(SqliteTwoFactorFixture fixture) : FirstSignInTests<SqliteTwoFactorFixture>(fixture);

public sealed class FirstSignInTests_PostgreSql(PostgreSqlTwoFactorFixture fixture) : FirstSignInTests<PostgreSqlTwoFactorFixture>(fixture);

public sealed class FirstSignInTests_SqlServer(SqlServerTwoFactorFixture fixture) : FirstSignInTests<SqlServerTwoFactorFixture>(fixture);

/// <summary>The enrolment code's rules on the account itself, without a database.</summary>
public sealed class EnrolmentCodeAccountTests
{
    private static readonly DateTimeOffset Now = FakeClock.Default;

    [Fact]
    public void A_code_works_until_72_hours_after_it_was_issued_and_not_after()
    {
        var user = new PortalUser();
        var code = user.IssueEnrolmentCode(Now);

        Assert.True(user.EnrolmentCodeMatches(code, Now + TimeSpan.FromHours(72) - TimeSpan.FromSeconds(1)));
        Assert.False(user.EnrolmentCodeMatches(code, Now + TimeSpan.FromHours(72)));
    }

    [Fact]
    public void A_used_code_and_a_replaced_code_no_longer_work()
    {
        var user = new PortalUser();
        var first = user.IssueEnrolmentCode(Now);
        var second = user.IssueEnrolmentCode(Now);

        Assert.False(user.EnrolmentCodeMatches(first, Now));
        Assert.True(user.EnrolmentCodeMatches(second, Now));
        user.UseUpEnrolmentCode();
        Assert.False(user.EnrolmentCodeMatches(second, Now));
        Assert.False(user.HasValidEnrolmentCode(Now));
    }
}
