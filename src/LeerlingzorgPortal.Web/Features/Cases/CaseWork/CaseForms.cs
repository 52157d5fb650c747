using FluentValidation;
using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

/// <summary>A gespreksverslag, optionally with one action item that comes out of it.</summary>
public sealed class NoteForm
{
    public DateOnly? Date { get; set; }

    public List<ContactParties> With { get; set; } = [];

    public string? Summary { get; set; }

    public string? Agreements { get; set; }

    public bool IsConfidential { get; set; }

    public string? ActionDescription { get; set; }

    public string? ActionOwnerId { get; set; }

    public DateOnly? ActionDueDate { get; set; }

    public bool HasActionItem => !string.IsNullOrWhiteSpace(ActionDescription);

    public ContactParties Parties => With.Aggregate(ContactParties.None, (all, one) => all | one);
}

public sealed class ActionItemForm
{
    public string? Description { get; set; }

    public string? OwnerId { get; set; }

    public DateOnly? DueDate { get; set; }
}

public sealed class CloseForm
{
    public CaseOutcome? Outcome { get; set; }

    public string? Summary { get; set; }

    public Guid Version { get; set; }
}

public sealed class ReferOutForm
{
    public string? Agency { get; set; }

    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

public sealed class NoteFormValidator : AbstractValidator<NoteForm>
{
    public NoteFormValidator(TimeProvider clock)
    {
        var today = () => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        RuleFor(f => f.Date).NotNull().WithMessage("Vul de datum van het gesprek in.")
            .LessThanOrEqualTo(_ => today()).WithMessage("De datum van het gesprek kan niet in de toekomst liggen.");
        RuleFor(f => f.With).NotEmpty().WithMessage("Kies met wie het gesprek was.");
        RuleForEach(f => f.With).IsInEnum().WithMessage("Kies een bestaande gesprekspartner.");
        RuleFor(f => f.Summary).NotEmpty().WithMessage("Schrijf een samenvatting van het gesprek.")
            .MaximumLength(ContactNote.SummaryMaxLength).WithMessage($"De samenvatting is hoogstens {ContactNote.SummaryMaxLength} tekens lang.");
        RuleFor(f => f.Agreements).MaximumLength(ContactNote.AgreementsMaxLength)
            .WithMessage($"De afspraken zijn hoogstens {ContactNote.AgreementsMaxLength} tekens lang.");
        When(f => f.HasActionItem, () =>
        {
            RuleFor(f => f.ActionDescription).MaximumLength(ActionItem.DescriptionMaxLength)
                .WithMessage($"Het actiepunt is hoogstens {ActionItem.DescriptionMaxLength} tekens lang.");
            RuleFor(f => f.ActionOwnerId).NotEmpty().WithMessage("Kies wie het actiepunt uitvoert.");
            RuleFor(f => f.ActionDueDate).NotNull().WithMessage("Kies een deadline voor het actiepunt.")
                .GreaterThanOrEqualTo(_ => today()).WithMessage("De deadline kan niet voor vandaag liggen.");
        });
    }
}

public sealed class ActionItemFormValidator : AbstractValidator<ActionItemForm>
{
    public ActionItemFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Description).NotEmpty().WithMessage("Omschrijf het actiepunt.")
            .MaximumLength(ActionItem.DescriptionMaxLength).WithMessage($"Het actiepunt is hoogstens {ActionItem.DescriptionMaxLength} tekens lang.");
        RuleFor(f => f.OwnerId).NotEmpty().WithMessage("Kies wie het actiepunt uitvoert.");
        RuleFor(f => f.DueDate).NotNull().WithMessage("Kies een deadline.")
            .GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De deadline kan niet voor vandaag liggen.");
    }
}

public sealed class CloseFormValidator : AbstractValidator<CloseForm>
{
    public CloseFormValidator()
    {
        RuleFor(f => f.Outcome).NotNull().WithMessage("Kies de uitkomst.").IsInEnum().WithMessage("Kies een bestaande uitkomst.");
        RuleFor(f => f.Summary).NotEmpty().WithMessage("Schrijf een afsluitende samenvatting.")
            .MaximumLength(Referral.SummaryMaxLength).WithMessage($"De samenvatting is hoogstens {Referral.SummaryMaxLength} tekens lang.");
    }
}

public sealed class ReferOutFormValidator : AbstractValidator<ReferOutForm>
{
    public ReferOutFormValidator()
    {
        RuleFor(f => f.Agency).NotEmpty().WithMessage("Vul de instantie in.")
            .MaximumLength(Referral.AgencyMaxLength).WithMessage($"De instantie is hoogstens {Referral.AgencyMaxLength} tekens lang.");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Vul de reden van doorverwijzing in.")
            .MaximumLength(Referral.SummaryMaxLength).WithMessage($"De reden is hoogstens {Referral.SummaryMaxLength} tekens lang.");
    }
}
