using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class ProtocolTests
{
    private readonly BrowserFixture _browser;

    public ProtocolTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_coordinator_updates_the_bullying_protocol_and_the_incident_form_links_to_the_new_version()
    {
        await using var tab = await _browser.NewPageAsync();
        var page = tab.Page;
        var sentence = $"Bij pesten in de groepsapp bewaart de mentor schermafbeeldingen ({Guid.NewGuid():N}).";
        await tab.SignInAsync(DemoAccounts.Coordinator);
        await Assertions.Expect(page.GetByTestId("protocol-signals")).ToContainTextAsync("Meldcodeprotocol");

        await page.GetByRole(AriaRole.Link, new() { Name = "Protocollen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Protocollen en richtlijnen");
        await Assertions.Expect(page.GetByTestId("review-overdue")).Not.ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("protocols");

        await page.GetByTestId("protocol-list").GetByRole(AriaRole.Link, new() { Name = "Pestprotocol", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pestprotocol");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("protocol");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe versie schrijven" }).ClickAsync();
        await tab.AssertAccessibleAsync();
        var body = page.GetByLabel("Tekst (Markdown)");
        await body.FillAsync(await body.InputValueAsync() + "\n\n" + sentence);
        await page.GetByLabel("Toelichting op deze versie (optioneel)").FillAsync("Afspraak over bewijs bij cyberpesten.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld tonen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("protocol-preview")).ToContainTextAsync(sentence);
        await tab.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe versie opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De nieuwe versie is opgeslagen");
        await Assertions.Expect(page.GetByTestId("protocol-body")).ToContainTextAsync(sentence);
        await Assertions.Expect(page.GetByTestId("protocol-history")).ToContainTextAsync("Afspraak over bewijs bij cyberpesten.");
        await tab.AssertAccessibleAsync();

        await page.GetByTestId("protocol-history").GetByRole(AriaRole.Link, new() { Name = "Versie 1 lezen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("old-version")).ToContainTextAsync("oude versie");
        await Assertions.Expect(page.GetByTestId("protocol-body")).Not.ToContainTextAsync(sentence);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("protocol-old-version");

        await tab.GotoAsync("/Incidents/Create");
        await page.GetByTestId("protocol-link-bullying").GetByRole(AriaRole.Link, new() { Name = "Pestprotocol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pestprotocol");
        await Assertions.Expect(page.GetByTestId("protocol-body")).ToContainTextAsync(sentence);
        await Assertions.Expect(page.GetByTestId("old-version")).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_mentor_reads_the_protocols_but_cannot_write_them()
    {
        await using var tab = await _browser.NewPageAsync();
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.Mentor);
        await Assertions.Expect(page.GetByTestId("protocol-signals")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Protocollen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nieuw protocol" })).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();
        await page.GetByTestId("protocol-list").GetByRole(AriaRole.Link, new() { Name = "Verzuimprotocol", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("protocol-body")).ToContainTextAsync("16 uur ongeoorloofd verzuim in 4 lesweken");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Nieuwe versie schrijven" })).ToHaveCountAsync(0);
        await tab.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Afdrukken" }).ClickAsync();
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("M@ZL");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("protocol-print");

        await tab.GotoAsync("/Protocols/Create");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
    }
}
