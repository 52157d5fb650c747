using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Account;

/// <summary>Changing one's own password (ASVS V6.2.2/V6.2.3), each test on a fresh account.</summary>
public abstract class PasswordChangeTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string Page = "/Account/Password";
    private const string NewPassword = "fietsen langs de gracht in november";

    [Fact]
    public async Task A_changed_password_replaces_the_old_one_and_is_audited()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var response = await ChangeAsync(client, TestOrganisation.Password, NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var home = await client.GetPageAsync("/");
        Assert.Contains("Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.", home, StringComparison.Ordinal);
        Assert.False(await SignsInAsync(email, TestOrganisation.Password));
        Assert.True(await SignsInAsync(email, NewPassword));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(
            a => a.Action == AuditAction.PasswordChanged && a.UserId == id && a.SubjectId == id, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_in_Dutch_and_changes_nothing()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var response = await ChangeAsync(client, "niet mijn wachtwoord", NewPassword, NewPassword);

        var html = await AssertFormAgainAsync(response);
        Assert.Contains("Je huidige wachtwoord klopt niet.", html, StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, TestOrganisation.Password));
        Assert.False(await SignsInAsync(email, NewPassword));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(
            a => a.Action == AuditAction.PasswordChanged && a.UserId == id, TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData("kort genoeg", "Het wachtwoord moet minstens 12 tekens lang zijn.")]
    [InlineData("Wachtwoord2026!!", "Dit wachtwoord is te voorspelbaar")]
    public async Task A_weak_new_password_is_refused_with_the_Dutch_rule(string weak, string message)
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var response = await ChangeAsync(client, TestOrganisation.Password, weak, weak);

        var html = await AssertFormAgainAsync(response);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, TestOrganisation.Password));
    }

    [Fact]
    public async Task A_confirmation_that_differs_is_refused_in_Dutch()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var response = await ChangeAsync(client, TestOrganisation.Password, NewPassword, NewPassword + "!");

        var html = await AssertFormAgainAsync(response);
        Assert.Contains("De twee nieuwe wachtwoorden zijn niet gelijk.", html, StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, TestOrganisation.Password));
    }

    [Fact]
    public async Task Empty_fields_are_refused_in_Dutch()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var response = await ChangeAsync(client, "", "", "");

        var html = await AssertFormAgainAsync(response);
        Assert.Contains("Vul je huidige wachtwoord in.", html, StringComparison.Ordinal);
        Assert.Contains("Vul een nieuw wachtwoord in.", html, StringComparison.Ordinal);
        Assert.Contains("Vul het nieuwe wachtwoord nog een keer in.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_has_password_inputs_with_autocomplete_hints()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var client = await Fixture.SignInAsync(email);

        var html = await client.GetPageAsync(Page);

        Assert.Contains("Wachtwoord wijzigen", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*type=\"password\"[^>]*autocomplete=\"current-password\"[^>]*name=\"CurrentPassword\"", html);
        Assert.Matches("<input[^>]*type=\"password\"[^>]*autocomplete=\"new-password\"[^>]*name=\"NewPassword\"", html);
        Assert.Matches("<input[^>]*type=\"password\"[^>]*autocomplete=\"new-password\"[^>]*name=\"ConfirmPassword\"", html);
        Assert.Contains("href=\"/Account/Password\"", html, StringComparison.Ordinal);
        Assert.Matches("<form[^>]*action=\"/Account/Password\"[^>]*>(?:(?!</form>)[\\s\\S])*name=\"__RequestVerificationToken\"", html);
    }

    [Fact]
    public async Task The_change_ends_the_other_devices_session_and_keeps_this_one()
    {
        var (email, _) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var thisDevice = await Fixture.SignInAsync(email);
        using var otherDevice = await Fixture.SignInAsync(email);

        var response = await ChangeAsync(thisDevice, TestOrganisation.Password, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Identity checks the stamp when time has passed since the cookie was issued (interval zero).
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var other = await otherDevice.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/Account/Login", other.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var mine = await thisDevice.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await thisDevice.GetAsync(new Uri(Page, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in()
    {
        using var client = Fixture.AnonymousClient();

        var response = await client.GetAsync(new Uri(Page, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string confirm) =>
        client.PostFormAsync(Page, Page,
        [
            new("CurrentPassword", current), new("NewPassword", next), new("ConfirmPassword", confirm),
        ]);

    /// <summary>The form again (200), with none of the passwords typed echoed back.</summary>
    private static async Task<string> AssertFormAgainAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("value=\"" + TestOrganisation.Password, html, StringComparison.Ordinal);
        Assert.DoesNotContain(TestOrganisation.Password, html, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Wachtwoord2026!!", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kort genoeg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("niet mijn wachtwoord", html, StringComparison.Ordinal);
        return html;
    }

    private async Task<bool> SignsInAsync(string email, string password)
    {
        using var client = Fixture.AnonymousClient();
        var response = await client.PostFormAsync("/Account/Login", "/Account/Login",
            [new("Email", email), new("Password", password)]);
        return response.StatusCode == HttpStatusCode.Redirect;
    }
}

public sealed class PasswordChangeTests_Sqlite(SqlitePortalFixture fixture) : PasswordChangeTests<SqlitePortalFixture>(fixture);

public sealed class PasswordChangeTests_PostgreSql(PostgreSqlPortalFixture fixture) : PasswordChangeTests<PostgreSqlPortalFixture>(fixture);

public sealed class PasswordChangeTests_SqlServer(SqlServerPortalFixture fixture) : PasswordChangeTests<SqlServerPortalFixture>(fixture);
