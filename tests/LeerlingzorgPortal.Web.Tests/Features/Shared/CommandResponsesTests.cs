using FluentValidation;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LeerlingzorgPortal.Web.Tests.Features.Shared;

/// <summary>The one "validate, run, then redirect or show the page again" of the form actions.</summary>
public sealed class CommandResponsesTests : IDisposable
{
    private readonly PageController _controller = new()
    {
        TempData = new TempDataDictionary(new DefaultHttpContext(), new NoTempDataStore()),
    };

    public void Dispose() => _controller.Dispose();

    [Fact]
    public async Task Done_sets_the_message_and_redirects()
    {
        var redirect = new RedirectResult("/Referrals/Details/1");

        var response = await _controller.RespondAsync(CommandResult.Done, "Het is opgeslagen.", () => redirect, ShowAgainNotExpected);

        Assert.Same(redirect, response);
        Assert.Equal("Het is opgeslagen.", _controller.TempData["Message"]);
    }

    [Fact]
    public async Task Not_found_is_404_without_a_message()
    {
        var response = await _controller.RespondAsync(CommandResult.NotFound, "Het is opgeslagen.", RedirectNotExpected, ShowAgainNotExpected);

        Assert.IsType<NotFoundResult>(response);
        Assert.False(_controller.TempData.ContainsKey("Message"));
    }

    [Theory]
    [InlineData(CommandStatus.Invalid)]
    [InlineData(CommandStatus.Conflict)]
    public async Task Refused_shows_the_page_again_with_the_messages(CommandStatus status)
    {
        var page = new ViewResult();
        var result = new CommandResult(status, [("Text", "Vul het verslag in.")]);

        var response = await _controller.RespondAsync(result, "Het is opgeslagen.", RedirectNotExpected, () => Task.FromResult<IActionResult>(page));

        Assert.Same(page, response);
        Assert.Equal("Vul het verslag in.", Assert.Single(_controller.ModelState["Text"]!.Errors).ErrorMessage);
        Assert.False(_controller.TempData.ContainsKey("Message"));
    }

    [Fact]
    public async Task An_invalid_form_is_not_handled_and_its_errors_stand_next_to_the_fields()
    {
        var handled = false;

        var result = await _controller.RunValidatedAsync(new Form(), new FormValidator(), () =>
        {
            handled = true;
            return Task.FromResult(CommandResult.Done);
        }, TestContext.Current.CancellationToken);

        Assert.False(handled);
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("Vul de tekst in.", Assert.Single(_controller.ModelState[nameof(Form.Text)]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task A_valid_form_is_handled()
    {
        var result = await _controller.RunValidatedAsync(new Form { Text = "tekst" }, new FormValidator(),
            () => Task.FromResult(CommandResult.Conflict("later")), TestContext.Current.CancellationToken);

        Assert.Equal(CommandStatus.Conflict, result.Status);
        Assert.True(_controller.ModelState.IsValid);
    }

    private static IActionResult RedirectNotExpected() => throw new InvalidOperationException("No redirect expected.");

    private static Task<IActionResult> ShowAgainNotExpected() => throw new InvalidOperationException("No page expected.");

    private sealed class PageController : Controller;

    private sealed class Form
    {
        public string? Text { get; set; }
    }

    private sealed class FormValidator : AbstractValidator<Form>
    {
        public FormValidator() => RuleFor(f => f.Text).NotEmpty().WithMessage("Vul de tekst in.");
    }

    private sealed class NoTempDataStore : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
