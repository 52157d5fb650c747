using FluentValidation;

namespace LeerlingzorgPortal.Web.Features.Account;

/// <summary>Changing one's own password: the current one, and the new one twice.</summary>
public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

/// <summary>Only presence, length and the repeat; strength is for Identity's password validators.</summary>
public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword)
            .NotEmpty().WithMessage("Vul je huidige wachtwoord in.")
            .MaximumLength(200).WithMessage("Een wachtwoord is hoogstens 200 tekens lang.");
        RuleFor(f => f.NewPassword)
            .NotEmpty().WithMessage("Vul een nieuw wachtwoord in.")
            .MaximumLength(200).WithMessage("Een wachtwoord is hoogstens 200 tekens lang.");
        RuleFor(f => f.ConfirmPassword)
            .NotEmpty().WithMessage("Vul het nieuwe wachtwoord nog een keer in.")
            .Equal(f => f.NewPassword, StringComparer.Ordinal).WithMessage("De twee nieuwe wachtwoorden zijn niet gelijk.")
            .When(f => !string.IsNullOrEmpty(f.NewPassword), ApplyConditionTo.CurrentValidator);
    }
}
