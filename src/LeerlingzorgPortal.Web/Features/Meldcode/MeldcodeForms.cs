using FluentValidation;

namespace LeerlingzorgPortal.Web.Features.Meldcode;

/// <summary>One form for every step; each step uses the fields it needs and the domain checks the rest.</summary>
public sealed class StepForm
{
    public DateOnly? On { get; set; }

    public string? Text { get; set; }

    public bool VeiligThuisConsulted { get; set; }

    public bool Anonymous { get; set; }

    public string? SkippedReason { get; set; }

    public List<AnswerRow> Answers { get; set; } = [];

    public bool OrganiseHelp { get; set; }

    public bool ReportToVeiligThuis { get; set; }

    public string? Reference { get; set; }
}

public sealed class AnswerRow
{
    public bool? Yes { get; set; }

    public string? Explanation { get; set; }
}

public sealed class StepFormValidator : AbstractValidator<StepForm>
{
    public StepFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.On).NotNull().WithMessage("Vul de datum in.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("De datum kan niet in de toekomst liggen.");
        RuleFor(f => f.Text).MaximumLength(4000).WithMessage("Hoogstens 4000 tekens.");
        RuleFor(f => f.SkippedReason).MaximumLength(4000).WithMessage("Hoogstens 4000 tekens.");
    }
}
