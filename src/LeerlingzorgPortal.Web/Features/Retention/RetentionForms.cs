using FluentValidation;
using LeerlingzorgPortal.Domain.Retention;

namespace LeerlingzorgPortal.Web.Features.Retention;

/// <summary>The admin's retention periods, in whole years.</summary>
public sealed class RetentionPeriodsForm
{
    public int? CareDossier { get; set; }

    public int? Absence { get; set; }

    public int? SpecialEducation { get; set; }

    public int? YearsOf(RetentionKind kind) => kind switch
    {
        RetentionKind.CareDossier => CareDossier,
        RetentionKind.Absence => Absence,
        RetentionKind.SpecialEducation => SpecialEducation,
        _ => null,
    };

    public static RetentionPeriodsForm From(IReadOnlyDictionary<RetentionKind, int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return new RetentionPeriodsForm
        {
            CareDossier = years[RetentionKind.CareDossier],
            Absence = years[RetentionKind.Absence],
            SpecialEducation = years[RetentionKind.SpecialEducation],
        };
    }
}

public sealed class RetentionPeriodsFormValidator : AbstractValidator<RetentionPeriodsForm>
{
    public RetentionPeriodsFormValidator()
    {
        Years(f => f.CareDossier, RetentionKind.CareDossier);
        Years(f => f.Absence, RetentionKind.Absence);
        Years(f => f.SpecialEducation, RetentionKind.SpecialEducation);
    }

    private void Years(System.Linq.Expressions.Expression<Func<RetentionPeriodsForm, int?>> field, RetentionKind kind)
    {
        var name = RetentionKindText.Dutch(kind).ToLowerInvariant();
        RuleFor(field).NotNull().WithMessage($"Vul de bewaartermijn voor {name} in, in hele jaren.")
            .InclusiveBetween(RetentionPeriod.MinYears, RetentionPeriod.MaxYears)
            .WithMessage($"De bewaartermijn voor {name} is een heel aantal jaren van {RetentionPeriod.MinYears} tot en met {RetentionPeriod.MaxYears}.");
    }
}

/// <summary>The leaving date set by hand; empty clears it (the pupil is back).</summary>
public sealed class LeavingDateForm
{
    public DateOnly? LeftOn { get; set; }
}

/// <summary>Keeping a kind of data longer: until a date, for a reason such as a legal hold.</summary>
public sealed class PostponeForm
{
    public DateOnly? Until { get; set; }

    public string? Reason { get; set; }
}

public sealed class PostponeFormValidator : AbstractValidator<PostponeForm>
{
    public PostponeFormValidator()
    {
        RuleFor(f => f.Until).NotNull().WithMessage("Vul de datum in tot wanneer de gegevens bewaard blijven.");
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Vul de reden van het uitstel in (bijvoorbeeld een juridische procedure).")
            .MaximumLength(RetentionReview.ReasonMaxLength).WithMessage($"De reden is hoogstens {RetentionReview.ReasonMaxLength} tekens lang.");
    }
}
