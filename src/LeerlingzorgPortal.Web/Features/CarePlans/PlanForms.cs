using FluentValidation;
using LeerlingzorgPortal.Domain.Plans;

namespace LeerlingzorgPortal.Web.Features.CarePlans;

public sealed class GoalRow
{
    public Guid? Key { get; set; }

    public string? Description { get; set; }

    public DateOnly? TargetDate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && TargetDate is null;
}

public sealed class MeasureRow
{
    public Guid? Key { get; set; }

    public string? What { get; set; }

    public string? ByWhom { get; set; }

    public string? ByWhomId { get; set; }

    public string? HowOften { get; set; }

    public string? Duration { get; set; }

    public bool ForClassroom { get; set; }

    /// <summary>The intervention from the care offering (zorgaanbod), when the measure is one.</summary>
    public int? InterventionId { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(ByWhom) && string.IsNullOrWhiteSpace(HowOften)
                           && string.IsNullOrWhiteSpace(Duration) && string.IsNullOrWhiteSpace(ByWhomId) && InterventionId is null;
}

/// <summary>
/// The plan form: a fixed number of goal and measure rows (blank rows are ignored), so it works
/// without scripts and with the keyboard alone. For an OPP also its own parts.
/// </summary>
public sealed class PlanForm
{
    public const int Rows = 5;

