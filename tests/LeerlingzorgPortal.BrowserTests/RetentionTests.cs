using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class RetentionTests
{
    private readonly BrowserFixture _browser;

    public RetentionTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_coordinator_reviews_the_due_list_confirms_one_and_opens_a_former_pupils_inzage()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(DemoAccounts.Coordinator);
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Bewaartermijnen" }).First.ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bewaartermijnen verlopen");
        await Assertions.Expect(tab.Page.GetByTestId("reviews")).ToContainTextAsync("Sanne van Leeuwen");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("retention-due");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Uitgesteld" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("reviews")).ToContainTextAsync("juridische procedure");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Te beoordelen" }).ClickAsync();
        await tab.Page.GetByTestId("reviews").GetByRole(AriaRole.Row).Filter(new() { HasText = "Kevin Dijkstra" })
            .GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("review-counts")).ToContainTextAsync("Gespreksverslagen");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("retention-review");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Verwijdering bevestigen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("verwijderd of geanonimiseerd");
        await Assertions.Expect(tab.Page.GetByTestId("reviews")).Not.ToContainTextAsync("Kevin Dijkstra");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByTestId("reviews").GetByRole(AriaRole.Link, new() { Name = "Sanne van Leeuwen" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Inzage (alle gegevens)" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sanne van Leeuwen");
        await Assertions.Expect(tab.Page.GetByTestId("section-gespreksverslagen")).ToContainTextAsync("Gesprek met de leerling.");
        await Assertions.Expect(tab.Page.GetByTestId("viewers")).ToContainTextAsync("geëxporteerd");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("inzage");
    }

    [Fact]
    public async Task The_admin_sees_the_retention_periods_and_gets_a_Dutch_message_for_a_wrong_one()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(DemoAccounts.Admin);
        await tab.GotoAsync("/Admin/RetentionPeriods");
        await Assertions.Expect(tab.Page.GetByLabel("Zorgdossier")).ToHaveValueAsync("2");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByLabel("Verzuim").FillAsync("30");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(tab.Page.Locator("main")).ToContainTextAsync("De bewaartermijn voor verzuim is een heel aantal jaren van 1 tot en met 20.");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("retention-periods");
    }
}
