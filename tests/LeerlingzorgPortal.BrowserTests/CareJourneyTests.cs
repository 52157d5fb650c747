using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

/// <summary>
/// The whole journey of a referral in the browser, each role in its own session, with a screenshot
/// of every step for the README.
/// </summary>
public sealed partial class CareJourneyTests
{
    private readonly BrowserFixture _browser;

    public CareJourneyTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task From_the_mentors_signal_to_a_closed_case()
    {
        // 1. The mentor registers a pupil of their group.
        string referralUrl;
        string pupilName;
        await using (var mentor = await _browser.NewPageAsync())
        {
            await mentor.SignInAsync(DemoAccounts.Mentor);
            await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Aanmeldingen" }).First.ClickAsync();
            await mentor.AssertAccessibleAsync();
            await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Leerling aanmelden" }).ClickAsync();
            await mentor.AssertAccessibleAsync();
            var pupil = mentor.Page.GetByLabel("Leerling", new() { Exact = true });
            var option = await pupil.Locator("option").Nth(8).InnerTextAsync();
            pupilName = PupilName(option);
            await pupil.SelectOptionAsync(new SelectOptionValue { Label = option });
            await mentor.Page.GetByLabel("Categorie").SelectOptionAsync(new SelectOptionValue { Label = "Gedrag" });
            await mentor.Page.GetByLabel("Urgentie").SelectOptionAsync(new SelectOptionValue { Label = "Hoog" });
            await mentor.Page.GetByLabel("Hulpvraag").FillAsync("Raakt in conflict met klasgenoten en loopt de les uit.");
            await mentor.Page.GetByLabel("Wat heb je al geprobeerd?").FillAsync("Twee gesprekken en een plek voorin de klas.");
            await mentor.Page.GetByLabel("De ouders/verzorgers zijn geïnformeerd").CheckAsync();
            await mentor.Page.GetByLabel("Geïnformeerd op").FillAsync("2026-11-20");
            await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();
            await Assertions.Expect(mentor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De aanmelding is ingediend");
            await Assertions.Expect(mentor.Page.GetByTestId("status")).ToHaveTextAsync("Ingediend");
            await mentor.AssertAccessibleAsync();
            await mentor.ScreenshotAsync("journey-1-referral");
            referralUrl = new Uri(mentor.Page.Url).PathAndQuery;
        }

        // 2. The coordinator finds it in the intake queue and assigns a care worker.
        await using (var coordinator = await _browser.NewPageAsync())
        {
            await coordinator.SignInAsync(DemoAccounts.Coordinator);
            await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Intake" }).First.ClickAsync();
            await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Link, new() { Name = pupilName })).ToBeVisibleAsync();
            await coordinator.AssertAccessibleAsync();
            await coordinator.ScreenshotAsync("journey-2-intake");
            await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = pupilName }).First.ClickAsync();
            await coordinator.AssertAccessibleAsync();
            await coordinator.Page.GetByLabel("Medewerker leerlingzorg").SelectOptionAsync(new SelectOptionValue { Label = "Youssef El Amrani" });
            await coordinator.Page.GetByLabel("Extra ondersteuning").CheckAsync();
            await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Toewijzen" }).ClickAsync();
            await Assertions.Expect(coordinator.Page.GetByTestId("status")).ToHaveTextAsync("Toegewezen");
            await Assertions.Expect(coordinator.Page.GetByTestId("care-worker")).ToHaveTextAsync("Youssef El Amrani");
            await coordinator.AssertAccessibleAsync();
            await coordinator.ScreenshotAsync("journey-3-assigned");
        }

        // 3. The care worker talks with the pupil and gives the mentor an action item.
        await using (var worker = await _browser.NewPageAsync())
        {
            await worker.SignInAsync(DemoAccounts.CareWorkerA);
            await Assertions.Expect(worker.Page.GetByTestId("home-cases")).ToContainTextAsync(pupilName);
            await worker.Page.GotoAsync(referralUrl);
            await worker.AssertAccessibleAsync();
            await worker.Page.GetByLabel("leerling", new() { Exact = true }).CheckAsync();
            await worker.Page.GetByLabel("Samenvatting", new() { Exact = true }).FillAsync("Gesprek over de conflicten; de leerling wil graag hulp bij boosheid.");
            await worker.Page.GetByLabel("Afspraken (zichtbaar voor de mentor, tenzij vertrouwelijk)").FillAsync("Time-out kaart in de les.");
            await worker.Page.GetByLabel("Actiepunt", new() { Exact = true }).FillAsync("Time-out kaart uitleggen aan de klas");
            await worker.Page.Locator("#note-action-owner").SelectOptionAsync(new SelectOptionValue { Label = "Sanne de Vries" });
            await worker.Page.Locator("#note-action-due").FillAsync("2026-11-29");
            await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Verslag opslaan" }).ClickAsync();
            await Assertions.Expect(worker.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Het gespreksverslag is toegevoegd.");
            await Assertions.Expect(worker.Page.GetByTestId("status")).ToHaveTextAsync("In behandeling");
            await worker.AssertAccessibleAsync();
            await worker.ScreenshotAsync("journey-4-note");
        }

        // 4. The mentor sees the status and their action item, not the conversation itself.
        await using (var mentor = await _browser.NewPageAsync())
        {
            await mentor.SignInAsync(DemoAccounts.Mentor);
            await Assertions.Expect(mentor.Page.GetByTestId("my-action-items")).ToContainTextAsync("Time-out kaart uitleggen aan de klas");
            await Assertions.Expect(mentor.Page.GetByTestId("unread-count")).ToBeVisibleAsync();
            await mentor.ScreenshotAsync("journey-5-mentor-home");
            await mentor.Page.GotoAsync(referralUrl);
            await Assertions.Expect(mentor.Page.GetByTestId("status")).ToHaveTextAsync("In behandeling");
            await Assertions.Expect(mentor.Page.GetByTestId("notes")).ToContainTextAsync("Time-out kaart in de les.");
            await Assertions.Expect(mentor.Page.GetByText("wil graag hulp bij boosheid")).ToHaveCountAsync(0);
            await mentor.AssertAccessibleAsync();
            await mentor.ScreenshotAsync("journey-6-mentor-case");
        }

        // 5. The care worker closes the case.
        await using (var worker = await _browser.NewPageAsync())
        {
            await worker.SignInAsync(DemoAccounts.CareWorkerA);
            await worker.Page.GotoAsync(referralUrl);
            await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Afsluiten" }).ClickAsync();
            await Assertions.Expect(worker.Page.GetByText("Kies de uitkomst.")).ToBeVisibleAsync();
            await worker.AssertAccessibleAsync();
            await worker.Page.GetByLabel("Uitkomst").SelectOptionAsync(new SelectOptionValue { Label = "Doelen bereikt" });
            await worker.Page.GetByLabel("Afsluitende samenvatting").FillAsync("Conflicten zijn afgenomen; time-out werkt.");
            await worker.Page.GetByRole(AriaRole.Button, new() { Name = "Afsluiten" }).ClickAsync();
            await Assertions.Expect(worker.Page.GetByTestId("status")).ToHaveTextAsync("Afgesloten");
            await worker.AssertAccessibleAsync();
            await worker.ScreenshotAsync("journey-7-closed");
        }
    }

    [Fact]
    public async Task The_care_screens_are_accessible_and_reachable_by_their_menus()
    {
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.ScreenshotAsync("home-coordinator-care");
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Zorgtrajecten" }).First.ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zorgtrajecten");
        await coordinator.AssertAccessibleAsync();
        await coordinator.Page.GetByLabel("Van wie").SelectOptionAsync("false");
        await coordinator.Page.GetByLabel("Welke").SelectOptionAsync("true");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("tbody").GetByTestId("status").First).ToHaveTextAsync(new Regex("Afgesloten|Doorverwezen"));
        await coordinator.AssertAccessibleAsync();
        await coordinator.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Meldingen") }).First.ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meldingen");
        await Assertions.Expect(coordinator.Page.GetByTestId("notifications")).ToContainTextAsync("wacht op triage");
        await coordinator.AssertAccessibleAsync();
        await coordinator.Page.GetByTestId("notifications").Locator("li", new() { HasText = "wacht op triage" }).First
            .GetByRole(AriaRole.Button, new() { Name = "Bekijken" }).ClickAsync();
        await Assertions.Expect(coordinator.Page).ToHaveURLAsync(new Regex("/Referrals/Details/"));
        await coordinator.AssertAccessibleAsync();

        await using var mentor = await _browser.NewPageAsync();
        await mentor.SignInAsync(DemoAccounts.Mentor);
        // The mentor's drafts, whatever other tests have added to the home page's ten latest.
        await mentor.GotoAsync("/Referrals?status=Draft&mine=true");
        await mentor.AssertAccessibleAsync();
        await mentor.Page.Locator("tbody a").First.ClickAsync();
        await Assertions.Expect(mentor.Page.GetByTestId("status")).ToHaveTextAsync("Concept");
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Concept wijzigen" }).ClickAsync();
        await mentor.AssertAccessibleAsync();
        await mentor.Page.GetByLabel("Hulpvraag").FillAsync("");
        await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();
        await Assertions.Expect(mentor.Page.Locator("#Question-error")).ToHaveTextAsync("Vul de hulpvraag in voordat je de aanmelding indient.");
        await mentor.AssertAccessibleAsync();
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Actiepunten" }).First.ClickAsync();
        await Assertions.Expect(mentor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn actiepunten");
        await mentor.AssertAccessibleAsync();
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Leerlingen" }).First.ClickAsync();
        await mentor.Page.Locator("tbody th a").First.ClickAsync();
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Tijdlijn" }).ClickAsync();
        await Assertions.Expect(mentor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tijdlijn van");
        await mentor.AssertAccessibleAsync();
        await mentor.ScreenshotAsync("timeline");
    }

    private static string PupilName(string option)
    {
        // "Jong, Anna de (1A, 240013)" reads on screen as "Anna de Jong".
        var name = option[..option.IndexOf(" (", StringComparison.Ordinal)];
        var parts = name.Split(", ");
        return $"{parts[1]} {parts[0]}";
    }
}