    public string? Title { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EvaluationDate { get; set; }

    public List<GoalRow> Goals { get; set; } = [];

    public List<MeasureRow> Measures { get; set; } = [];

    public bool IsOpp { get; set; }

    public string? ExitProfile { get; set; }

    public string? ExitProfileReasoning { get; set; }

    public string? SupportingFactors { get; set; }

    public string? HinderingFactors { get; set; }

    public string? SupportSection { get; set; }

    /// <summary>The version the user started from, to show what others changed since.</summary>
    public int BaseVersion { get; set; }

    public Guid ConcurrencyToken { get; set; }

    public PlanForm WithRows()
    {
        while (Goals.Count < Rows)
        {
            Goals.Add(new GoalRow());
        }

        while (Measures.Count < Rows)
        {
            Measures.Add(new MeasureRow());
        }

        return this;
    }

    public PlanContent ToContent() => new(
        Title?.Trim() ?? string.Empty,
        StartDate ?? default,
        EvaluationDate ?? default,
        Goals.Where(g => !g.IsBlank).Select(g => new PlanGoal(g.Key ?? Guid.NewGuid(), g.Description?.Trim() ?? string.Empty,
            g.TargetDate ?? default)).ToList(),
        Measures.Where(m => !m.IsBlank).Select(m => new PlanMeasure(m.Key ?? Guid.NewGuid(), m.What?.Trim() ?? string.Empty,
            m.ByWhom?.Trim() ?? string.Empty, string.IsNullOrWhiteSpace(m.ByWhomId) ? null : m.ByWhomId, m.HowOften?.Trim() ?? string.Empty,
            string.IsNullOrWhiteSpace(m.Duration) ? null : m.Duration.Trim(), m.ForClassroom, m.InterventionId)).ToList(),
        IsOpp ? new OppParts(Clean(ExitProfile), Clean(ExitProfileReasoning), Clean(SupportingFactors), Clean(HinderingFactors),
            Clean(SupportSection)) : null);

    public static PlanForm From(CarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var content = plan.Content;
        return new PlanForm
        {
            Title = content.Title,
            StartDate = content.StartDate,
            EvaluationDate = content.EvaluationDate,
            Goals = content.Goals.Select(g => new GoalRow { Key = g.Key, Description = g.Description, TargetDate = g.TargetDate }).ToList(),
            Measures = content.Measures.Select(m => new MeasureRow
            {
                Key = m.Key,
                What = m.What,
                ByWhom = m.ByWhom,
                ByWhomId = m.ByWhomId,
                HowOften = m.HowOften,
                Duration = m.Duration,
                ForClassroom = m.ForClassroom,
                InterventionId = m.InterventionId,
            }).ToList(),
            IsOpp = content.Opp is not null,
            ExitProfile = content.Opp?.ExitProfile,
            ExitProfileReasoning = content.Opp?.ExitProfileReasoning,
            SupportingFactors = content.Opp?.SupportingFactors,
            HinderingFactors = content.Opp?.HinderingFactors,
            SupportSection = content.Opp?.SupportSection,
            BaseVersion = plan.VersionNumber,
            ConcurrencyToken = plan.ConcurrencyToken,
        }.WithRows();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class PlanFormValidator : AbstractValidator<PlanForm>
{
    public PlanFormValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Geef het plan een titel.")
            .MaximumLength(PlanContent.TitleMaxLength).WithMessage($"De titel is hoogstens {PlanContent.TitleMaxLength} tekens lang.");
        RuleFor(f => f.StartDate).NotNull().WithMessage("Vul de startdatum in.");
        RuleFor(f => f.EvaluationDate).NotNull().WithMessage("Vul de evaluatiedatum in.")
            .GreaterThan(f => f.StartDate).When(f => f.StartDate is not null)
            .WithMessage("De evaluatiedatum moet na de startdatum liggen.");
        RuleFor(f => f.Goals).Must(goals => goals.Any(g => !g.IsBlank)).WithMessage("Beschrijf minstens één doel.");
        RuleForEach(f => f.Goals).ChildRules(goal =>
        {
            goal.RuleFor(g => g.Description).NotEmpty().When(g => !g.IsBlank).WithMessage("Beschrijf het doel meetbaar.")
                .MaximumLength(PlanContent.TextMaxLength).WithMessage($"Een doel is hoogstens {PlanContent.TextMaxLength} tekens lang.");
            goal.RuleFor(g => g.TargetDate).NotNull().When(g => !g.IsBlank).WithMessage("Kies een streefdatum voor het doel.");
        });
        RuleForEach(f => f.Goals).Must((form, goal) => goal.IsBlank || goal.TargetDate is null || form.StartDate is null || goal.TargetDate >= form.StartDate)
            .WithMessage("De streefdatum van een doel kan niet voor de start van het plan liggen.");
        RuleForEach(f => f.Measures).ChildRules(measure =>
        {
            // A measure chosen from the care offering gets the intervention's name and provider when left empty.
            measure.RuleFor(m => m.What).NotEmpty().When(m => !m.IsBlank && m.InterventionId is null).WithMessage("Beschrijf wat er gedaan wordt.")
                .MaximumLength(PlanContent.TextMaxLength).WithMessage($"Een maatregel is hoogstens {PlanContent.TextMaxLength} tekens lang.");
            measure.RuleFor(m => m.ByWhom).NotEmpty().When(m => !m.IsBlank && m.InterventionId is null).WithMessage("Vul in door wie.")
                .MaximumLength(200).WithMessage("'Door wie' is hoogstens 200 tekens lang.");
            measure.RuleFor(m => m.HowOften).NotEmpty().When(m => !m.IsBlank).WithMessage("Vul in hoe vaak.")
                .MaximumLength(200).WithMessage("'Hoe vaak' is hoogstens 200 tekens lang.");
        });
        When(f => f.IsOpp, () =>
        {
            RuleFor(f => f.ExitProfile).MaximumLength(200).WithMessage("Het uitstroomprofiel is hoogstens 200 tekens lang.");
            RuleFor(f => f.ExitProfileReasoning).MaximumLength(PlanContent.TextMaxLength).WithMessage("De onderbouwing is te lang.");
            RuleFor(f => f.SupportingFactors).MaximumLength(PlanContent.TextMaxLength).WithMessage("De bevorderende factoren zijn te lang.");
            RuleFor(f => f.HinderingFactors).MaximumLength(PlanContent.TextMaxLength).WithMessage("De belemmerende factoren zijn te lang.");
            RuleFor(f => f.SupportSection).MaximumLength(PlanContent.TextMaxLength).WithMessage("Het handelingsdeel is te lang.");
        });
    }
}

public sealed class MakeOppForm
{
    public DateOnly? NeedEstablishedOn { get; set; }

    public string? ExitProfile { get; set; }

    public string? ExitProfileReasoning { get; set; }

    public string? SupportingFactors { get; set; }

    public string? HinderingFactors { get; set; }

    public string? SupportSection { get; set; }

    public Guid ConcurrencyToken { get; set; }
}

public sealed class MakeOppFormValidator : AbstractValidator<MakeOppForm>
{
    public MakeOppFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.NeedEstablishedOn).NotNull().WithMessage("Vul in wanneer de behoefte aan extra ondersteuning is vastgesteld.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De datum waarop de ondersteuningsbehoefte is vastgesteld kan niet in de toekomst liggen.");
        RuleFor(f => f.ExitProfile).NotEmpty().WithMessage("Vul het verwachte uitstroomprofiel in.").MaximumLength(200)
            .WithMessage("Het uitstroomprofiel is hoogstens 200 tekens lang.");
        RuleFor(f => f.ExitProfileReasoning).NotEmpty().WithMessage("Onderbouw het uitstroomprofiel.").MaximumLength(PlanContent.TextMaxLength)
            .WithMessage("De onderbouwing is te lang.");
        RuleFor(f => f.SupportSection).NotEmpty().WithMessage("Beschrijf het handelingsdeel: welke ondersteuning, door wie en hoe lang.")
            .MaximumLength(PlanContent.TextMaxLength).WithMessage("Het handelingsdeel is te lang.");
        RuleFor(f => f.SupportingFactors).MaximumLength(PlanContent.TextMaxLength).WithMessage("De bevorderende factoren zijn te lang.");
        RuleFor(f => f.HinderingFactors).MaximumLength(PlanContent.TextMaxLength).WithMessage("De belemmerende factoren zijn te lang.");
    }
}

public sealed class ConsentForm
{
    public bool? Agreed { get; set; }

