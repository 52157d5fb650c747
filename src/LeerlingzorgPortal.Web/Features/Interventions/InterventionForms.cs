using FluentValidation;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Offering;

namespace LeerlingzorgPortal.Web.Features.Interventions;

/// <summary>An intervention of the catalogue, as typed in the create and edit forms.</summary>
public sealed class InterventionForm
{
    /// <summary>The version the user edited; null for a new intervention.</summary>
    public Guid? Version { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? TargetGroup { get; set; }

    public string? Provider { get; set; }

    public SupportLevel? SupportLevel { get; set; }

    public int? Capacity { get; set; }

    public string? Period { get; set; }

    public static InterventionForm From(Intervention intervention)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        return new InterventionForm
        {
            Version = intervention.Version,
            Name = intervention.Name,
            Description = intervention.Description,
            TargetGroup = intervention.TargetGroup,
            Provider = intervention.Provider,
            SupportLevel = intervention.SupportLevel,
            Capacity = intervention.Capacity,
            Period = intervention.Period,
        };
    }

    public InterventionDetails ToDetails() =>
        new(Name!.Trim(), Description!.Trim(), TargetGroup!.Trim(), Provider!.Trim(), SupportLevel!.Value, Capacity!.Value, Period!.Trim());
}

public sealed class InterventionFormValidator : AbstractValidator<InterventionForm>
{
    public InterventionFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Vul de naam van de interventie in.")
            .MaximumLength(Intervention.NameMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Description).NotEmpty().WithMessage("Vul de omschrijving in.")
            .MaximumLength(Intervention.TextMaxLength).WithMessage("Hoogstens 4000 tekens.");
        RuleFor(f => f.TargetGroup).NotEmpty().WithMessage("Vul de doelgroep in.")
            .MaximumLength(Intervention.ShortTextMaxLength).WithMessage("Hoogstens 500 tekens.");
        RuleFor(f => f.Provider).NotEmpty().WithMessage("Vul de aanbieder in.")
            .MaximumLength(Intervention.NameMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.SupportLevel).NotNull().WithMessage("Kies het ondersteuningsniveau.")
            .IsInEnum().WithMessage("Kies het ondersteuningsniveau.");
        RuleFor(f => f.Capacity).NotNull().WithMessage("Vul de capaciteit in.")
            .InclusiveBetween(1, Intervention.MaxCapacity).WithMessage("De capaciteit moet tussen 1 en 500 liggen.");
        RuleFor(f => f.Period).NotEmpty().WithMessage("Vul de periode of rondes in.")
            .MaximumLength(Intervention.ShortTextMaxLength).WithMessage("Hoogstens 500 tekens.");
    }
}

/// <summary>Moves a pupil from the waiting list into a free place.</summary>
public sealed class AdmitForm
{
    public int EnrolmentId { get; set; }

    public Guid? Version { get; set; }

    public DateOnly? StartOn { get; set; }
}

public sealed class AdmitFormValidator : AbstractValidator<AdmitForm>
{
    public AdmitFormValidator()
    {
        RuleFor(f => f.StartOn).NotNull().WithMessage("Vul de startdatum in.");
    }
}

/// <summary>Ends a participation with its outcome.</summary>
public sealed class FinishForm
{
    public int EnrolmentId { get; set; }

    public Guid? Version { get; set; }

    public DateOnly? EndOn { get; set; }

    public string? Outcome { get; set; }
}

public sealed class FinishFormValidator : AbstractValidator<FinishForm>
{
    public FinishFormValidator()
    {
        RuleFor(f => f.EndOn).NotNull().WithMessage("Vul de einddatum in.");
        RuleFor(f => f.Outcome).NotEmpty().WithMessage("Beschrijf de uitkomst.")
            .MaximumLength(Enrolment.OutcomeMaxLength).WithMessage("Hoogstens 2000 tekens.");
    }
}

/// <summary>Stops a participation early, or takes a pupil off the waiting list.</summary>
public sealed class WithdrawForm
{
    public int EnrolmentId { get; set; }

    public Guid? Version { get; set; }

    public DateOnly? EndOn { get; set; }

    public string? Reason { get; set; }
}

public sealed class WithdrawFormValidator : AbstractValidator<WithdrawForm>
{
    public WithdrawFormValidator()
    {
        RuleFor(f => f.EndOn).NotNull().WithMessage("Vul de datum van afmelden in.");
        RuleFor(f => f.Reason).MaximumLength(Enrolment.OutcomeMaxLength).WithMessage("Hoogstens 2000 tekens.");
    }
}
