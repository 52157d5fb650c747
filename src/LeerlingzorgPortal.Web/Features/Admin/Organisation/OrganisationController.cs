using FluentValidation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Admin.Organisation;

[Authorize(Policy = Policies.ManagesUsers)]
[Route("Admin/Organisation/[action]")]
public sealed class OrganisationController(OrganisationOverviewQuery overview, ChangeOrganisation change) : Controller
{
    [HttpGet("/Admin/Organisation")]
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await overview.HandleAsync(cancellationToken));

    [HttpPost]
    public async Task<IActionResult> CreateBoard(BoardForm form, [FromServices] IValidator<BoardForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(form, validator, () => change.CreateBoardAsync(form, cancellationToken), "De stichting is vastgelegd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> AddLocation(LocationForm form, [FromServices] IValidator<LocationForm> validator,
        CancellationToken cancellationToken) =>
        await Handle(form, validator, () => change.AddLocationAsync(form, cancellationToken), "De locatie is toegevoegd.",
            cancellationToken);

    [HttpPost]
    public async Task<IActionResult> AddMentorGroup(MentorGroupForm form,
        [FromServices] IValidator<MentorGroupForm> validator, CancellationToken cancellationToken) =>
        await Handle(form, validator, () => change.AddMentorGroupAsync(form, cancellationToken),
            "De mentorgroep is toegevoegd.", cancellationToken);

    [HttpPost]
    public async Task<IActionResult> RollOver(int locationId, [FromServices] TimeProvider clock, CancellationToken cancellationToken)
    {
        var current = Domain.Organisation.SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var result = await change.RollOverAsync(locationId, current, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }

        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded
            ? $"Schooljaar {current} is gestart: de mentorgroepen zijn overgezet en die van vorig jaar gearchiveerd."
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Handle<TForm>(TForm form, IValidator<TForm> validator,
        Func<Task<CommandResult>> handle, string doneMessage, CancellationToken cancellationToken)
    {
        if (ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken)))
        {
            var result = await handle();
            if (result.Status == CommandStatus.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                TempData["Message"] = doneMessage;
                return RedirectToAction(nameof(Index));
            }

            result.CopyTo(ModelState);
        }

        // Show the page again with the messages and the typed values, so nothing is lost.
        ViewData["Form"] = form;
        return View(nameof(Index), await overview.HandleAsync(cancellationToken));
    }
}