    public DateOnly? On { get; set; }

    public string? GivenBy { get; set; }

    public string? Remarks { get; set; }

    public Guid ConcurrencyToken { get; set; }
}

public sealed class ConsentFormValidator : AbstractValidator<ConsentForm>
{
    public ConsentFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Agreed).NotNull().WithMessage("Kies of de ouders instemmen of bezwaar maken.");
        RuleFor(f => f.On).NotNull().WithMessage("Vul de datum in.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De datum van de toestemming kan niet in de toekomst liggen.");
        RuleFor(f => f.GivenBy).NotEmpty().WithMessage("Vul in wie instemde of bezwaar maakte.").MaximumLength(200)
            .WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Remarks).MaximumLength(2000).WithMessage("De opmerkingen zijn hoogstens 2000 tekens lang.");
    }
}

public sealed class PupilViewForm
{
    public string? View { get; set; }

    public Guid ConcurrencyToken { get; set; }
}

public sealed class PupilViewFormValidator : AbstractValidator<PupilViewForm>
{
    public PupilViewFormValidator()
    {
        RuleFor(f => f.View).NotEmpty().WithMessage("Schrijf op hoe de leerling zelf over het plan denkt.")
            .MaximumLength(2000).WithMessage("Hoogstens 2000 tekens.");
    }
}

public sealed class ResultRow
{
    public Guid GoalKey { get; set; }

    public GoalResult? Result { get; set; }

    public string? Note { get; set; }
}

public sealed class EvaluateForm
{
    public DateOnly? On { get; set; }

    public List<ResultRow> Results { get; set; } = [];

    public string? Summary { get; set; }

    public Guid ConcurrencyToken { get; set; }
}

public sealed class EvaluateFormValidator : AbstractValidator<EvaluateForm>
{
    public EvaluateFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.On).NotNull().WithMessage("Vul de datum van de evaluatie in.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De evaluatiedatum kan niet in de toekomst liggen.");
        RuleForEach(f => f.Results).ChildRules(row =>
        {
            row.RuleFor(r => r.Result).NotNull().WithMessage("Kies voor elk doel of het bereikt is.");
            row.RuleFor(r => r.Note).MaximumLength(2000).WithMessage("Een toelichting is hoogstens 2000 tekens lang.");
        });
        RuleFor(f => f.Summary).MaximumLength(2000).WithMessage("De samenvatting is hoogstens 2000 tekens lang.");
    }
}

public sealed class MeasureEvaluationForm
{
    public Guid MeasureKey { get; set; }

    public DateOnly? On { get; set; }

    public string? Note { get; set; }
}

public sealed class MeasureEvaluationFormValidator : AbstractValidator<MeasureEvaluationForm>
{
    public MeasureEvaluationFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.On).NotNull().WithMessage("Vul de datum in.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage("De datum kan niet in de toekomst liggen.");
        RuleFor(f => f.Note).NotEmpty().WithMessage("Schrijf hoe de maatregel ging.").MaximumLength(2000)
            .WithMessage("Hoogstens 2000 tekens.");
    }
}
