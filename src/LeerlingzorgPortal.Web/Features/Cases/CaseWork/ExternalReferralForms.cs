using FluentValidation;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Web.Features.Cases.CaseWork;

public sealed class ExternalReferralForm
{
    /// <summary>An agency of the sociale kaart; when chosen, its name and kind are used and the typed ones ignored.</summary>
    public int? OrganisationId { get; set; }

    public PartnerKind? AgencyKind { get; set; }

    public string? AgencyName { get; set; }

    public DateOnly? SentOn { get; set; }

    public string? Reason { get; set; }

    public string? SharedInformation { get; set; }

    public string? ConsentBy { get; set; }

    public DateOnly? ExpectedFeedbackOn { get; set; }
}

public sealed class ExternalReferralFormValidator : AbstractValidator<ExternalReferralForm>
{
    public ExternalReferralFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.AgencyKind).NotNull().When(f => f.OrganisationId is null).WithMessage("Kies het soort instantie.");
        RuleFor(f => f.AgencyName).NotEmpty().When(f => f.OrganisationId is null)
            .WithMessage("Kies een instantie van de sociale kaart of vul de naam van een andere instantie in.")
            .MaximumLength(200).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.SentOn).NotNull().WithMessage("Vul de datum in.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("De datum van de doorverwijzing kan niet in de toekomst liggen.");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Vul de reden in.").MaximumLength(ExternalReferral.TextMaxLength).WithMessage("Hoogstens 2000 tekens.");
        RuleFor(f => f.SharedInformation).NotEmpty().WithMessage("Beschrijf welke informatie is gedeeld.").MaximumLength(ExternalReferral.TextMaxLength)
            .WithMessage("Hoogstens 2000 tekens.");
        RuleFor(f => f.ConsentBy).NotEmpty().WithMessage("Vul in met wiens toestemming de informatie is gedeeld.").MaximumLength(200)
            .WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.ExpectedFeedbackOn).GreaterThanOrEqualTo(f => f.SentOn).When(f => f.ExpectedFeedbackOn is not null && f.SentOn is not null)
            .WithMessage("De verwachte terugkoppeling kan niet voor de doorverwijzing liggen.");
    }
}

public sealed class ExternalReferralUpdateForm
{
    public int ExternalReferralId { get; set; }

    public ExternalReferralStatus? Status { get; set; }

    public DateOnly? ExpectedFeedbackOn { get; set; }

    public DateOnly? FeedbackReceivedOn { get; set; }

    public string? Feedback { get; set; }
}

public sealed class ExternalReferralUpdateFormValidator : AbstractValidator<ExternalReferralUpdateForm>
{
    public ExternalReferralUpdateFormValidator()
    {
        RuleFor(f => f.Status).NotNull().WithMessage("Kies de status.");
        RuleFor(f => f.Feedback).NotEmpty().When(f => f.FeedbackReceivedOn is not null).WithMessage("Beschrijf de terugkoppeling.")
            .MaximumLength(ExternalReferral.TextMaxLength).WithMessage("Hoogstens 2000 tekens.");
    }
}
