using FluentValidation;
using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Web.Features.Cases.Triage;

public sealed class AssignForm
{
    public string? CareWorkerId { get; set; }

    public SupportLevel? SupportLevel { get; set; }

    public Guid Version { get; set; }
}

public sealed class ReturnForm
{
    public string? Advice { get; set; }

    public Guid Version { get; set; }
}

public sealed class AssignFormValidator : AbstractValidator<AssignForm>
{
    public AssignFormValidator()
    {
        RuleFor(f => f.CareWorkerId).NotEmpty().WithMessage("Kies een medewerker leerlingzorg.");
        RuleFor(f => f.SupportLevel).NotNull().WithMessage("Kies het ondersteuningsniveau.")
            .IsInEnum().WithMessage("Kies een bestaand ondersteuningsniveau.");
    }
}

public sealed class ReturnFormValidator : AbstractValidator<ReturnForm>
{
    public ReturnFormValidator()
    {
        RuleFor(f => f.Advice).NotEmpty().WithMessage("Schrijf het advies aan de mentor.")
            .MaximumLength(Referral.AdviceMaxLength).WithMessage($"Het advies is hoogstens {Referral.AdviceMaxLength} tekens lang.");
    }
}
