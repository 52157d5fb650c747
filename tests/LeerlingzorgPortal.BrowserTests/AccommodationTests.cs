using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class AccommodationTests
{
    private const string Detail = "30% extra tijd bij toetsen en schriftelijke overhoringen";
    private const string Ground = "Dyslexieverklaring (2025, Praktijk Lees en Leer), besproken met ouders";

    private readonly BrowserFixture _browser;

    public AccommodationTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task A_care_worker_grants_extra_time_and_the_mentor_prints_the_group_overview_that_shows_it_without_the_ground()
    {
        string pupilName;
        string pupilPath;
        await using (var worker = await _browser.NewPageAsync())
        {
            var page = worker.Page;
            await worker.SignInAsync(DemoAccounts.CareWorkerA);
            // The demo has accommodations running out within six weeks that this care worker granted.
            await Assertions.Expect(page.GetByTestId("accommodation-signals").Locator("li").First).ToBeVisibleAsync();

            await worker.GotoAsync("/Pupils");
            await page.GetByLabel("Mentorgroep").SelectOptionAsync(new SelectOptionValue { Label = "1A (RC-N)" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Faciliteiten in mentorgroep 1A (RC-N) (overzicht voor docenten)" })).ToBeVisibleAsync();
            await worker.AssertAccessibleAsync();
            await page.Locator("tbody th a").Nth(7).ClickAsync();
            pupilName = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim();
            pupilPath = new Uri(page.Url).AbsolutePath;

            await page.GetByRole(AriaRole.Link, new() { Name = "Faciliteit toekennen" }).ClickAsync();
            await worker.AssertAccessibleAsync();
            await page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "Extra tijd" });
            await page.GetByLabel("Wat precies (voor docenten)").FillAsync(Detail);
            await page.GetByLabel("Reden of verklaring").FillAsync(Ground);
            await worker.ScreenshotAsync("accommodation-grant");
            await page.GetByRole(AriaRole.Button, new() { Name = "Toekennen" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De faciliteit is toegekend.");
            var table = page.GetByTestId("accommodations");
            await Assertions.Expect(table).ToContainTextAsync(Detail);
            await Assertions.Expect(table).ToContainTextAsync(Ground);
            await Assertions.Expect(table).ToContainTextAsync("Youssef El Amrani");
            await worker.AssertAccessibleAsync();
            await worker.ScreenshotAsync("accommodation-pupil");

            // The edit page, where the care worker changes or withdraws it, passes the accessibility check too.
            await table.GetByRole(AriaRole.Link, new() { Name = "Wijzigen of intrekken" }).First.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Faciliteit intrekken" })).ToBeVisibleAsync();
            await worker.AssertAccessibleAsync();
        }

        await using var mentor = await _browser.NewPageAsync();
        var mentorPage = mentor.Page;
        await mentor.SignInAsync(DemoAccounts.Mentor);
        await mentorPage.GetByRole(AriaRole.Link, new() { Name = "faciliteiten in 1A" }).ClickAsync();
        await Assertions.Expect(mentorPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Faciliteiten in mentorgroep 1A");
        var overview = mentorPage.GetByTestId("group-accommodations");
        await Assertions.Expect(overview).ToContainTextAsync(pupilName);
        await Assertions.Expect(overview).ToContainTextAsync(Detail);
        await Assertions.Expect(mentorPage.Locator("main")).Not.ToContainTextAsync("Dyslexieverklaring");
        await mentor.AssertAccessibleAsync();
        await mentor.ScreenshotAsync("accommodation-group");

        // The print button is wired by an external script (the CSP allows no inline script); stub the dialog itself.
        await mentorPage.EvaluateAsync("() => { window.print = () => { window.printed = true; }; }");
        await mentorPage.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" }).ClickAsync();
        Assert.True(await mentorPage.EvaluateAsync<bool>("() => window.printed === true"));

        // The mentor sees the accommodation on the pupil page without its ground, and the pupil's faciliteitenpas.
        await mentorPage.GetByRole(AriaRole.Link, new() { Name = "Terug naar de startpagina" }).ClickAsync();
        await mentor.GotoAsync(pupilPath);
        await Assertions.Expect(mentorPage.GetByTestId("accommodations")).ToContainTextAsync(Detail);
        await Assertions.Expect(mentorPage.GetByTestId("accommodations")).Not.ToContainTextAsync("Dyslexieverklaring");
        await mentor.AssertAccessibleAsync();
        await mentorPage.GetByRole(AriaRole.Link, new() { Name = "Faciliteitenpas" }).ClickAsync();
        await Assertions.Expect(mentorPage.GetByTestId("card-pupil")).ToHaveTextAsync(pupilName);
        await Assertions.Expect(mentorPage.GetByTestId("card-accommodations")).ToContainTextAsync(Detail);
        await Assertions.Expect(mentorPage.Locator("main")).Not.ToContainTextAsync("Dyslexieverklaring");
        await mentor.AssertAccessibleAsync();
        await mentor.ScreenshotAsync("accommodation-card");
    }

    [Fact]
    public async Task The_coordinator_follows_the_home_page_signal_to_all_expiring_accommodations()
    {
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.Page.GetByTestId("accommodation-signals-more").ClickAsync();

        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Faciliteiten die binnenkort verlopen", Level = 1 }))
            .ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Toegekend door");
        Assert.True(await coordinator.Page.GetByRole(AriaRole.Table).Locator("tbody tr").CountAsync() > 8);
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("accommodation-expiring");
    }
}
