using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class ReportTests
{
    private readonly BrowserFixture _browser;

    public ReportTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_school_leader_opens_the_care_offering_report_and_narrows_it_to_one_location()
    {
        await using var leader = await _browser.NewPageAsync();
        await leader.SignInAsync(DemoAccounts.SchoolLeader);
        await leader.Page.GetByRole(AriaRole.Link, new() { Name = "Zorgaanbod en faciliteiten" }).ClickAsync();
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Heading, new() { Name = "Zorgaanbod en faciliteiten", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Table).Nth(1)).ToContainTextAsync("Extra tijd");
        await leader.AssertAccessibleAsync();
        await leader.ScreenshotAsync("report-care-offering");

        var download = await leader.Page.RunAndWaitForDownloadAsync(() =>
            leader.Page.GetByRole(AriaRole.Link, new() { Name = "Excel (faciliteiten per soort)" }).ClickAsync());
        Assert.Equal("zorgaanbod-faciliteiten-2026-2027.xlsx", download.SuggestedFilename);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 0);

        await leader.Page.GetByLabel("Locatie").SelectOptionAsync(new SelectOptionValue { Label = "Rijnstreek College, locatie Zuid" });
        await leader.Page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(leader.Page.GetByLabel("Locatie")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Table).Nth(1).Locator("thead")).Not.ToContainTextAsync("Noord");
        await leader.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_school_leader_opens_the_care_figures_with_the_caseload_per_care_worker()
    {
        await using var leader = await _browser.NewPageAsync();
        await leader.SignInAsync(DemoAccounts.SchoolLeader);
        await leader.Page.GetByRole(AriaRole.Link, new() { Name = "Zorg in cijfers" }).ClickAsync();

        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Heading, new() { Name = "Zorg in cijfers", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Table).First).ToContainTextAsync("Basisondersteuning");
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Table).Nth(1)).ToContainTextAsync("Lopende trajecten");
        await leader.AssertAccessibleAsync();
        await leader.ScreenshotAsync("report-care-figures");
    }
}
