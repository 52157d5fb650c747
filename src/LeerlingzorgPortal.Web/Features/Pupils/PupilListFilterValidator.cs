using FluentValidation;

namespace LeerlingzorgPortal.Web.Features.Pupils;

public sealed class PupilListFilterValidator : AbstractValidator<PupilListFilter>
{
    public PupilListFilterValidator()
    {
        RuleFor(f => f.Search)
            .MaximumLength(PupilListFilter.SearchMaxLength)
            .WithMessage($"Zoek met hoogstens {PupilListFilter.SearchMaxLength} tekens.");
        RuleFor(f => f.Page).GreaterThan(0).When(f => f.Page is not null)
            .WithMessage("Het paginanummer moet 1 of hoger zijn.");
    }
}
