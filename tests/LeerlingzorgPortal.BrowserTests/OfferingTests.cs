using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

/// <summary>
/// The care offering (zorgaanbod) and the sociale kaart in the browser: the catalogue with a full
/// intervention and its waiting list, keeping the catalogue, enrolling from a case page (with the
/// waiting-list offer when full), and the agencies with their details.
/// </summary>
public sealed partial class OfferingTests
{
    private readonly BrowserFixture _browser;

    public OfferingTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_coordinator_opens_the_catalogue_and_sees_capacity_participants_and_waiting_list_of_a_full_intervention()
    {
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);

        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Zorgaanbod" }).First.ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zorgaanbod");
        await Assertions.Expect(coordinator.Page.GetByTestId("interventions")).ToContainTextAsync("Rots en Water");
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("offering-catalogue");

        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Faalangstreductietraining" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByTestId("occupancy")).ToContainTextAsync(OccupiedRegex());
        await Assertions.Expect(coordinator.Page.GetByTestId("participants").Locator("li").First).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Page.GetByTestId("waiting-list").Locator("li").First).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Page.GetByTestId("past-enrolments")).ToContainTextAsync("Afgerond");
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("offering-intervention");
    }

    [Fact]
    public async Task A_care_worker_b_adds_an_intervention_after_the_Dutch_messages_for_empty_fields()
    {
        var name = $"Mindfulness {Guid.NewGuid():N}"[..20];
        await using var worker = await _browser.NewPageAsync();
        await worker.SignInAsync(DemoAccounts.CareWorkerB);
        await worker.GotoAsync("/Interventions");
        await worker.Page.GetByRole(AriaRole.Link, new() { Name = "Interventie toevoegen" }).ClickAsync();
        await worker.AssertAccessibleAsync();

        await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul de naam van de interventie in.");
        await worker.AssertAccessibleAsync();

        await worker.Page.GetByLabel("Naam").FillAsync(name);
        await worker.Page.GetByLabel("Omschrijving").FillAsync("Zes bijeenkomsten aandachtstraining voor rust in je hoofd.");
        await worker.Page.GetByLabel("Doelgroep").FillAsync("Leerjaar 3 en 4 met stressklachten");
        await worker.Page.GetByLabel("Aanbieder").FillAsync("Mw. S. de Boer");
        await worker.Page.GetByLabel("Ondersteuningsniveau").SelectOptionAsync(new SelectOptionValue { Label = "Basisondersteuning" });
        await worker.Page.GetByLabel("Capaciteit (leerlingen tegelijk)").FillAsync("8");
        await worker.Page.GetByLabel("Periode of rondes").FillAsync("Maart–april");
        await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De interventie is toegevoegd aan het zorgaanbod.");
        await Assertions.Expect(worker.Page.GetByTestId("occupancy")).ToContainTextAsync("bezet 0 van 8");
        await worker.AssertAccessibleAsync();
        await worker.Page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen", Exact = true }).ClickAsync();
        await Assertions.Expect(worker.Page.GetByLabel("Naam")).ToHaveValueAsync(name);
        await worker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_care_worker_enrols_a_pupil_from_the_case_page_and_gets_the_waiting_list_offered_when_full()
    {
        await using var worker = await _browser.NewPageAsync();
        await worker.SignInAsync(DemoAccounts.CareWorkerA);
        await worker.Page.GetByRole(AriaRole.Link, new() { Name = "Zorgtrajecten" }).First.ClickAsync();
        await worker.AssertAccessibleAsync();
        // A quiet case of this care worker: the demo keeps those pupils out of both interventions used here.
        await worker.Page.Locator("tbody tr", new() { HasText = "Stil" }).First.Locator("th a").ClickAsync();
        await worker.AssertAccessibleAsync();

        var choose = worker.Page.GetByLabel("Interventie", new() { Exact = true });
        await choose.SelectOptionAsync(new SelectOptionValue { Label = await OptionAsync(choose, "Rots en Water") });
        await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Inschrijven", Exact = true }).ClickAsync();
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De leerling is ingeschreven.");
        await Assertions.Expect(worker.Page.GetByTestId("enrolments")).ToContainTextAsync("Rots en Water");
        await worker.AssertAccessibleAsync();

        await choose.SelectOptionAsync(new SelectOptionValue { Label = await OptionAsync(choose, "Faalangstreductietraining") });
        await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Inschrijven", Exact = true }).ClickAsync();
        await Assertions.Expect(worker.Page.GetByTestId("intervention-full")).ToContainTextAsync("Faalangstreductietraining is vol");
        await worker.AssertAccessibleAsync();
        await worker.ScreenshotAsync("offering-enrol-full");
        await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Op de wachtlijst zetten" }).ClickAsync();
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De leerling staat op de wachtlijst.");
        await Assertions.Expect(worker.Page.GetByTestId("enrolments")).ToContainTextAsync("Op de wachtlijst");
        await worker.AssertAccessibleAsync();
        await worker.ScreenshotAsync("offering-case-enrolments");

        await worker.Page.GetByRole(AriaRole.Link, new() { Name = "Tijdlijn van de leerling" }).ClickAsync();
        await Assertions.Expect(worker.Page.Locator("main")).ToContainTextAsync("Ingeschreven voor Rots en Water");
        await worker.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Staff_search_the_sociale_kaart_and_open_an_agency_with_how_to_refer()
    {
        await using var mentor = await _browser.NewPageAsync();
        await mentor.SignInAsync(DemoAccounts.Mentor);
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Sociale kaart" }).First.ClickAsync();
        await Assertions.Expect(mentor.Page.GetByTestId("agencies")).ToContainTextAsync("Jeugdzorg Rijnstreek");
        await mentor.AssertAccessibleAsync();
        await mentor.ScreenshotAsync("offering-social-map");

        await mentor.Page.GetByLabel("Zoek op naam of aanbod").FillAsync("dyslexie");
        await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Assertions.Expect(mentor.Page.GetByTestId("agencies")).ToContainTextAsync("Dyslexiecentrum De Letterbrug");
        await Assertions.Expect(mentor.Page.GetByTestId("agencies")).Not.ToContainTextAsync("Jeugdzorg Rijnstreek");
        await mentor.AssertAccessibleAsync();

        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Dyslexiecentrum De Letterbrug" }).ClickAsync();
        await Assertions.Expect(mentor.Page.GetByTestId("agency-how-to-refer")).ToContainTextAsync("leerlingdossier");
        await Assertions.Expect(mentor.Page.GetByTestId("agency-contact")).ToContainTextAsync("aanmelden@letterbrug.example");
        await Assertions.Expect(mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen", Exact = true })).ToHaveCountAsync(0);
        await mentor.AssertAccessibleAsync();
        await mentor.ScreenshotAsync("offering-agency");

        // A mentor reads the catalogue too, with counts but without the names of participants.
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Zorgaanbod" }).First.ClickAsync();
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Faalangstreductietraining" }).ClickAsync();
        await Assertions.Expect(mentor.Page.GetByTestId("names-hidden")).ToBeVisibleAsync();
        await Assertions.Expect(mentor.Page.GetByTestId("participants")).ToHaveCountAsync(0);
        await mentor.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_coordinator_adds_an_agency_to_the_sociale_kaart_after_a_Dutch_message()
    {
        var name = $"Kinderpraktijk {Guid.NewGuid():N}"[..22];
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.GotoAsync("/Agencies");
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Instantie toevoegen" }).ClickAsync();
        await coordinator.AssertAccessibleAsync();

        await coordinator.Page.GetByLabel("Naam van de instantie").FillAsync(name);
        await coordinator.Page.GetByLabel("Soort instantie").SelectOptionAsync(new SelectOptionValue { Label = "Overig" });
        await coordinator.Page.GetByLabel("Website (https://…)").FillAsync("www.zonder-https.example");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("De website moet beginnen met https:// of http://.");
        await coordinator.AssertAccessibleAsync();

        await coordinator.Page.GetByLabel("Website (https://…)").FillAsync("https://www.kinderpraktijk.example");
        await coordinator.Page.GetByLabel("Hoe te verwijzen").FillAsync("Ouders melden aan via de website.");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De instantie staat op de sociale kaart.");
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "https://www.kinderpraktijk.example" })).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync();

        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen", Exact = true }).ClickAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.Page.GetByLabel("Regio").FillAsync("Rijnstreek-Noord");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De instantie is opgeslagen.");
        await Assertions.Expect(coordinator.Page.Locator("main")).ToContainTextAsync("regio Rijnstreek-Noord");
        await coordinator.AssertAccessibleAsync();
    }

    private static async Task<string> OptionAsync(ILocator select, string startsWith)
    {
        foreach (var text in await select.Locator("option").AllInnerTextsAsync())
        {
            if (text.StartsWith(startsWith, StringComparison.Ordinal))
            {
                return text;
            }
        }

        throw new InvalidOperationException($"No option starting with {startsWith}");
    }

    [GeneratedRegex("bezet (\\d+) van \\1")]
    private static partial Regex OccupiedRegex();
}
