using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed class CoordinatorReportTests
{
    private static readonly string[] Lists =
        ["Achterstallige actiepunten", "Geen contact", "OPP-deadlines", "Besproken in het ZAT", "Wachten op terugkoppeling"];

    private readonly BrowserFixture _browser;

    public CoordinatorReportTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_coordinator_opens_every_signal_list_and_follows_a_name_to_the_case()
    {
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Rapportage", Exact = true }).ClickAsync();
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Signaallijsten" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Signaallijsten", Level = 1 })).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("signaallijsten");

        // Every list has at least one pupil on the demo board (other tests may add more in the meantime).
        foreach (var list in Lists)
        {
            await coordinator.Page.GetByRole(AriaRole.Navigation, new() { Name = "Signaallijsten" })
                .GetByRole(AriaRole.Link, new() { Name = list, Exact = true }).ClickAsync();
            await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = list, Level = 2 })).ToBeVisibleAsync();
            await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Table).Locator("tbody tr").First).ToBeVisibleAsync();
            await coordinator.AssertAccessibleAsync();
        }

        await coordinator.Page.GetByRole(AriaRole.Navigation, new() { Name = "Signaallijsten" })
            .GetByRole(AriaRole.Link, new() { Name = "Geen contact", Exact = true }).ClickAsync();
        var name = coordinator.Page.GetByRole(AriaRole.Table).Locator("tbody th a").First;
        var pupil = (await name.InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(pupil));
        await name.ClickAsync();
        await Assertions.Expect(coordinator.Page).ToHaveURLAsync(new Regex("/Referrals/Details/[0-9]+$"));
        await Assertions.Expect(coordinator.Page.Locator("main")).ToContainTextAsync(pupil);
        await coordinator.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_school_leader_gets_a_404_for_the_signal_lists()
    {
        await using var leader = await _browser.NewPageAsync();
        await leader.SignInAsync(DemoAccounts.SchoolLeader);
        var response = await leader.Page.GotoAsync("/Reports/Coordinator");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Link, new() { Name = "Signaallijsten" })).ToHaveCountAsync(0);
    }
}
