using FluentValidation;

namespace LeerlingzorgPortal.Web.Features.Account;

public sealed class LoginForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email)
            .NotEmpty().WithMessage("Vul je e-mailadres in.")
            .MaximumLength(254).WithMessage("Een e-mailadres is hoogstens 254 tekens lang.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        RuleFor(f => f.Password)
            .NotEmpty().WithMessage("Vul je wachtwoord in.")
            .MaximumLength(200).WithMessage("Een wachtwoord is hoogstens 200 tekens lang.");
    }
}
