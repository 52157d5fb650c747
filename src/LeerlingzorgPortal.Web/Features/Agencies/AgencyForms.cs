using FluentValidation;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Web.Features.Agencies;

/// <summary>An agency of the sociale kaart, as typed in the create and edit forms.</summary>
public sealed class AgencyForm
{
    public string? Name { get; set; }

    public PartnerKind? Kind { get; set; }

    public string? Region { get; set; }

    public string? ContactPerson { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public string? Address { get; set; }

    public string? Offer { get; set; }

    public string? HowToRefer { get; set; }

    /// <summary>The version the user saw, so a colleague's change in between is not overwritten.</summary>
    public Guid? Version { get; set; }

    public static AgencyForm From(ExternalOrganisation agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        return new AgencyForm
        {
            Version = agency.Version,
            Name = agency.Name,
            Kind = agency.Kind,
            Region = agency.Region,
            ContactPerson = agency.ContactPerson,
            Phone = agency.Phone,
            Email = agency.Email,
            Website = agency.Website,
            Address = agency.Address,
            Offer = agency.Offer,
            HowToRefer = agency.HowToRefer,
        };
    }

    public AgencyDetails ToDetails() => new(Trim(Region), Trim(ContactPerson), Trim(Phone), Trim(Email), Trim(Website), Trim(Address),
        Trim(Offer), Trim(HowToRefer));

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class AgencyFormValidator : AbstractValidator<AgencyForm>
{
    public AgencyFormValidator()
    {
        RuleFor(f => f.Name).NotEmpty().WithMessage("Vul de naam van de instantie in.")
            .MaximumLength(ExternalOrganisation.NameMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Kind).NotNull().WithMessage("Kies het soort instantie.").IsInEnum().WithMessage("Kies het soort instantie.");
        RuleFor(f => f.Region).MaximumLength(ExternalOrganisation.ShortTextMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.ContactPerson).MaximumLength(ExternalOrganisation.ShortTextMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Phone).MaximumLength(50).WithMessage("Hoogstens 50 tekens.");
        RuleFor(f => f.Email).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.Email)).WithMessage("Vul een geldig e-mailadres in.")
            .MaximumLength(ExternalOrganisation.ShortTextMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Website).Must(BeAWebAddress).When(f => !string.IsNullOrWhiteSpace(f.Website))
            .WithMessage("De website moet beginnen met https:// of http://.")
            .MaximumLength(ExternalOrganisation.ShortTextMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Address).MaximumLength(ExternalOrganisation.ShortTextMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Offer).MaximumLength(ExternalOrganisation.TextMaxLength).WithMessage("Hoogstens 2000 tekens.");
        RuleFor(f => f.HowToRefer).MaximumLength(ExternalOrganisation.TextMaxLength).WithMessage("Hoogstens 2000 tekens.");
    }

    private static bool BeAWebAddress(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
