using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class DashboardTests
{
    private readonly BrowserFixture _browser;

    public DashboardTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_school_leader_reads_the_dashboard_narrows_the_period_and_downloads_a_table_as_excel()
    {
        await using var leader = await _browser.NewPageAsync();
        var page = leader.Page;
        await leader.SignInAsync(DemoAccounts.SchoolLeader);
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapportage", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard leerlingzorg", Level = 1 })).ToBeVisibleAsync();
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Staafgrafiek: aanmeldingen per maand, gestapeld per categorie" });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.EvaluateAsync<bool>("canvas => window.Chart !== undefined && Chart.getChart(canvas) !== undefined"),
            "Chart.js did not draw the referrals chart");
        var referrals = page.GetByRole(AriaRole.Table, new() { Name = "Aanmeldingen per maand en categorie (ingediend in de periode)" });
        await Assertions.Expect(referrals).ToContainTextAsync("Sociaal-emotioneel");
        await Assertions.Expect(referrals.Locator("thead")).ToContainTextAsync("sep 2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Lijngrafiek: pest- en cyberpestincidenten per maand" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-timing")).ToContainTextAsync("mediaan");
        await leader.AssertAccessibleAsync();
        await leader.ScreenshotAsync("dashboard");

        // A school leader sees the published period only (ADR 0035): no date fields, the year up to its last whole month.
        await Assertions.Expect(page.GetByTestId("dashboard-period")).ToContainTextAsync("van 01-08-2026 tot en met 31-10-2026");
        await Assertions.Expect(page.GetByTestId("published-period-help")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByLabel("Van", new() { Exact = true }).CountAsync());
        await page.GetByLabel("Schooljaar").SelectOptionAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-period")).ToContainTextAsync("van 01-08-2025 tot en met 31-07-2026");
        await Assertions.Expect(referrals.Locator("thead")).ToContainTextAsync("jul 2026");
        await leader.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Excel (aanmeldingen per maand)" }).ClickAsync());
        Assert.Equal("dashboard-aanmeldingen-20250801-20260731.xlsx", download.SuggestedFilename);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 0);
    }

    [Fact]
    public async Task The_coordinator_narrows_the_period_by_dates_and_a_wrong_period_gets_a_dutch_message()
    {
        await using var coordinator = await _browser.NewPageAsync();
        var page = coordinator.Page;
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.GotoAsync("/Reports");
        var referrals = page.GetByRole(AriaRole.Table, new() { Name = "Aanmeldingen per maand en categorie (ingediend in de periode)" });

        await page.GetByLabel("Van", new() { Exact = true }).FillAsync("2026-10-01");
        await page.GetByLabel("Tot en met", new() { Exact = true }).FillAsync("2026-10-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Van", new() { Exact = true })).ToHaveValueAsync("2026-10-01");
        await Assertions.Expect(referrals.Locator("thead")).ToContainTextAsync("okt 2026");
        await Assertions.Expect(referrals.Locator("thead")).Not.ToContainTextAsync("sep 2026");
        await coordinator.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Excel (aanmeldingen per maand)" }).ClickAsync());
        Assert.Equal("dashboard-aanmeldingen-20261001-20261031.xlsx", download.SuggestedFilename);

        await page.GetByLabel("Van", new() { Exact = true }).FillAsync("2026-10-31");
        await page.GetByLabel("Tot en met", new() { Exact = true }).FillAsync("2026-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("De einddatum ligt vóór de begindatum.");
        await Assertions.Expect(page.GetByTestId("dashboard-period")).ToContainTextAsync("van 01-08-2026 tot en met 22-11-2026");
        await Assertions.Expect(page.GetByLabel("Van", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await coordinator.AssertAccessibleAsync();
    }
}
