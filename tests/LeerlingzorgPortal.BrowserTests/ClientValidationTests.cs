using LeerlingzorgPortal.Web.Data.Seeding;
using Microsoft.Playwright;

namespace LeerlingzorgPortal.BrowserTests;

/// <summary>
/// The browser checks a form's FluentValidation rules before posting (ADR 0041): the referral form with empty
/// required fields shows the server's Dutch messages without a round trip, and posts (with the button pressed)
/// once they are filled.
/// </summary>
public sealed class ClientValidationTests
{
    private readonly BrowserFixture _browser;

    public ClientValidationTests(BrowserFixture browser)
    {
        browser.Require();
        _browser = browser;
    }

    [Fact]
    public async Task The_referral_form_shows_the_Dutch_messages_of_empty_required_fields_without_posting()
    {
        await using var mentor = await _browser.NewPageAsync();
        await mentor.SignInAsync(DemoAccounts.Mentor);
        await mentor.GotoAsync("/Referrals/Create");
        var posts = new List<IRequest>();
        mentor.Page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(request);
            }
        };

        await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Indienen" }).ClickAsync();

        await Assertions.Expect(mentor.Page.Locator("#PupilId-error")).ToHaveTextAsync("Kies de leerling.");
        await Assertions.Expect(mentor.Page.Locator("#Category-error")).ToHaveTextAsync("Kies een categorie.");
        await Assertions.Expect(mentor.Page.Locator("#Urgency-error")).ToHaveTextAsync("Kies de urgentie.");
        await Assertions.Expect(mentor.Page.GetByLabel("Leerling", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Empty(posts);
        await mentor.AssertAccessibleAsync();

        // Filled in, the form posts as before, with the button that was pressed. The post is answered here,
        // not by the portal, so the demo data is not changed.
        await mentor.Page.RouteAsync("**/Referrals/Create", route => route.Request.Method == "POST"
            ? route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!doctype html><html lang=\"nl\"><title>Ontvangen</title></html>" })
            : route.ContinueAsync());
        await mentor.Page.GetByLabel("Leerling", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await mentor.Page.GetByLabel("Categorie").SelectOptionAsync(new SelectOptionValue { Label = "Gedrag" });
        await mentor.Page.GetByLabel("Urgentie").SelectOptionAsync(new SelectOptionValue { Label = "Hoog" });
        var post = await mentor.Page.RunAndWaitForRequestAsync(
            () => mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept" }).ClickAsync(),
            request => request.Method == "POST");
        Assert.Contains("Intent=draft", post.PostData, StringComparison.Ordinal);
        Assert.Contains("Category=Behaviour", post.PostData, StringComparison.Ordinal);
    }
}
