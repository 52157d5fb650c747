using FluentValidation;
using LeerlingzorgPortal.Domain.Meetings;

namespace LeerlingzorgPortal.Web.Features.Meetings;

public sealed class ExternalRow
{
    public string? Name { get; set; }

    public PartnerKind? Kind { get; set; }

    public string? Organisation { get; set; }

    public string? Role { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Organisation) && string.IsNullOrWhiteSpace(Role);
}

public sealed class MeetingForm
{
    public const int ExternalRows = 4;

    public MeetingType? Type { get; set; }

    public int? LocationId { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public string? ChairId { get; set; }

    public string? MinuteTakerId { get; set; }

    public List<string> StaffIds { get; set; } = [];

    public List<ExternalRow> Externals { get; set; } = [];

    /// <summary>How many meetings to plan at once (a series).</summary>
    public int Count { get; set; } = 1;

    public int EveryWeeks { get; set; } = 6;

    /// <summary>
    /// An external row whose organisation is spelled exactly as an agency on the sociale kaart and
    /// whose kind was left open takes that agency's kind.
    /// </summary>
    public void TakeKindsFrom(IEnumerable<Agencies.AgencyOption> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var kinds = agencies.ToDictionary(a => a.Name, a => a.Kind, StringComparer.Ordinal);
        foreach (var row in Externals.Where(r => !r.IsBlank && r.Kind is null && r.Organisation is not null))
        {
            if (kinds.TryGetValue(row.Organisation!.Trim(), out var kind))
            {
                row.Kind = kind;
            }
        }
    }

    public MeetingForm WithRows()
    {
        while (Externals.Count < ExternalRows)
        {
            Externals.Add(new ExternalRow());
        }

        return this;
    }
}

public sealed class MeetingFormValidator : AbstractValidator<MeetingForm>
{
    public MeetingFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Type).NotNull().WithMessage("Kies het soort overleg.").IsInEnum().WithMessage("Kies een bestaand soort overleg.");
        RuleFor(f => f.LocationId).NotNull().WithMessage("Kies de locatie.");
        RuleFor(f => f.Date).NotNull().WithMessage("Kies de datum.");
        RuleFor(f => f.Time).NotNull().WithMessage("Kies het tijdstip.");
        RuleFor(f => f).Must(f => f.Date is null || f.Time is null
                                  || new DateTimeOffset(f.Date.Value.ToDateTime(f.Time.Value), TimeSpan.Zero) > clock.GetUtcNow())
            .WithName("Date").OverridePropertyName("Date").WithMessage("Een overleg plan je in de toekomst.");
        RuleFor(f => f.ChairId).NotEmpty().WithMessage("Kies een voorzitter.");
        RuleFor(f => f.Count).InclusiveBetween(1, 12).WithMessage("Plan 1 tot 12 overleggen tegelijk.");
        RuleFor(f => f.EveryWeeks).InclusiveBetween(1, 26).WithMessage("Kies 1 tot 26 weken tussen de overleggen.");
        RuleForEach(f => f.Externals).ChildRules(row =>
        {
            row.RuleFor(r => r.Name).NotEmpty().When(r => !r.IsBlank).WithMessage("Vul de naam van de externe deelnemer in.")
                .MaximumLength(200).WithMessage("Hoogstens 200 tekens.");
            row.RuleFor(r => r.Organisation).NotEmpty().When(r => !r.IsBlank).WithMessage("Vul de organisatie van de externe deelnemer in.")
                .MaximumLength(200).WithMessage("Hoogstens 200 tekens.");
            row.RuleFor(r => r.Kind).NotNull().When(r => !r.IsBlank).WithMessage("Kies het soort organisatie.");
            row.RuleFor(r => r.Role).MaximumLength(200).WithMessage("Hoogstens 200 tekens.");
        });
    }
}

public sealed class AgendaItemForm
{
    public int? ReferralId { get; set; }

    public string? Question { get; set; }
}

public sealed class AgendaItemFormValidator : AbstractValidator<AgendaItemForm>
{
    public AgendaItemFormValidator()
    {
        RuleFor(f => f.ReferralId).NotNull().WithMessage("Kies het zorgtraject van de leerling.");
        RuleFor(f => f.Question).MaximumLength(Meeting.QuestionMaxLength).WithMessage("De vraag is hoogstens 1000 tekens lang.");
    }
}

public sealed class MinutesForm
{
    public int ItemId { get; set; }

    /// <summary>The version of the item's minutes the writer started from (AgendaItem.MinutesToken).</summary>
    public string? MinutesToken { get; set; }

    public string? Discussion { get; set; }

    public string? Decisions { get; set; }
}

public sealed class MinutesFormValidator : AbstractValidator<MinutesForm>
{
    public MinutesFormValidator()
    {
        RuleFor(f => f.Discussion).MaximumLength(Meeting.MinutesMaxLength).WithMessage("De bespreking is hoogstens 4000 tekens lang.");
        RuleFor(f => f.Decisions).MaximumLength(Meeting.MinutesMaxLength).WithMessage("De besluiten zijn hoogstens 4000 tekens lang.");
        RuleFor(f => f).Must(f => !string.IsNullOrWhiteSpace(f.Discussion) || !string.IsNullOrWhiteSpace(f.Decisions))
            .OverridePropertyName("Decisions").WithMessage("Schrijf de bespreking of de besluiten.");
    }
}

public sealed class MeetingActionForm
{
    public int ItemId { get; set; }

    public string? Description { get; set; }

    public string? OwnerId { get; set; }

    public DateOnly? DueDate { get; set; }
}

public sealed class MeetingActionFormValidator : AbstractValidator<MeetingActionForm>
{
    public MeetingActionFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Description).NotEmpty().WithMessage("Omschrijf het actiepunt.").MaximumLength(500).WithMessage("Hoogstens 500 tekens.");
        RuleFor(f => f.OwnerId).NotEmpty().WithMessage("Kies wie het actiepunt uitvoert.");
        RuleFor(f => f.DueDate).NotNull().WithMessage("Kies een deadline.")
            .GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("De deadline kan niet voor vandaag liggen.");
    }
}

public sealed class AddendumForm
{
    public string? Text { get; set; }
}

public sealed class AddendumFormValidator : AbstractValidator<AddendumForm>
{
    public AddendumFormValidator()
    {
        RuleFor(f => f.Text).NotEmpty().WithMessage("Schrijf de aanvulling.").MaximumLength(Meeting.MinutesMaxLength).WithMessage("Hoogstens 4000 tekens.");
    }
}

public sealed class PupilConsentForm
{
    public DateOnly? GivenOn { get; set; }

    public string? GivenBy { get; set; }

    public bool GivenByPupil { get; set; }

    public List<MeetingType> MeetingTypes { get; set; } = [];

    public List<PartnerKind> Partners { get; set; } = [];
}

public sealed class PupilConsentFormValidator : AbstractValidator<PupilConsentForm>
{
    public PupilConsentFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.GivenOn).NotNull().WithMessage("Vul de datum van de toestemming in.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("De datum van de toestemming kan niet in de toekomst liggen.");
        RuleFor(f => f.GivenBy).NotEmpty().WithMessage("Vul in wie de toestemming gaf.").MaximumLength(200).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.MeetingTypes).NotEmpty().WithMessage("Kies voor welke overleggen de toestemming geldt.");
        RuleFor(f => f.Partners).NotEmpty().WithMessage("Kies voor welke partners de toestemming geldt.");
    }
}
