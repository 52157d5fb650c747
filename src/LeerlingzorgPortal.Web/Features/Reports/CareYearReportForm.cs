using FluentValidation;
using LeerlingzorgPortal.Domain.Reporting;
using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>The coordinator's text sections of the zorgjaarverslag.</summary>
public sealed class CareYearReportForm
{
    public string? FiguresComment { get; set; }

    public string? PolicyEvaluation { get; set; }

    public string? GoalsNextYear { get; set; }

    /// <summary>The version the coordinator started from; empty for a report not saved before.</summary>
    public Guid ConcurrencyToken { get; set; }

    public CareYearReportText ToText() => new(FiguresComment, PolicyEvaluation, GoalsNextYear);
}

public sealed class CareYearReportFormValidator : AbstractValidator<CareYearReportForm>
{
    public CareYearReportFormValidator()
    {
        var max = Dutch.Number(CareYearReport.SectionMaxLength);
        RuleFor(f => f.FiguresComment).MaximumLength(CareYearReport.SectionMaxLength)
            .WithMessage($"De toelichting bij de cijfers is hoogstens {max} tekens lang.");
        RuleFor(f => f.PolicyEvaluation).MaximumLength(CareYearReport.SectionMaxLength)
            .WithMessage($"De evaluatie van het zorgbeleid is hoogstens {max} tekens lang.");
        RuleFor(f => f.GoalsNextYear).MaximumLength(CareYearReport.SectionMaxLength)
            .WithMessage($"De doelen voor volgend schooljaar zijn hoogstens {max} tekens lang.");
    }
}
