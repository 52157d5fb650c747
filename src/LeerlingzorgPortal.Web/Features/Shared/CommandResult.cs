namespace LeerlingzorgPortal.Web.Features.Shared;

public enum CommandStatus
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>What a use case that changes something tells its action: done, or why not.</summary>
public sealed record CommandResult(CommandStatus Status, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly CommandResult Done = new(CommandStatus.Done, []);

    public static readonly CommandResult NotFound = new(CommandStatus.NotFound, []);

    public bool Succeeded => Status == CommandStatus.Done;

    public static CommandResult Invalid(string message, string field = "") => new(CommandStatus.Invalid, [(field, message)]);

    public static CommandResult Invalid(IEnumerable<string> messages) =>
        new(CommandStatus.Invalid, messages.Select(m => (string.Empty, m)).ToList());

    public static CommandResult Conflict(string message) => new(CommandStatus.Conflict, [(string.Empty, message)]);

    public void CopyTo(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var (field, message) in Errors)
        {
            modelState.AddModelError(field, message);
        }
    }
}
