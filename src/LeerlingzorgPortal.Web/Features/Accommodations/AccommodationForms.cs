using FluentValidation;
using LeerlingzorgPortal.Domain.Accommodations;

namespace LeerlingzorgPortal.Web.Features.Accommodations;

/// <summary>Granting or changing a faciliteit: what the teachers see (kind, detail, dates) and the ground only care staff see.</summary>
public sealed class AccommodationForm
{
    public AccommodationKind? Kind { get; set; }

    public string? Detail { get; set; }

    public string? Ground { get; set; }

    public DateOnly? StatementValidUntil { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>The version the user saw, so a colleague's change in between is not overwritten.</summary>
    public Guid? Version { get; set; }

    /// <summary>Call only after validation: the required fields are then filled.</summary>
    public AccommodationTerms ToTerms() =>
        new(Kind!.Value, Detail, Ground!, StatementValidUntil, ValidFrom!.Value, ValidUntil!.Value);

    public static AccommodationForm From(Accommodation accommodation)
    {
        ArgumentNullException.ThrowIfNull(accommodation);
        return new AccommodationForm
        {
            Kind = accommodation.Kind,
            Version = accommodation.Version,
            Detail = accommodation.Detail,
            Ground = accommodation.Ground,
            StatementValidUntil = accommodation.StatementValidUntil,
            ValidFrom = accommodation.ValidFrom,
            ValidUntil = accommodation.ValidUntil,
        };
    }
}

public sealed class AccommodationFormValidator : AbstractValidator<AccommodationForm>
{
    public AccommodationFormValidator()
    {
        RuleFor(f => f.Kind).NotNull().WithMessage("Kies de soort faciliteit.")
            .IsInEnum().WithMessage("Kies een bestaande soort faciliteit.");
        RuleFor(f => f.Detail)
            .MaximumLength(Accommodation.DetailMaxLength)
            .WithMessage($"De omschrijving voor docenten mag hoogstens {Accommodation.DetailMaxLength} tekens hebben.");
        RuleFor(f => f.Detail).Must(d => !string.IsNullOrWhiteSpace(d))
            .When(f => f.Kind is AccommodationKind.Exemption or AccommodationKind.Other)
            .WithMessage("Geef bij een vrijstelling of een andere faciliteit aan wat die precies inhoudt.");
        RuleFor(f => f.Ground).Must(g => !string.IsNullOrWhiteSpace(g)).WithMessage("Vul de reden of verklaring in.")
            .MaximumLength(Accommodation.GroundMaxLength)
            .WithMessage($"De reden of verklaring mag hoogstens {Accommodation.GroundMaxLength} tekens hebben.");
        RuleFor(f => f.ValidFrom).NotNull().WithMessage("Vul in vanaf wanneer de faciliteit geldt.");
        RuleFor(f => f.ValidUntil).NotNull().WithMessage("Vul in tot wanneer de faciliteit geldt.");
        RuleFor(f => f.ValidUntil).GreaterThanOrEqualTo(f => f.ValidFrom)
            .When(f => f.ValidFrom is not null && f.ValidUntil is not null)
            .WithMessage("De einddatum van de faciliteit ligt voor de begindatum.");
    }
}

/// <summary>Withdrawing a faciliteit from a given day on.</summary>
public sealed class WithdrawAccommodationForm
{
    public DateOnly? WithdrawOn { get; set; }

    public Guid? Version { get; set; }
}

public sealed class WithdrawAccommodationFormValidator : AbstractValidator<WithdrawAccommodationForm>
{
    public WithdrawAccommodationFormValidator()
    {
        RuleFor(f => f.WithdrawOn).NotNull().WithMessage("Vul in vanaf welke dag de faciliteit vervalt.");
    }
}
