using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class AdminTests
{
    private readonly BrowserFixture _browser;

    public AdminTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_admin_creates_a_mentor_resets_the_password_and_deactivates_the_account()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(DemoAccounts.Admin);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Gebruikers" }).First.ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gebruikers");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("admin-users");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe gebruiker" }).ClickAsync();
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Aanmaken" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#Email-error")).ToHaveTextAsync("Vul het e-mailadres in.");
        await tab.AssertAccessibleAsync();

        const string email = "kees.nieuwenhuis@demo.school.example";
        await tab.Page.GetByLabel("E-mailadres (ook de gebruikersnaam)").FillAsync(email);
        await tab.Page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Kees Nieuwenhuis");
        await tab.Page.GetByLabel("Mentor", new() { Exact = true }).CheckAsync();
        await tab.Page.GetByLabel("Rijnstreek College, locatie Noord").CheckAsync();
        await tab.Page.GetByLabel("1B (", new() { Exact = false }).First.CheckAsync();
        await tab.Page.GetByLabel("Eerste wachtwoord").FillAsync("Welkom2026Nu");
        await tab.Page.GetByLabel("Herhaal het wachtwoord").FillAsync("Welkom2026Nu");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Aanmaken" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het account van Kees Nieuwenhuis is aangemaakt.");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inschrijfcode voor Kees Nieuwenhuis");
        await Assertions.Expect(tab.Page.GetByTestId("enrolment-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$"));
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("admin-enrolment-code");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het account" }).ClickAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("admin-user-edit");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord opnieuw instellen" }).ClickAsync();
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Nieuw wachtwoord").FillAsync("AnderWachtwoord3");
        await tab.Page.GetByLabel("Herhaal het wachtwoord").FillAsync("AnderWachtwoord4");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#ConfirmPassword-error")).ToHaveTextAsync("De twee wachtwoorden zijn niet gelijk.");
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Nieuw wachtwoord").FillAsync("AnderWachtwoord3");
        await tab.Page.GetByLabel("Herhaal het wachtwoord").FillAsync("AnderWachtwoord3");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het wachtwoord van Kees Nieuwenhuis is ingesteld");
        // No authenticator app yet: the reset comes with a fresh enrolment code.
        await Assertions.Expect(tab.Page.GetByTestId("enrolment-code")).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het account" }).ClickAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Deactiveren" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("account-status")).ToHaveTextAsync("Gedeactiveerd");
        await tab.AssertAccessibleAsync();

        await using var newcomer = await _browser.NewPageAsync();
        await newcomer.GotoAsync("/Account/Login");
        await newcomer.Page.GetByLabel("E-mailadres").FillAsync(email);
        await newcomer.Page.GetByLabel("Wachtwoord").FillAsync("AnderWachtwoord3");
        await newcomer.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(newcomer.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Dit account is geblokkeerd");
    }

    [Fact]
    public async Task The_admin_adds_an_incident_category()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(DemoAccounts.Admin);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Incidentcategorieën" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("custom-categories")).ToContainTextAsync("Vuurwerk");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByLabel("Nieuwe categorie").FillAsync("Brandalarm misbruik");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De categorie is toegevoegd.");
        await Assertions.Expect(tab.Page.GetByTestId("custom-categories")).ToContainTextAsync("Brandalarm misbruik");
        await tab.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_admin_adds_a_mentor_group_to_a_location()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(DemoAccounts.Admin);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Organisatie" }).First.ClickAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("admin-organisation");

        var name = "K" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant();
        var location = tab.Page.Locator(".card").Filter(new() { HasText = "locatie Zuid" });
        await location.GetByLabel("Nieuwe mentorgroep").FillAsync(name);
        await location.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De mentorgroep is toegevoegd.");
        await Assertions.Expect(tab.Page.Locator(".card").Filter(new() { HasText = "locatie Zuid" })).ToContainTextAsync(name);
        await tab.AssertAccessibleAsync();
    }
}
