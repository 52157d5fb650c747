using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class TwoFactorTests
{
    private readonly BrowserFixture _browser;

    public TwoFactorTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task A_user_sets_up_an_authenticator_app_and_signs_in_with_a_code()
    {
        // An account of its own: the demo accounts keep signing in without a second factor.
        var (email, enrolmentCode) = await NewAccountAsync();
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(email);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Tweestapsverificatie" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tweestapsverificatie instellen");
        await Assertions.Expect(tab.Page.GetByAltText("QR-code voor je authenticator-app")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        var key = await tab.Page.GetByTestId("authenticator-key").InnerTextAsync();
        // Without the beheerder's enrolment code the password alone enrols nothing (ADR 0038).
        await tab.Page.GetByLabel("Code uit de app").FillAsync(Authenticator.Code(key, _browser.Clock.GetUtcNow()));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Controleren en aanzetten" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#EnrolmentCode-error")).ToHaveTextAsync("Vul de inschrijfcode in die je van de functioneel beheerder kreeg.");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Inschrijfcode van de beheerder").FillAsync(enrolmentCode);
        await tab.Page.GetByLabel("Code uit de app").FillAsync(Authenticator.Code(key, _browser.Clock.GetUtcNow()));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Controleren en aanzetten" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Herstelcodes");
        await Assertions.Expect(tab.Page.GetByTestId("recovery-codes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await tab.AssertAccessibleAsync();
        await tab.SignOutAsync();

        await tab.Page.GetByLabel("E-mailadres").FillAsync(email);
        await tab.Page.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Code uit je app");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Geen toegang tot je app? Gebruik een herstelcode" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inloggen met een herstelcode");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar de code uit je app" }).ClickAsync();
        await tab.AssertAccessibleAsync();
        // The code of the next 30 seconds (an app a little ahead): the one used at set-up is spent.
        await tab.Page.GetByLabel("Code").FillAsync(Authenticator.Code(key, _browser.Clock.GetUtcNow().AddSeconds(30)));
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welkom");
        await tab.AssertAccessibleAsync();
        await tab.GotoAsync("/Account/TwoFactor");
        await Assertions.Expect(tab.Page.GetByTestId("two-factor-status")).ToContainTextAsync("aan");
    }

    [Fact]
    public async Task A_user_sees_their_sessions_and_ends_the_one_on_another_computer()
    {
        var (email, _) = await NewAccountAsync();
        await using var elsewhere = await _browser.NewPageAsync();
        await elsewhere.SignInAsync(email);
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(email);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Mijn sessies" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn sessies");
        await Assertions.Expect(tab.Page.GetByTestId("sessions").Locator("tbody tr")).ToHaveCountAsync(2);
        await tab.AssertAccessibleAsync();
        var other = tab.Page.GetByTestId("sessions").Locator("tbody tr", new() { HasText = "Andere sessie" });
        await other.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await other.GetByRole(AriaRole.Button, new() { Name = "Beëindigen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Eén andere sessie is beëindigd.");
        await tab.AssertAccessibleAsync();

        await elsewhere.Page.ReloadAsync();
        await Assertions.Expect(elsewhere.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_user_changes_their_password_after_a_Dutch_message_and_signs_in_with_the_new_one()
    {
        var (email, _) = await NewAccountAsync();
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(email);

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wachtwoord wijzigen");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Huidig wachtwoord").FillAsync("Niet mijn wachtwoord");
        await tab.Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Lange zin met fietsen en tulpen");
        await tab.Page.GetByLabel("Nieuw wachtwoord herhalen").FillAsync("Lange zin met fietsen en tulpen");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#CurrentPassword-error")).ToHaveTextAsync("Je huidige wachtwoord klopt niet.");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByLabel("Huidig wachtwoord").FillAsync(DemoAccounts.Password);
        await tab.Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Lange zin met fietsen en tulpen");
        await tab.Page.GetByLabel("Nieuw wachtwoord herhalen").FillAsync("Lange zin met fietsen en tulpen");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("home-message")).ToContainTextAsync("Je wachtwoord is gewijzigd.");
        await tab.AssertAccessibleAsync();

        await using var later = await _browser.NewPageAsync();
        await later.SignInAsync(email, "Lange zin met fietsen en tulpen");
        await Assertions.Expect(later.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welkom");
    }

    [Fact]
    public async Task A_new_account_chooses_its_own_password_first()
    {
        var (email, _) = await NewAccountAsync(mustChangePassword: true);
        await using var tab = await _browser.NewPageAsync();
        await tab.GotoAsync("/Account/Login");
        await tab.Page.GetByLabel("E-mailadres").FillAsync(email);
        await tab.Page.GetByLabel("Wachtwoord").FillAsync(DemoAccounts.Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wachtwoord wijzigen");
        await Assertions.Expect(tab.Page.GetByTestId("must-change-password")).ToContainTextAsync("Kies eerst een eigen wachtwoord");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Huidig wachtwoord").FillAsync(DemoAccounts.Password);
        await tab.Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await tab.Page.GetByLabel("Nieuw wachtwoord herhalen").FillAsync(DemoAccounts.Password);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#NewPassword-error")).ToHaveTextAsync("Kies een ander wachtwoord dan je huidige.");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Huidig wachtwoord").FillAsync(DemoAccounts.Password);
        await tab.Page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("Mijn eigen zin met molens");
        await tab.Page.GetByLabel("Nieuw wachtwoord herhalen").FillAsync("Mijn eigen zin met molens");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord wijzigen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("home-message")).ToContainTextAsync("Je wachtwoord is gewijzigd.");
    }

    private async Task<(string Email, string EnrolmentCode)> NewAccountAsync(bool mustChangePassword = false)
    {
        var email = $"tweestaps-{Guid.NewGuid():N}@demo.school.example";
        await using var scope = _browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email };
        var enrolmentCode = user.IssueEnrolmentCode(_browser.Clock.GetUtcNow());
        if (mustChangePassword)
        {
            user.RequirePasswordChange();
        }

        Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
        await users.AddToRoleAsync(user, nameof(StaffRole.Admin));
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.StaffMembers.Add(new StaffMember(user.Id, "Tessa Tweestaps", email));
        await db.SaveChangesAsync();
        return (email, enrolmentCode);
    }
}
