using FluentValidation;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Features.Incidents;

public sealed class InvolvedRow
{
    public int? PupilId { get; set; }

    public IncidentRole? Role { get; set; }
}

public sealed class IncidentForm
{
    public const int Rows = 6;

    public DateOnly? Date { get; set; }

    public TimeOnly? Time { get; set; }

    public string? Place { get; set; }

    public IncidentCategory? Category { get; set; }

    /// <summary>One of the school's own categories; the monitoring category is then "overig".</summary>
    public int? CustomCategoryId { get; set; }

    public IncidentSeverity? Severity { get; set; }

    public string? Description { get; set; }

    public string? MeasuresTaken { get; set; }

    public bool ParentsInformed { get; set; }

    public bool FollowUpNeeded { get; set; }

    public List<InvolvedRow> Pupils { get; set; } = [];

    /// <summary>The pupil search term (name or number); the search only finds pupils the reporter may name.</summary>
    public string? Search { get; set; }

    /// <summary>The chosen pupils first, without empty or repeated rows, at most <see cref="Rows"/>.</summary>
    public IncidentForm Compact()
    {
        Pupils = Pupils.Where(p => p.PupilId is not null).DistinctBy(p => p.PupilId).Take(Rows).ToList();
        return this;
    }

    /// <summary>Adds a chosen pupil (once, and only while there is room).</summary>
    public bool Choose(int pupilId)
    {
        Compact();
        if (Pupils.Count >= Rows || Pupils.Exists(p => p.PupilId == pupilId))
        {
            return false;
        }

        Pupils.Add(new InvolvedRow { PupilId = pupilId });
        return true;
    }

    public IReadOnlyList<(int PupilId, IncidentRole Role)> Involved =>
        Pupils.Where(p => p.PupilId is not null).Select(p => (p.PupilId!.Value, p.Role ?? IncidentRole.Involved)).ToList();
}

/// <summary>What the incident form's pupil search found: capped, with a Dutch hint when nothing or too much was found.</summary>
public sealed record PupilSearchResult(IReadOnlyList<FilterOption> Pupils, bool Capped, string? Hint)
{
    public const int Cap = 10;

    public const int MinimumLength = 2;

    public static readonly PupilSearchResult None = new([], false, null);
}

public sealed class IncidentFormValidator : AbstractValidator<IncidentForm>
{
    public IncidentFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.Date).NotNull().WithMessage("Vul de datum in.");
        RuleFor(f => f.Time).NotNull().WithMessage("Vul het tijdstip in.");
        RuleFor(f => f).Must(f => f.Date is null || f.Time is null
                                  || new DateTimeOffset(f.Date.Value.ToDateTime(f.Time.Value), TimeSpan.Zero) <= clock.GetUtcNow())
            .OverridePropertyName("Date").WithMessage("Een incident kan niet in de toekomst hebben plaatsgevonden.");
        RuleFor(f => f.Place).NotEmpty().WithMessage("Vul de plaats in.").MaximumLength(Incident.PlaceMaxLength).WithMessage("Hoogstens 200 tekens.");
        RuleFor(f => f.Category).NotNull().When(f => f.CustomCategoryId is null).WithMessage("Kies de categorie.")
            .IsInEnum().WithMessage("Kies een bestaande categorie.");
        RuleFor(f => f.Severity).NotNull().WithMessage("Kies de ernst.").IsInEnum().WithMessage("Kies een bestaande ernst.");
        RuleFor(f => f.Description).NotEmpty().WithMessage("Beschrijf wat er gebeurde.").MaximumLength(Incident.TextMaxLength).WithMessage("Hoogstens 4000 tekens.");
        RuleFor(f => f.MeasuresTaken).MaximumLength(Incident.TextMaxLength).WithMessage("Hoogstens 4000 tekens.");
        RuleFor(f => f.Pupils).Must(p => p.Exists(r => r.PupilId is not null)).WithMessage("Kies minstens één betrokken leerling.");
        RuleFor(f => f.Pupils).Must(p => p.Where(r => r.PupilId is not null).GroupBy(r => r.PupilId).All(g => g.Count() == 1))
            .WithMessage("Dezelfde leerling staat twee keer bij de betrokkenen.");
        RuleForEach(f => f.Pupils).Must(r => r.PupilId is null || r.Role is not null).WithMessage("Kies voor elke betrokken leerling een rol.");
        RuleFor(f => f.Pupils).Must(p => p.Count(r => r.PupilId is not null) <= IncidentForm.Rows)
            .WithMessage("Hoogstens 6 leerlingen per melding; beschrijf de anderen in de tekst.");
        RuleFor(f => f.Search).MaximumLength(100).WithMessage("Hoogstens 100 tekens.");
    }
}

public sealed class FollowUpForm
{
    public int? ReferralId { get; set; }

    public string? Description { get; set; }

    public string? OwnerId { get; set; }

    public DateOnly? DueDate { get; set; }
}

public sealed class FollowUpFormValidator : AbstractValidator<FollowUpForm>
{
    public FollowUpFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.ReferralId).NotNull().WithMessage("Kies het zorgtraject van een betrokken leerling.");
        RuleFor(f => f.Description).NotEmpty().WithMessage("Omschrijf het actiepunt.").MaximumLength(500).WithMessage("Hoogstens 500 tekens.");
        RuleFor(f => f.OwnerId).NotEmpty().WithMessage("Kies wie het actiepunt uitvoert.");
        RuleFor(f => f.DueDate).NotNull().WithMessage("Kies een deadline.")
            .GreaterThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("De deadline kan niet voor vandaag liggen.");
    }
}
