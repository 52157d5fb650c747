using Microsoft.AspNetCore.Authorization;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Asks the policy catalogue (<see cref="Policies"/>) about the signed-in user, for the menu and the views:
/// <c>@if (await Can.AllowsAsync(Policies.Triages))</c>. A view never tests roles itself, so what the menu shows
/// and what the controller allows come from the same policy. Answers are kept for the request.
/// </summary>
public sealed class PolicyGate(IAuthorizationService authorization, IHttpContextAccessor accessor)
{
    private readonly Dictionary<string, bool> _answers = new(StringComparer.Ordinal);

    /// <summary>Whether the user meets the policy; <c>null</c> (no policy) means every signed-in user.</summary>
    public async Task<bool> AllowsAsync(string? policy)
    {
        if (policy is null)
        {
            return accessor.HttpContext?.User.Identity?.IsAuthenticated == true;
        }

        if (!_answers.TryGetValue(policy, out var allowed))
        {
            var user = accessor.HttpContext?.User;
            allowed = user is not null && (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            _answers[policy] = allowed;
        }

        return allowed;
    }
}
