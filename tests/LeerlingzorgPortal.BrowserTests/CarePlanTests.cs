using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class CarePlanTests
{
    private readonly BrowserFixture _browser;

    public CarePlanTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task Care_worker_b_writes_activates_evaluates_and_continues_a_plan_as_version_two()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(DemoAccounts.CareWorkerB);
        await tab.Page.GetByTestId("home-cases").GetByRole(AriaRole.Link).First.ClickAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuw ondersteuningsplan" }).ClickAsync();
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByLabel("Titel").FillAsync("Rustig werken in de klas");
        await tab.Page.GetByLabel("Doel 1", new() { Exact = true }).FillAsync("Werkt 20 minuten zelfstandig");
        await tab.Page.GetByLabel("Streefdatum doel 1").FillAsync("2027-01-15");
        await tab.Page.GetByLabel("Doel 2", new() { Exact = true }).FillAsync("Vraagt op tijd om hulp");
        await tab.Page.GetByLabel("Streefdatum doel 2").FillAsync("2027-02-01");
        await tab.Page.GetByLabel("Maatregel 1", new() { Exact = true }).FillAsync("Vaste werkplek vooraan");
        await tab.Page.GetByLabel("Door wie (1)").FillAsync("Alle docenten");
        await tab.Page.GetByLabel("Hoe vaak (1)").FillAsync("elke les");
        await tab.Page.GetByLabel("In de klas (1)").CheckAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("plan-version")).ToHaveTextAsync("Versie 1");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Activeren" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("plan-status")).ToHaveTextAsync("Actief");
        await tab.Page.Locator("#goal-0-PartlyReached").CheckAsync();
        await tab.Page.Locator("#goal-1-Reached").CheckAsync();
        await tab.Page.GetByLabel("Samenvatting").FillAsync("Zelfstandig werken lukt steeds beter.");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Evaluatie vastleggen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("plan-status")).ToHaveTextAsync("Geëvalueerd");
        await Assertions.Expect(tab.Page.GetByTestId("evaluation")).ToContainTextAsync("deels bereikt");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("plan-evaluated");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Voortzetten met een nieuwe versie" }).ClickAsync();
        await tab.AssertAccessibleAsync();
        await tab.Page.GetByLabel("Doel 1", new() { Exact = true }).FillAsync("Werkt 30 minuten zelfstandig");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("plan-version")).ToHaveTextAsync("Versie 2");
        await Assertions.Expect(tab.Page.GetByTestId("plan-status")).ToHaveTextAsync("Concept");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "vergelijk met versie 1" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("changes")).ToContainTextAsync("Werkt 30 minuten zelfstandig");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("plan-compare");
    }

    [Fact]
    public async Task A_coordinator_turns_a_plan_into_an_opp_records_consent_and_prints_it()
    {
        await using var tab = await _browser.NewPageAsync();
        await tab.SignInAsync(DemoAccounts.Coordinator);
        await Assertions.Expect(tab.Page.GetByTestId("plan-signals")).ToContainTextAsync("Jaarlijkse evaluatie te laat");
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Zorgtrajecten" }).First.ClickAsync();
        await tab.Page.Locator("tbody th a").First.ClickAsync();
        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Nieuw ondersteuningsplan" }).ClickAsync();
        await tab.Page.GetByLabel("Titel").FillAsync("Ontwikkelingsperspectief");
        await tab.Page.GetByLabel("Doel 1", new() { Exact = true }).FillAsync("Haalt het basisniveau voor rekenen");
        await tab.Page.GetByLabel("Streefdatum doel 1").FillAsync("2027-06-01");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await tab.Page.GetByLabel("Ondersteuningsbehoefte vastgesteld op").FillAsync("2026-11-10");
        await tab.Page.GetByLabel("Verwacht uitstroomprofiel").FillAsync("vmbo basis");
        await tab.Page.GetByLabel("Onderbouwing van het uitstroomprofiel").FillAsync("Past bij de toetsresultaten.");
        await tab.Page.GetByLabel("Handelingsdeel (welke ondersteuning, door wie, hoe lang)").FillAsync("Rekenbegeleiding, twee uur per week, dit schooljaar.");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Omzetten naar OPP" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("needs-consent")).ToBeVisibleAsync();
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Vaststellen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("page-error")).ToContainTextAsync("zonder instemming van de ouders");
        await tab.AssertAccessibleAsync();

        await tab.Page.GetByLabel("De ouders stemmen in").CheckAsync();
        await tab.Page.GetByLabel("Door wie").FillAsync("Moeder");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Reactie vastleggen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("consents")).ToContainTextAsync("instemming van Moeder");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Vaststellen" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByTestId("plan-status")).ToHaveTextAsync("Actief");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("opp");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Afdrukken" }).ClickAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Ontwikkelingsperspectiefplan");
        await Assertions.Expect(tab.Page.GetByTestId("school")).ToContainTextAsync("Rijnstreek College");
        await tab.AssertAccessibleAsync();
        await tab.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het plan" })).ToBeHiddenAsync();
        await tab.ScreenshotAsync("opp-print");
        await Assertions.Expect(tab.Page).ToHaveURLAsync(new Regex("/CarePlans/Print/"));
    }
}
