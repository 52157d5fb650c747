using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class YearReportTests
{
    private readonly BrowserFixture _browser;

    public YearReportTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_coordinator_writes_this_years_goals_and_the_school_leader_reads_last_years_report()
    {
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Rapportage" }).First.ClickAsync();
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Zorgjaarverslag" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Zorgjaarverslag 2026-2027", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Page.GetByTestId("year-report-texts")).ToContainTextAsync("Tussenstand na het eerste blok");
        await coordinator.AssertAccessibleAsync();

        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Teksten schrijven" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByLabel("Toelichting bij de cijfers")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Tussenstand"));
        await coordinator.AssertAccessibleAsync();
        await coordinator.Page.GetByLabel("Doelen voor volgend schooljaar").FillAsync("- Elke mentor volgt de training signaleren.");
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Assertions.Expect(coordinator.Page.GetByText("Het zorgjaarverslag 2026-2027 van Rijnstreek College, locatie Noord is opgeslagen.")).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Page.GetByTestId("year-report-texts").GetByRole(AriaRole.Listitem))
            .ToContainTextAsync("Elke mentor volgt de training signaleren.");
        await coordinator.AssertAccessibleAsync();

        await using var leader = await _browser.NewPageAsync();
        await leader.SignInAsync(DemoAccounts.SchoolLeader);
        await leader.GotoAsync("/Reports/YearReport");
        await leader.Page.GetByLabel("Locatie").SelectOptionAsync(new SelectOptionValue { Label = "Rijnstreek College, locatie Noord" });
        await leader.Page.GetByLabel("Schooljaar").SelectOptionAsync(new SelectOptionValue { Label = "2025-2026" });
        await leader.Page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();

        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Heading, new() { Name = "Zorgjaarverslag 2025-2026", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(leader.Page.GetByTestId("year-report-texts")).ToContainTextAsync("Wat ging goed");
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Button, new() { Name = "Afdrukken" })).ToBeVisibleAsync();
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Link, new() { Name = "Teksten schrijven" })).ToHaveCountAsync(0);
        await leader.AssertAccessibleAsync();
        await leader.ScreenshotAsync("year-report");
    }
}
