using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LeerlingzorgPortal.Web.Features.Shared;

public static class ModelStateExtensions
{
    /// <summary>Copies FluentValidation's errors next to the fields they belong to.</summary>
    public static bool AddErrorsFrom(this ModelStateDictionary modelState, ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }

        return result.IsValid;
    }

    public static void AddErrorsFrom(this ModelStateDictionary modelState, IdentityResult result, string key = "")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(key, error.Description);
        }
    }
}
