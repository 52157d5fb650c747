using FluentValidation;
using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Web.Features.Cases.Referrals;

/// <summary>The aanmelding form, for a new draft and for editing one.</summary>
public sealed class ReferralForm
{
    public int? PupilId { get; set; }

    public ReferralCategory? Category { get; set; }

    public Urgency? Urgency { get; set; }

    public string? Question { get; set; }

    public string? AlreadyTried { get; set; }

    public bool ParentsInformed { get; set; }

    public DateOnly? ParentsInformedOn { get; set; }

    /// <summary>Made when the empty form is shown; a second post of the same form finds the first draft.</summary>
    public Guid RequestId { get; set; }

    public Guid Version { get; set; }

    /// <summary>"submit" to submit straight away, anything else saves a draft.</summary>
    public string? Intent { get; set; }

    public bool WantsSubmit => string.Equals(Intent, "submit", StringComparison.Ordinal);

    public ReferralDetails ToDetails() =>
        new(Category ?? ReferralCategory.Other, Urgency ?? Domain.Care.Urgency.Normal, Question, AlreadyTried,
            ParentsInformed, ParentsInformedOn);
}

public sealed class ReferralFormValidator : AbstractValidator<ReferralForm>
{
    public ReferralFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.PupilId).NotNull().WithMessage("Kies de leerling.");
        RuleFor(f => f.Category).NotNull().WithMessage("Kies een categorie.")
            .IsInEnum().WithMessage("Kies een bestaande categorie.");
        RuleFor(f => f.Urgency).NotNull().WithMessage("Kies de urgentie.")
            .IsInEnum().WithMessage("Kies een bestaande urgentie.");
        RuleFor(f => f.Question).MaximumLength(Referral.QuestionMaxLength)
            .WithMessage($"De hulpvraag is hoogstens {Referral.QuestionMaxLength} tekens lang.");
        RuleFor(f => f.AlreadyTried).MaximumLength(Referral.AlreadyTriedMaxLength)
            .WithMessage($"Wat al is geprobeerd is hoogstens {Referral.AlreadyTriedMaxLength} tekens lang.");
        RuleFor(f => f.ParentsInformedOn)
            .NotNull().When(f => f.ParentsInformed).WithMessage("Vul in wanneer de ouders zijn geïnformeerd.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De datum waarop de ouders zijn geïnformeerd kan niet in de toekomst liggen.");

        // A draft may be saved half-way; submitting needs the question and what was tried.
        When(f => f.WantsSubmit, () =>
        {
            RuleFor(f => f.Question).NotEmpty().WithMessage("Vul de hulpvraag in voordat je de aanmelding indient.");
            RuleFor(f => f.AlreadyTried).NotEmpty()
                .WithMessage("Beschrijf wat je al hebt geprobeerd voordat je de aanmelding indient.");
        });
    }
}
