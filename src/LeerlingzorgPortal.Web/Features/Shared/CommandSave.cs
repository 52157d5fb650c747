using LeerlingzorgPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Shared;

/// <summary>
/// The one way a use case saves a change: run the change and its save, and tell the action how it went.
/// A broken domain rule becomes <see cref="CommandStatus.Invalid"/> with the rule's (Dutch) message, a
/// change someone else made in the meantime becomes the given conflict answer. Either way the context
/// forgets the half-made change, so the page shown next (and its audit line) saves cleanly.
/// </summary>
public static class CommandSave
{
    /// <param name="db">The context the change is made in.</param>
    /// <param name="changeAndSave">Makes the change, adds its audit line and saves.</param>
    /// <param name="conflictMessage">What the user reads when someone else changed the record first.</param>
    /// <param name="ruleField">The form field a broken rule is shown next to; the page's summary when empty.</param>
    public static Task<CommandResult> SaveCommandAsync(this DbContext db, Func<Task> changeAndSave, string conflictMessage,
        string ruleField = "") =>
        db.SaveCommandAsync(changeAndSave, CommandResult.Conflict(conflictMessage), ruleField);

    /// <param name="db">The context the change is made in.</param>
    /// <param name="changeAndSave">Makes the change, adds its audit line and saves.</param>
    /// <param name="onConflict">The answer when someone else changed the record first.</param>
    /// <param name="ruleField">The form field a broken rule is shown next to; the page's summary when empty.</param>
    /// <param name="onUpdateError">
    /// The answer to another refused save (a unique index), after the context has forgotten the change;
    /// without it such an error is not caught.
    /// </param>
    public static async Task<CommandResult> SaveCommandAsync(this DbContext db, Func<Task> changeAndSave, CommandResult onConflict,
        string ruleField = "", Func<DbUpdateException, Task<CommandResult>>? onUpdateError = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changeAndSave);
        ArgumentNullException.ThrowIfNull(onConflict);
        try
        {
            await changeAndSave();
            return CommandResult.Done;
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid(e.Message, ruleField);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return onConflict;
        }
        catch (DbUpdateException e) when (onUpdateError is not null)
        {
            db.ChangeTracker.Clear();
            return await onUpdateError(e);
        }
    }
}
