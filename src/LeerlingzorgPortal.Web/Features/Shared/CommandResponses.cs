using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>
/// The one way an action answers a posted form: validate it into the model state, run the use case only
/// when valid, and turn the result into the next response (Post-Redirect-Get when done, 404 when the
/// user may not, the page again with the messages and the typed values otherwise).
/// </summary>
public static class CommandResponses
{
    /// <summary>Validates the form (errors next to their fields) and runs the use case only when it is valid.</summary>
    public static async Task<CommandResult> RunValidatedAsync<TForm>(this Controller controller, TForm form, IValidator<TForm> validator,
        Func<Task<CommandResult>> handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(handle);
        return controller.ModelState.AddErrorsFrom(await validator.ValidateAsync(form, cancellationToken))
            ? await handle()
            : new CommandResult(CommandStatus.Invalid, []);
    }

    /// <summary>
    /// Done: <paramref name="doneMessage"/> for the next page and <paramref name="whenDone"/> (a redirect);
    /// not found: 404; otherwise the result's messages into the model state and <paramref name="showAgain"/>.
    /// </summary>
    public static async Task<IActionResult> RespondAsync(this Controller controller, CommandResult result, string doneMessage,
        Func<IActionResult> whenDone, Func<Task<IActionResult>> showAgain)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(whenDone);
        ArgumentNullException.ThrowIfNull(showAgain);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return controller.NotFound();
            case CommandStatus.Done:
                controller.TempData["Message"] = doneMessage;
                return whenDone();
            default:
                result.CopyTo(controller.ModelState);
                return await showAgain();
        }
    }
}
