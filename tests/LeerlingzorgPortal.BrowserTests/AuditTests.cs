using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

public sealed partial class AuditTests
{
    private readonly BrowserFixture _browser;

    public AuditTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_coordinator_filters_the_audit_log_on_a_pupil_and_reviews_the_unusual_access_of_the_demo_care_worker()
    {
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Auditlog", Exact = true }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Auditlog", Level = 1 })).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("auditlog");

        // A pupil from the log itself (the demo board has weeks of reads), searched by pupil number.
        var rows = coordinator.Page.GetByTestId("audit-row");
        var pupilCell = rows.Locator("td:nth-child(5)").Filter(new() { HasTextRegex = PupilNumber() }).First;
        var number = PupilNumber().Match(await pupilCell.InnerTextAsync()).Groups[1].Value;
        await coordinator.Page.GetByLabel("Leerling (naam of leerlingnummer)").FillAsync(number);
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        await Assertions.Expect(coordinator.Page).ToHaveURLAsync(new Regex($"pupil={number}"));
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        foreach (var text in await rows.Locator("td:nth-child(5)").AllInnerTextsAsync())
        {
            Assert.Contains($"({number})", text, StringComparison.Ordinal);
        }

        await coordinator.AssertAccessibleAsync();

        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Ongebruikelijke toegang" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Ongebruikelijke toegang", Level = 1 })).ToBeVisibleAsync();
        // The demo care worker is flagged. Other browser tests download and read as the coordinator too, so
        // others may be flagged as well; whoever is flagged comes before everyone who is not.
        var rowsOfOverview = coordinator.Page.GetByTestId("unusual-row");
        var worker = rowsOfOverview.Filter(new() { Has = coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Youssef El Amrani" }) });
        await Assertions.Expect(worker).ToHaveAttributeAsync("data-flagged", "true");
        var flags = new List<string>();
        foreach (var row in await rowsOfOverview.AllAsync())
        {
            flags.Add(await row.GetAttributeAsync("data-flagged") ?? "");
        }

        Assert.Equal(flags.OrderByDescending(f => f == "true").ToList(), flags);
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("ongebruikelijke-toegang");

        var first = worker;
        await first.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Heading, new() { Name = "Auditlog", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(coordinator.Page.GetByLabel("Medewerker")).ToHaveValueAsync(new Regex(".+"));
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync("Youssef El Amrani");
        await coordinator.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_privacy_officer_sees_pseudonyms_and_looks_up_a_name_with_a_reason()
    {
        await using var officer = await _browser.NewPageAsync();
        await officer.SignInAsync(DemoAccounts.PrivacyOfficer);
        await officer.Page.GetByRole(AriaRole.Link, new() { Name = "Auditlog", Exact = true }).ClickAsync();
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Heading, new() { Name = "Auditlog", Level = 1 })).ToBeVisibleAsync();
        await officer.AssertAccessibleAsync();

        // Every pupil in the log is a pseudonym; following one narrows the log to that pupil and offers the lookup.
        var pseudonym = officer.Page.GetByTestId("audit-row").Locator("td:nth-child(5) a").First;
        var text = await pseudonym.InnerTextAsync();
        Assert.Matches(Pseudonym(), text);
        await pseudonym.ClickAsync();
        await Assertions.Expect(officer.Page.GetByTestId("audit-lookup")).ToBeVisibleAsync();
        await officer.AssertAccessibleAsync();

        await officer.Page.GetByLabel($"Reden om de naam achter {text} op te vragen").FillAsync("kort");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Naam opvragen" }).ClickAsync();
        await Assertions.Expect(officer.Page.GetByText("Geef een reden van minstens 10 tekens", new() { Exact = false })).ToBeVisibleAsync();
        await officer.Page.GetByLabel($"Reden om de naam achter {text} op te vragen").FillAsync("Inzageverzoek van de ouders, ontvangen per brief");
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Naam opvragen" }).ClickAsync();
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Heading, new() { Name = "Naam opgevraagd", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(officer.Page.GetByTestId("named-lookup")).ToContainTextAsync("Inzageverzoek van de ouders");
        await officer.AssertAccessibleAsync();
    }

    [GeneratedRegex(@"^L-\d+")]
    private static partial Regex Pseudonym();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex PupilNumber();
}
