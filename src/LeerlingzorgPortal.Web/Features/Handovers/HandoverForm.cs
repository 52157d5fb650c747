using FluentValidation;
using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Web.Features.Handovers;

public sealed class HandoverForm
{
    public string? PreviousSchool { get; set; }

    public string? ReportSummary { get; set; }

    public string? SupportSoFar { get; set; }

    public string? Advice { get; set; }

    public bool ConversationHeld { get; set; }

    public DateOnly? ConversationOn { get; set; }

    public bool NeedsCare { get; set; }

    public HandoverDetails ToDetails() =>
        new(PreviousSchool, ReportSummary, SupportSoFar, Advice, ConversationHeld, ConversationOn, NeedsCare);
}

public sealed class HandoverFormValidator : AbstractValidator<HandoverForm>
{
    public HandoverFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.PreviousSchool).NotEmpty().WithMessage("Vul de vorige school in.")
            .MaximumLength(200).WithMessage("De naam van de vorige school mag hoogstens 200 tekens hebben.");
        RuleFor(f => f.ReportSummary).NotEmpty().WithMessage("Vat het onderwijskundig rapport samen.")
            .MaximumLength(Handover.TextMaxLength).WithMessage($"De samenvatting mag hoogstens {Handover.TextMaxLength} tekens hebben.");
        RuleFor(f => f.SupportSoFar).MaximumLength(Handover.TextMaxLength)
            .WithMessage($"De ondersteuning tot nu toe mag hoogstens {Handover.TextMaxLength} tekens hebben.");
        RuleFor(f => f.Advice).MaximumLength(Handover.TextMaxLength).WithMessage($"Het advies mag hoogstens {Handover.TextMaxLength} tekens hebben.");
        RuleFor(f => f.ConversationOn).NotNull().When(f => f.ConversationHeld).WithMessage("Vul de datum van het gesprek met de vorige school in.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De datum van het gesprek met de vorige school kan niet in de toekomst liggen.");
    }
}
