using System.Text.Json;
using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

/// <summary>
/// One browser tab on the portal, with the checks every visited page gets: no serious or critical
/// axe-core violations, no errors in the console (a script blocked by the content security policy
/// shows there) and no file that failed to load.
/// </summary>
public sealed class PortalPage : IAsyncDisposable
{
    private const string AxeRun = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];

    public PortalPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Page.Console += (_, message) =>
        {
            // A page that is itself a 404 (the Dutch "Niet gevonden" page) logs a load error; failed
            // files are caught by the response check below instead.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _consoleErrors.Add(message.Text);
            }
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                _consoleErrors.Add($"{response.Status} for {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await AssertAccessibleAsync();
    }

    /// <summary>Runs axe-core on the page as it is now and fails on serious or critical violations.</summary>
    public async Task AssertAccessibleAsync()
    {
        await WaitUntilLoadedAsync(Page);
        var violations = await Page.EvaluateAsync<JsonElement>(AxeRun);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"Accessibility violations on {Page.Url}:\n{string.Join('\n', list)}");
        Assert.True(_consoleErrors.Count == 0, $"Console errors on {Page.Url}:\n{string.Join('\n', _consoleErrors)}");
    }

    /// <summary>Waits until the document in the tab has fully loaded.</summary>
    /// <remarks>
    /// A click on a link returns once the new page is committed, not parsed: a long form may then still
    /// lack the labels after its first fields. Playwright's WaitForLoadStateAsync follows the lifecycle
    /// events the browser sends to the client; once in CI it saw "networkidle" but never "load" after a
    /// click and ran into its 30-second timeout. Asking the document itself does not depend on catching
    /// an event, and Playwright asks again in a page that replaces this one.
    /// </remarks>
    public static async Task WaitUntilLoadedAsync(IPage page) =>
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");

    public async Task SignInAsync(string email, string password = DemoAccounts.Password)
    {
        await GotoAsync("/Account/Login");
        await Page.GetByLabel("E-mailadres").FillAsync(email);
        await Page.GetByLabel("Wachtwoord").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welkom");
        await AssertAccessibleAsync();
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Je bent uitgelogd.");
        await AssertAccessibleAsync();
    }

    /// <summary>Saves a full-page screenshot under docs/screenshots for the README.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}

internal static class Screenshots
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LeerlingzorgPortal.sln")))
        {
            directory = directory.Parent;
        }

        var folder = directory is null
            ? Path.Combine(AppContext.BaseDirectory, "screenshots")
            : Path.Combine(directory.FullName, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
