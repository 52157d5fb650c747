using FluentValidation;
using LeerlingzorgPortal.Domain.Protocols;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Protocols;

/// <summary>
/// The school's protocols. Every signed-in staff member reads the active ones; the coordinator and
/// care workers b and c write them (policy <see cref="Policies.MaintainsCareOffering"/>).
/// </summary>
[Route("Protocols")]
public sealed class ProtocolsController(ProtocolQueries queries, ProtocolWork work, MarkdownRenderer markdown, IAuthorizationService authorization)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var mayMaintain = await MayMaintainAsync();
        ViewData["MayMaintain"] = mayMaintain;
        return View(await queries.ListAsync(mayMaintain, page, cancellationToken));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, null, "Details", cancellationToken);

    [HttpGet("{id:int}/Versions/{number:int}")]
    public async Task<IActionResult> Version(int id, int number, CancellationToken cancellationToken) =>
        await ShowAsync(id, number, "Details", cancellationToken);

    [HttpGet("{id:int}/Print")]
    public async Task<IActionResult> Print(int id, int? number, CancellationToken cancellationToken) =>
        await ShowAsync(id, number, "Print", cancellationToken);

    /// <summary>What other screens link to: always the newest version of the active protocol on the topic.</summary>
    [HttpGet("Topic/{topic}")]
    public async Task<IActionResult> Topic(string topic, CancellationToken cancellationToken)
    {
        // Only a topic's own name: no numbers, no comma-separated combinations as Enum.TryParse would accept.
        var parsed = ProtocolTopics.All.Where(t => ProtocolTopics.IsNamed(t))
            .Select(t => (ProtocolTopic?)t)
            .FirstOrDefault(t => string.Equals(t.ToString(), topic, StringComparison.OrdinalIgnoreCase));
        if (parsed is null)
        {
            return NotFound();
        }

        var current = await queries.CurrentOnAsync(parsed.Value, cancellationToken);
        return current is null ? NotFound() : RedirectToAction(nameof(Details), new { id = current.Id });
    }

    [Authorize(Policy = Policies.MaintainsCareOffering)]
    [HttpGet("Create")]
    public async Task<IActionResult> Create(ProtocolTopic? topic, CancellationToken cancellationToken) =>
        await CreateViewAsync(new ProtocolForm { Topic = topic }, cancellationToken);

    [Authorize(Policy = Policies.MaintainsCareOffering)]
    [HttpPost("Create")]
    public async Task<IActionResult> Create(ProtocolForm form, bool preview, [FromServices] IValidator<ProtocolForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ForgetBindingErrors();
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)) && !preview)
        {
            var (result, id) = await work.CreateAsync(form, cancellationToken);
            if (id is not null)
            {
                TempData["Message"] = "Het protocol is opgeslagen (versie 1).";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyTo(ModelState);
        }

        return await CreateViewAsync(form, cancellationToken, preview);
    }

    [Authorize(Policy = Policies.MaintainsCareOffering)]
    [HttpGet("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var page = await queries.PageAsync(id, null, mayMaintain: true, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        ViewData["Protocol"] = page;
        return View(new RevisionForm
        {
            Title = page.Shown.Title,
            Body = page.ShownBody,
            ConcurrencyToken = page.ConcurrencyToken,
            BaseNumber = page.CurrentNumber,
        });
    }

    [Authorize(Policy = Policies.MaintainsCareOffering)]
    [HttpPost("{id:int}/Edit")]
    public async Task<IActionResult> Edit(int id, RevisionForm form, bool preview, [FromServices] IValidator<RevisionForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ForgetBindingErrors();
        var page = await queries.PageAsync(id, null, mayMaintain: true, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)) && !preview)
        {
            var result = await work.ReviseAsync(id, form, cancellationToken);
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Message"] = $"De nieuwe versie is opgeslagen (versie {page.CurrentNumber + 1}).";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyTo(ModelState);
            if (result.Status == CommandStatus.Conflict)
            {
                // Keep the user's text; a second save goes through on purpose, on top of the newest version.
                page = await queries.PageAsync(id, null, mayMaintain: true, cancellationToken);
                if (page is null)
                {
                    return NotFound();
                }

                ModelState.Remove(nameof(form.ConcurrencyToken));
                ModelState.Remove(nameof(form.BaseNumber));
                form.ConcurrencyToken = page.ConcurrencyToken;
                form.BaseNumber = page.CurrentNumber;
            }
        }

        if (preview)
        {
            ViewData["Preview"] = markdown.ToHtml(form.Body);
        }

        ViewData["Protocol"] = page;
        return View(form);
    }

    [Authorize(Policy = Policies.MaintainsCareOffering)]
    [HttpGet("{id:int}/Assign")]
    public async Task<IActionResult> Assign(int id, CancellationToken cancellationToken)
    {
        var page = await queries.PageAsync(id, null, mayMaintain: true, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        return await AssignViewAsync(page, new AssignForm
        {
            OwnerId = page.OwnerId,
            ReviewOn = page.ReviewOn < page.Today ? page.Today.AddYears(1) : page.ReviewOn,
            ConcurrencyToken = page.ConcurrencyToken,
        }, cancellationToken);
    }

    [Authorize(Policy = Policies.MaintainsCareOffering)]
    [HttpPost("{id:int}/Assign")]
    public async Task<IActionResult> Assign(int id, AssignForm form, [FromServices] IValidator<AssignForm> validator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ForgetBindingErrors();
        var page = await queries.PageAsync(id, null, mayMaintain: true, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var result = await work.AssignAsync(id, form, cancellationToken);
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Message"] = "De eigenaar en de evaluatiedatum zijn opgeslagen.";
                return RedirectToAction(nameof(Details), new { id });
            }

            result.CopyTo(ModelState);
            if (result.Status == CommandStatus.Conflict)
            {
                page = await queries.PageAsync(id, null, mayMaintain: true, cancellationToken) ?? page;
                ModelState.Remove(nameof(form.ConcurrencyToken));
                form.ConcurrencyToken = page.ConcurrencyToken;
            }
        }

        return await AssignViewAsync(page, form, cancellationToken);
    }

    [Authorize(Policy = Policies.MaintainsCareOffering)]
    [HttpPost("{id:int}/SetActive")]
    public async Task<IActionResult> SetActive(int id, bool active, Guid concurrencyToken, CancellationToken cancellationToken)
    {
        var result = await work.SetActiveAsync(id, active, concurrencyToken, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = active ? "Het protocol is weer in gebruik." : "Het protocol is uit gebruik genomen; alleen beheerders van protocollen zien het nog.";
        }
        else
        {
            TempData["Error"] = result.Errors[0].Message;
        }

        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<IActionResult> ShowAsync(int id, int? number, string view, CancellationToken cancellationToken)
    {
        var page = await queries.PageAsync(id, number, await MayMaintainAsync(), cancellationToken);
        return page is null ? NotFound() : View(view, page);
    }

    private async Task<IActionResult> CreateViewAsync(ProtocolForm form, CancellationToken cancellationToken, bool preview = false)
    {
        ViewData["Owners"] = await queries.PossibleOwnersAsync(cancellationToken);
        if (preview)
        {
            ViewData["Preview"] = markdown.ToHtml(form.Body);
        }

        return View("Create", form);
    }

    private async Task<IActionResult> AssignViewAsync(ProtocolPage page, AssignForm form, CancellationToken cancellationToken)
    {
        ViewData["Protocol"] = page;
        ViewData["Owners"] = await queries.PossibleOwnersAsync(cancellationToken);
        return View("Assign", form);
    }

    /// <summary>
    /// A value that does not bind (a date like "abc") leaves the field empty; the validator then gives
    /// the Dutch message, instead of the framework's English one.
    /// </summary>
    private void ForgetBindingErrors() => ModelState.Clear();

    private async Task<bool> MayMaintainAsync() =>
        (await authorization.AuthorizeAsync(User, Policies.MaintainsCareOffering)).Succeeded;
}
