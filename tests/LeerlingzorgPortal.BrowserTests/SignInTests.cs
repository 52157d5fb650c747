using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class SignInTests
{
    private readonly BrowserFixture _browser;

    public SignInTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    public static TheoryData<string, string, string> DemoRoles => new()
    {
        { DemoAccounts.Mentor, "Mentor", "mentor" },
        { DemoAccounts.CareWorkerA, "Medewerker leerlingzorg a", "zorg-a" },
        { DemoAccounts.CareWorkerB, "Medewerker leerlingzorg b", "zorg-b" },
        { DemoAccounts.CareWorkerC, "Medewerker leerlingzorg c", "zorg-c" },
        { DemoAccounts.Coordinator, "Zorgcoördinator", "coordinator" },
        { DemoAccounts.SchoolLeader, "Schoolleiding", "schoolleiding" },
        { DemoAccounts.Admin, "Functioneel beheerder", "beheer" },
    };

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public async Task Each_demo_role_signs_in_sees_its_home_page_and_signs_out(string email, string role, string shot)
    {
        await using var tab = await _browser.NewPageAsync();

        await tab.SignInAsync(email);

        await Assertions.Expect(tab.Page.GetByTestId("signed-in-user")).ToContainTextAsync(role);
        await Assertions.Expect(tab.Page.GetByTestId("my-roles")).ToContainTextAsync(role);
        await tab.ScreenshotAsync($"home-{shot}");
        await tab.SignOutAsync();
        await tab.GotoAsync("/");
        await Assertions.Expect(tab.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task The_menu_shows_each_role_only_what_it_may_use()
    {
        await using var mentor = await _browser.NewPageAsync();
        await mentor.SignInAsync(DemoAccounts.Mentor);
        var menu = mentor.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Leerlingen" })).ToBeVisibleAsync();
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Gebruikers" })).ToHaveCountAsync(0);

        await using var leader = await _browser.NewPageAsync();
        await leader.SignInAsync(DemoAccounts.SchoolLeader);
        var leaderMenu = leader.Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Assertions.Expect(leaderMenu.GetByRole(AriaRole.Link, new() { Name = "Leerlingen" })).ToHaveCountAsync(0);
        await Assertions.Expect(leaderMenu.GetByRole(AriaRole.Link, new() { Name = "Gebruikers" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Wrong_or_missing_input_gets_Dutch_messages_next_to_the_fields()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.GotoAsync("/Account/Login");

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("#Email-error")).ToHaveTextAsync("Vul je e-mailadres in.");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByLabel("E-mailadres").FillAsync(DemoAccounts.Mentor);
        await tab.Page.GetByLabel("Wachtwoord").FillAsync("FoutWachtwoord1");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Onbekend e-mailadres of onjuist wachtwoord.");
        await Assertions.Expect(tab.Page.GetByLabel("E-mailadres")).ToHaveValueAsync(DemoAccounts.Mentor);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("sign-in-error");
    }

    [Fact]
    public async Task Signing_in_works_with_the_keyboard_alone()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.GotoAsync("/Account/Login");

        await tab.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" })).ToBeFocusedAsync();
        await tab.Page.Keyboard.PressAsync("Enter");
        await tab.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(tab.Page.GetByLabel("E-mailadres")).ToBeFocusedAsync();
        await tab.Page.Keyboard.TypeAsync(DemoAccounts.CareWorkerA);
        await tab.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(tab.Page.GetByLabel("Wachtwoord")).ToBeFocusedAsync();
        await tab.Page.Keyboard.TypeAsync(DemoAccounts.Password);
        await tab.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welkom, Youssef El Amrani");
    }
}
