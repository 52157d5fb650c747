using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class MeetingTests
{
    private readonly BrowserFixture _browser;

    public MeetingTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_coordinator_prepares_runs_and_closes_a_zat_and_the_mentor_gets_the_action_item()
    {
        await using var tab = await _browser.NewPageAsync();
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.Coordinator);

        // Plan a ZAT a quarter of an hour from now, with two external partners.
        await page.GetByRole(AriaRole.Link, new() { Name = "Overleggen" }).First.ClickAsync();
        await tab.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Overleg plannen" }).ClickAsync();
        await tab.AssertAccessibleAsync();
        await page.GetByLabel("Soort overleg").SelectOptionAsync(new SelectOptionValue { Label = "ZAT" });
        await page.GetByLabel("Datum").FillAsync("2026-11-22");
        await page.GetByLabel("Tijd").FillAsync("09:45");
        await page.GetByLabel("Voorzitter").SelectOptionAsync(new SelectOptionValue { Label = "Fatma Yilmaz" });
        await page.GetByLabel("Notulist").SelectOptionAsync(new SelectOptionValue { Label = "Youssef El Amrani" });
        await page.GetByLabel("Sanne de Vries").CheckAsync();
        // The first partner's organisation comes from the sociale kaart (offered as suggestions), its kind left open.
        await Assertions.Expect(page.Locator("datalist#agency-names option[value='GGD Hollands Midden']")).ToHaveCountAsync(1);
        await page.GetByLabel("Naam (1)").FillAsync("Dr. Anouk Bos");
        await page.GetByLabel("Organisatie (1)", new() { Exact = true }).FillAsync("GGD Hollands Midden");
        await page.GetByLabel("Naam (2)").FillAsync("Mark de Wit");
        await page.GetByLabel("Soort organisatie (2)").SelectOptionAsync(new SelectOptionValue { Label = "Leerplicht" });
        await page.GetByLabel("Organisatie (2)", new() { Exact = true }).FillAsync("Gemeente Rijnstreek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plannen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("Gepland");
        var meetingUrl = new Uri(page.Url).PathAndQuery;
        await Assertions.Expect(page.GetByTestId("externals")).ToContainTextAsync("GGD / jeugdarts");
        await Assertions.Expect(page.GetByTestId("externals").GetByRole(AriaRole.Link, new() { Name = "GGD Hollands Midden" }))
            .ToHaveAttributeAsync("href", new Regex("^/Agencies/Details/[0-9]+$"));
        await tab.AssertAccessibleAsync();

        // Two suggested pupils with consent go on the agenda; the one without is refused.
        var suggestions = page.GetByTestId("suggestions").Locator("li");
        await Assertions.Expect(suggestions).ToHaveCountAsync(3);
        for (var added = 0; added < 2; added++)
        {
            await suggestions.Filter(new() { HasNotText = "Geen toestemming" }).First.GetByRole(AriaRole.Button).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De leerling staat op de agenda.");
        }

        var withoutConsent = suggestions.Filter(new() { HasText = "Geen toestemming" });
        var pupilName = (await withoutConsent.InnerTextAsync()).Split(" – ")[0].Replace("Op de agenda", "", StringComparison.Ordinal).Trim();
        await withoutConsent.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-error")).ToContainTextAsync("geen geldige toestemming van de ouders");
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("meeting-refused");

        // Record the parents' consent on the pupil page, then add the pupil after all.
        await page.GetByRole(AriaRole.Link, new() { Name = "Leerlingen" }).First.ClickAsync();
        await page.GetByLabel("Zoek op naam of leerlingnummer").FillAsync(pupilName.Split(' ')[^1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.Locator("tbody th a").First.ClickAsync();
        await page.GetByLabel("Gegeven op").FillAsync("2026-11-22");
        await page.GetByLabel("Door wie").FillAsync("Moeder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toestemming vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("consents")).ToContainTextAsync("Moeder");
        await tab.AssertAccessibleAsync();
        await page.GotoAsync(meetingUrl);
        await page.GetByTestId("suggestions").Locator("li").First.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("agenda-item")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("consent-missing")).ToHaveCountAsync(0);

        // Print the agenda, internal and external.
        await page.GetByRole(AriaRole.Link, new() { Name = "Agenda afdrukken" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("print-agenda").Locator("li")).ToHaveCountAsync(3);
        await tab.AssertAccessibleAsync();
        await tab.ScreenshotAsync("meeting-agenda");
        await page.GotoAsync($"/Meetings/Agenda/{meetingUrl.Split('/')[^1]}?external=true");
        await Assertions.Expect(page.GetByTestId("external-version")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
        await page.GotoAsync(meetingUrl);

        // Minutes with an action item for the mentor, then close once the meeting has begun.
        var first = page.GetByTestId("agenda-item").First;
        await first.GetByLabel("Bespreking").FillAsync("Zorgen over verzuim besproken met leerplicht en GGD.");
        await first.GetByLabel("Besluiten").FillAsync("Jeugdarts nodigt leerling uit; mentor bespreekt het rooster.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Notulen opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De notulen zijn opgeslagen.");
        var item = page.GetByTestId("agenda-item").First;
        await item.Locator("summary", new() { HasText = "Actiepunt uit dit besluit" }).ClickAsync();
        await item.GetByLabel("Actiepunt", new() { Exact = true }).FillAsync("Rooster bespreken met de leerling");
        await item.GetByLabel("Eigenaar").SelectOptionAsync(new SelectOptionValue { Label = "Sanne de Vries" });
        await item.GetByLabel("Deadline").FillAsync("2026-11-29");
        await item.GetByRole(AriaRole.Button, new() { Name = "Actiepunt toevoegen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het actiepunt staat in het zorgtraject");
        await tab.AssertAccessibleAsync();

        _browser.Clock.Advance(TimeSpan.FromMinutes(20));
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Overleg sluiten" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("meeting-status")).ToHaveTextAsync("Gesloten");
            await Assertions.Expect(page.GetByTestId("decisions").First).ToContainTextAsync("Jeugdarts nodigt leerling uit");
            await tab.AssertAccessibleAsync();
            await tab.ScreenshotAsync("meeting-closed");

            await using var mentor = await _browser.NewPageAsync();
            await mentor.SignInAsync(DemoAccounts.Mentor);
            await Assertions.Expect(mentor.Page.GetByTestId("my-action-items")).ToContainTextAsync("Rooster bespreken met de leerling");
            await Assertions.Expect(mentor.Page).ToHaveURLAsync(new Regex("/$"));
        }
        finally
        {
            _browser.Clock.Advance(TimeSpan.FromMinutes(-20));
        }
    }
}
