using FluentValidation;

namespace LeerlingzorgPortal.Web.Features.Cases.Enrolments;

/// <summary>The enrolment form on a case page. With <see cref="WaitingList"/> the pupil is put in line instead.</summary>
public sealed class EnrolForm
{
    /// <summary>The field under which a refusal because the intervention is full is reported, so the page offers the waiting list.</summary>
    public const string FullField = "InterventionFull";

    public int? InterventionId { get; set; }

    public DateOnly? StartOn { get; set; }

    public bool WaitingList { get; set; }
}

public sealed class EnrolFormValidator : AbstractValidator<EnrolForm>
{
    public EnrolFormValidator()
    {
        RuleFor(f => f.InterventionId).NotNull().WithMessage("Kies een interventie.");
        RuleFor(f => f.StartOn).NotNull().When(f => !f.WaitingList).WithMessage("Vul de startdatum in.");
    }
}
