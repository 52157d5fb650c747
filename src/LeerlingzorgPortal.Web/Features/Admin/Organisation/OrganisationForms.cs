using FluentValidation;
using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Web.Features.Admin.Organisation;

public sealed class BoardForm
{
    public string? Name { get; set; }
}

public sealed class LocationForm
{
    public string? Name { get; set; }

    public string? Code { get; set; }
}

public sealed class MentorGroupForm
{
    public int LocationId { get; set; }

    public string? Name { get; set; }

    public int? SchoolYearStart { get; set; }
}

public sealed class BoardFormValidator : AbstractValidator<BoardForm>
{
    public BoardFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Vul de naam van de stichting in.")
            .MaximumLength(Board.NameMaxLength).WithMessage($"De naam is hoogstens {Board.NameMaxLength} tekens lang.");
    }
}

public sealed class LocationFormValidator : AbstractValidator<LocationForm>
{
    public LocationFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Vul de naam van de locatie in.")
            .MaximumLength(Location.NameMaxLength).WithMessage($"De naam is hoogstens {Location.NameMaxLength} tekens lang.");
        RuleFor(f => f.Code).NotEmpty().WithMessage("Vul een code in, bijvoorbeeld het brinnummer met volgnummer.")
            .MaximumLength(Location.CodeMaxLength).WithMessage($"De code is hoogstens {Location.CodeMaxLength} tekens lang.")
            .Matches("^[A-Za-z0-9-]+$").WithMessage("De code bestaat alleen uit letters, cijfers en streepjes.");
    }
}

public sealed class MentorGroupFormValidator : AbstractValidator<MentorGroupForm>
{
    public MentorGroupFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Vul de naam van de mentorgroep in, bijvoorbeeld 2B.")
            .MaximumLength(MentorGroup.NameMaxLength).WithMessage($"De naam is hoogstens {MentorGroup.NameMaxLength} tekens lang.");
        RuleFor(f => f.SchoolYearStart).NotNull().WithMessage("Kies het schooljaar.")
            .InclusiveBetween(2000, 2100).WithMessage("Kies een schooljaar tussen 2000 en 2100.");
    }
}
