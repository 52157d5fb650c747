using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

/// <summary>The admin imports the sample export; the broken sample is explained row by row; a warm handover feeds the intake queue.</summary>
public sealed class ImportTests
{
    private readonly BrowserFixture _browser;

    public ImportTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    private static string Sample(string name) => Path.Combine(Screenshots.Folder, "..", "samples", name);

    [Fact]
    public async Task The_admin_imports_the_sample_export_and_the_mentor_finds_the_new_pupils()
    {
        await using (var admin = await _browser.NewPageAsync())
        {
            await admin.SignInAsync(DemoAccounts.Admin);
            await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Import" }).First.ClickAsync();
            await Assertions.Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Leerlingen importeren");
            await admin.AssertAccessibleAsync();

            // The broken sample first: every problem row explained, nothing to confirm.
            await admin.Page.GetByLabel("Exportbestand").SetInputFilesAsync(Sample("leerlingen-met-fouten.csv"));
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bekijken" }).ClickAsync();
            var problems = admin.Page.GetByTestId("import-problems");
            await Assertions.Expect(problems.Locator("tr")).ToHaveCountAsync(6);
            await Assertions.Expect(problems).ToContainTextAsync("leerlingnummer ontbreekt");
            await Assertions.Expect(problems).ToContainTextAsync("geboortedatum '31-02-2014' is geen geldige datum");
            await Assertions.Expect(problems).ToContainTextAsync("onbekende locatie 'Locatie West'");
            await Assertions.Expect(problems).ToContainTextAsync("leerlingnummer staat ook op regel 5");
            await Assertions.Expect(problems).ToContainTextAsync("formule");
            await Assertions.Expect(problems).ToContainTextAsync("achternaam ontbreekt");
            await Assertions.Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Import bevestigen" })).ToHaveCountAsync(0);
            await admin.AssertAccessibleAsync();
            await admin.ScreenshotAsync("import-errors");
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
            await Assertions.Expect(admin.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("er is niets veranderd");

            // The clean sample: preview, confirm.
            await admin.Page.GetByLabel("Exportbestand").SetInputFilesAsync(Sample("leerlingen-nieuw-schooljaar.csv"));
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bekijken" }).ClickAsync();
            var summary = admin.Page.GetByTestId("import-summary");
            await Assertions.Expect(summary).ToContainTextAsync("Nieuwe leerlingen: 8");
            await Assertions.Expect(summary).ToContainTextAsync("Nieuwe mentorgroepen: 1 (1C)");
            await Assertions.Expect(summary).ToContainTextAsync("Regels met een probleem: 0");
            await admin.Page.GetByText("Toon de wijzigingen").ClickAsync();
            await Assertions.Expect(admin.Page.GetByTestId("import-changes")).ToContainTextAsync("310003 Yara El Amrani: nieuwe leerling");
            await admin.AssertAccessibleAsync();
            await admin.ScreenshotAsync("import-preview");
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Import bevestigen" }).ClickAsync();
            await Assertions.Expect(admin.Page.GetByTestId("import-done")).ToContainTextAsync("nieuw 8");
            await admin.AssertAccessibleAsync();
        }

        await using var mentor = await _browser.NewPageAsync();
        await mentor.SignInAsync("mentor3@demo.school.example");
        await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Leerlingen" }).First.ClickAsync();
        await mentor.Page.GetByLabel("Zoek op naam of leerlingnummer").FillAsync("3100");
        await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Assertions.Expect(mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Bakker, Noor" })).ToBeVisibleAsync();
        await Assertions.Expect(mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Berg, Daan van den" })).ToBeVisibleAsync();
        await mentor.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_warm_handover_that_needs_care_lands_in_the_coordinators_intake_queue()
    {
        await using var coordinator = await _browser.NewPageAsync();
        await coordinator.SignInAsync(DemoAccounts.Coordinator);
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Leerlingen" }).First.ClickAsync();
        await coordinator.Page.GetByLabel("Mentorgroep").SelectOptionAsync(new SelectOptionValue { Label = "2A (RC-N)" });
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        var pupilLink = coordinator.Page.Locator("tbody th a").Last;
        await pupilLink.ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByTestId("no-handover")).ToBeVisibleAsync();

        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Warme overdracht vastleggen" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Vul de vorige school in.");
        await coordinator.Page.GetByLabel("Vorige school", new() { Exact = true }).FillAsync("Basisschool De Wilgenhoek");
        await coordinator.Page.GetByLabel("Samenvatting van het onderwijskundig rapport").FillAsync("Faalangst bij toetsen; rekenen op niveau 1F.");
        await coordinator.Page.GetByLabel("Ondersteuning tot nu toe").FillAsync("Faalangsttraining in groep 8.");
        await coordinator.Page.GetByLabel("Er was een gesprek met de vorige school").CheckAsync();
        await coordinator.Page.GetByLabel("Datum van het gesprek").FillAsync("2026-06-18");
        await coordinator.Page.GetByLabel("Zorg nodig: zet de leerling in de intakewachtrij").CheckAsync();
        await coordinator.Page.GetByRole(AriaRole.Button, new() { Name = "Warme overdracht vastleggen" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByRole(AriaRole.Status).First).ToContainTextAsync("de leerling staat in de intakewachtrij");
        await Assertions.Expect(coordinator.Page.GetByTestId("handover")).ToContainTextAsync("ja, op 18-06-2026");
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("handover");

        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "aanmelding uit de warme overdracht" }).ClickAsync();
        await Assertions.Expect(coordinator.Page.GetByTestId("status")).ToHaveTextAsync("Ingediend");
        await Assertions.Expect(coordinator.Page.Locator("main")).ToContainTextAsync("warme overdracht, vastgelegd door");
        await coordinator.AssertAccessibleAsync();

        // The queue shows referrals from handovers with their own badge (the demo board has one, too).
        await coordinator.Page.GetByRole(AriaRole.Link, new() { Name = "Intake" }).First.ClickAsync();
        await Assertions.Expect(coordinator.Page.Locator("tbody tr", new() { HasText = "Warme overdracht" }).First).ToBeVisibleAsync();
        await coordinator.AssertAccessibleAsync();
        await coordinator.ScreenshotAsync("intake-handover");
    }
}
