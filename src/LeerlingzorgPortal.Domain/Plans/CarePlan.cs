using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Plans;

public enum PlanKind
{
    Support,
    Opp,
}

public enum PlanStatus
{
    Draft,
    Active,
    Evaluated,
    Closed,
}

public enum GoalResult
{
    Reached,
    PartlyReached,
    NotReached,
}

/// <summary>
/// A support plan (ondersteuningsplan / handelingsplan) on a care case, or its heavier form, the OPP.
/// Draft → active → evaluated → (continued as a new draft version, or) closed. Every save keeps a
/// version; an OPP becomes active only with the parents' consent to the version being set.
/// </summary>
public sealed class CarePlan
{
    private readonly List<PlanVersion> _versions = [];
    private readonly List<PlanEvaluation> _evaluations = [];
    private readonly List<PlanConsent> _consents = [];
    private readonly List<MeasureEvaluation> _measureEvaluations = [];

    private CarePlan()
    {
        ResponsibleId = string.Empty;
        Content = null!;
    }

    private CarePlan(int referralId, int pupilId, string responsibleId, PlanContent content, DateTimeOffset now)
    {
        ReferralId = referralId;
        PupilId = pupilId;
        ResponsibleId = responsibleId;
        Kind = PlanKind.Support;
        Status = PlanStatus.Draft;
        CreatedAt = now;
        Content = content.Checked();
        SaveVersion(Content, responsibleId, now);
    }

    public int Id { get; private set; }

    /// <summary>The care case (a triaged referral) the plan belongs to.</summary>
    public int ReferralId { get; private set; }

    public int PupilId { get; private set; }

    /// <summary>The care worker who writes the plan and is signalled about its deadlines.</summary>
    public string ResponsibleId { get; private set; }

    public PlanKind Kind { get; private set; }

    public PlanStatus Status { get; private set; }

    public PlanContent Content { get; private set; }

    public int VersionNumber { get; private set; }

    /// <summary>For an OPP: the day the need for extra support was established; it must be set within 6 weeks.</summary>
    public DateOnly? NeedEstablishedOn { get; private set; }

    /// <summary>The first time the plan became active (for an OPP: vastgesteld).</summary>
    public DateOnly? FirstActivatedOn { get; private set; }

    public DateOnly? LastEvaluatedOn { get; private set; }

    /// <summary>The pupil's own view of the plan, as they told it.</summary>
    public string? PupilView { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes with every change, so that two people editing at once are noticed.</summary>
    public Guid ConcurrencyToken { get; private set; }

    public IReadOnlyCollection<PlanVersion> Versions => _versions.AsReadOnly();

    public IReadOnlyCollection<PlanEvaluation> Evaluations => _evaluations.AsReadOnly();

    public IReadOnlyCollection<PlanConsent> Consents => _consents.AsReadOnly();

    public IReadOnlyCollection<MeasureEvaluation> MeasureEvaluations => _measureEvaluations.AsReadOnly();

    public static CarePlan Start(int referralId, int pupilId, string responsibleId, PlanContent content, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new CarePlan(referralId, pupilId, responsibleId, content, now);
    }

    /// <summary>Saves changed content as a new version; only a draft can be changed.</summary>
    public void Revise(PlanContent content, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        Require(PlanStatus.Draft, "wijzigen");
        if (Kind == PlanKind.Opp && content.Opp is null)
        {
            throw new DomainRuleException("Een OPP moet zijn eigen onderdelen houden (uitstroomprofiel, factoren, handelingsdeel).");
        }

        if (content == Content || SameContent(content, Content))
        {
            return;
        }

        SaveVersion(content.Checked(), byId, now);
    }

    /// <summary>Turns a draft plan into an OPP, from the day the need for extra support was established.</summary>
    public void MakeOpp(DateOnly needEstablishedOn, OppParts parts, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Require(PlanStatus.Draft, "een OPP maken");
        if (needEstablishedOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De datum waarop de ondersteuningsbehoefte is vastgesteld kan niet in de toekomst liggen.");
        }

        Kind = PlanKind.Opp;
        NeedEstablishedOn = needEstablishedOn;
        SaveVersion((Content with { Opp = parts }).Checked(), byId, now);
    }

    /// <summary>
    /// Records the parents' answer to the handelingsdeel of the current version. A new answer for
    /// the same version replaces nothing: every answer is kept.
    /// </summary>
    public void RecordConsent(bool agreed, DateOnly on, string givenBy, string? remarks, string recordedById, DateTimeOffset now)
    {
        if (Kind != PlanKind.Opp)
        {
            throw new DomainRuleException("Toestemming voor het handelingsdeel hoort bij een OPP.");
        }

        if (on > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De datum van de toestemming kan niet in de toekomst liggen.");
        }

        _consents.Add(new PlanConsent(VersionNumber, agreed, on, Guard.Text(givenBy, 200, "Wie de toestemming gaf"),
            Guard.OptionalText(remarks, 2000, "De opmerkingen"), recordedById, now));
        Touch();
    }

    public void RecordPupilView(string view)
    {
        PupilView = Guard.Text(view, 2000, "De mening van de leerling");
        Touch();
    }

    /// <summary>Whether the parents agreed to the current version (their last answer for it counts).</summary>
    public bool HasConsentForCurrentVersion =>
        _consents.Where(c => c.VersionNumber == VersionNumber).OrderBy(c => c.RecordedAt).LastOrDefault()?.Agreed == true;

    public void Activate(string byId, DateTimeOffset now)
    {
        Require(PlanStatus.Draft, "activeren");
        if (Content.Goals.Count == 0)
        {
            throw new DomainRuleException("Een plan heeft minstens één doel nodig voordat het actief wordt.");
        }

        if (Kind == PlanKind.Opp)
        {
            var opp = Content.Opp!;
            if (string.IsNullOrWhiteSpace(opp.ExitProfile) || string.IsNullOrWhiteSpace(opp.SupportSection))
            {
                throw new DomainRuleException("Vul het uitstroomprofiel en het handelingsdeel in voordat het OPP wordt vastgesteld.");
            }

            if (!HasConsentForCurrentVersion)
            {
                throw new DomainRuleException(
                    "Het OPP kan niet worden vastgesteld zonder instemming van de ouders met het handelingsdeel van deze versie. Leg eerst hun instemming vast.");
            }
        }

        FirstActivatedOn ??= DateOnly.FromDateTime(now.UtcDateTime);
        Status = PlanStatus.Active;
        Touch();
    }

    public PlanEvaluation Evaluate(DateOnly on, IReadOnlyList<GoalEvaluation> results, string? summary, string byId,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(results);
        Require(PlanStatus.Active, "evalueren");
        if (on > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De evaluatiedatum kan niet in de toekomst liggen.");
        }

        if (FirstActivatedOn is { } activated && on < activated)
        {
            throw new DomainRuleException("Een plan kan niet worden geëvalueerd op een dag voordat het actief werd.");
        }

        var missing = Content.Goals.FirstOrDefault(g => results.All(r => r.GoalKey != g.Key));
        if (missing is not null)
        {
            throw new DomainRuleException($"Geef een uitkomst voor elk doel; '{missing.Description}' ontbreekt.");
        }

        var evaluation = new PlanEvaluation(VersionNumber, on, results.Where(r => Content.Goals.Any(g => g.Key == r.GoalKey)).ToList(),
            Guard.OptionalText(summary, 2000, "De samenvatting"), byId, now);
        _evaluations.Add(evaluation);
        LastEvaluatedOn = on > LastEvaluatedOn || LastEvaluatedOn is null ? on : LastEvaluatedOn;
        Status = PlanStatus.Evaluated;
        Touch();
        return evaluation;
    }

    /// <summary>After an evaluation: carry on with changed goals as a new version, a draft to be activated again.</summary>
    public void Continue(PlanContent content, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        Require(PlanStatus.Evaluated, "voortzetten");
        if (Kind == PlanKind.Opp && content.Opp is null)
        {
            throw new DomainRuleException("Een OPP moet zijn eigen onderdelen houden (uitstroomprofiel, factoren, handelingsdeel).");
        }

        Status = PlanStatus.Draft;
        SaveVersion(content.Checked(), byId, now);
    }

    public void Close(DateTimeOffset now)
    {
        if (Status is not (PlanStatus.Active or PlanStatus.Evaluated))
        {
            throw new DomainRuleException($"Een plan met status '{PlanStatusText.Dutch(Status)}' kun je niet afsluiten.");
        }

        _ = now;
        Status = PlanStatus.Closed;
        Touch();
    }

    /// <summary>A care worker notes how a measure they carry out went.</summary>
    public void EvaluateMeasure(Guid measureKey, DateOnly on, string note, string byId, DateTimeOffset now)
    {
        if (Status is not (PlanStatus.Active or PlanStatus.Evaluated))
        {
            throw new DomainRuleException("Alleen maatregelen van een actief plan kunnen worden geëvalueerd.");
        }

        if (Content.Measures.All(m => m.Key != measureKey))
        {
            throw new DomainRuleException("Deze maatregel hoort niet bij de huidige versie van het plan.");
        }

        if (on > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De datum kan niet in de toekomst liggen.");
        }

        _measureEvaluations.Add(new MeasureEvaluation(measureKey, on, Guard.Text(note, 2000, "De evaluatie"), byId, now));
        Touch();
    }

    private void SaveVersion(PlanContent content, string byId, DateTimeOffset now)
    {
        Content = content;
        VersionNumber++;
        _versions.Add(new PlanVersion(VersionNumber, content, byId, now));
        Touch();
    }

    private void Require(PlanStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainRuleException($"Een plan met status '{PlanStatusText.Dutch(Status)}' kun je niet {action}.");
        }
    }

    private static bool SameContent(PlanContent a, PlanContent b) =>
        a.Title == b.Title && a.StartDate == b.StartDate && a.EvaluationDate == b.EvaluationDate
        && a.Goals.SequenceEqual(b.Goals) && a.Measures.SequenceEqual(b.Measures) && a.Opp == b.Opp;

    private void Touch() => ConcurrencyToken = Guid.NewGuid();
}

public sealed class PlanVersion
{
    private PlanVersion()
    {
        SavedById = string.Empty;
        Content = null!;
    }

    internal PlanVersion(int number, PlanContent content, string savedById, DateTimeOffset savedAt)
    {
        Number = number;
        Content = content;
        SavedById = savedById;
        SavedAt = savedAt;
    }

    public long Id { get; private set; }

    public int CarePlanId { get; private set; }

    public int Number { get; private set; }

    public PlanContent Content { get; private set; }

    public string SavedById { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }
}

public sealed record GoalEvaluation(Guid GoalKey, GoalResult Result, string? Note);

public sealed class PlanEvaluation
{
    private PlanEvaluation()
    {
        ById = string.Empty;
        Results = [];
    }

    internal PlanEvaluation(int versionNumber, DateOnly on, IReadOnlyList<GoalEvaluation> results, string? summary, string byId,
        DateTimeOffset recordedAt)
    {
        VersionNumber = versionNumber;
        EvaluatedOn = on;
        Results = results;
        Summary = summary;
        ById = byId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int CarePlanId { get; private set; }

    public int VersionNumber { get; private set; }

    public DateOnly EvaluatedOn { get; private set; }

    public IReadOnlyList<GoalEvaluation> Results { get; private set; }

    public string? Summary { get; private set; }

    public string ById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The parents' answer to an OPP's handelingsdeel: consent or objection, with date and remarks.</summary>
public sealed class PlanConsent
{
    private PlanConsent()
    {
        GivenBy = string.Empty;
        RecordedById = string.Empty;
    }

    internal PlanConsent(int versionNumber, bool agreed, DateOnly on, string givenBy, string? remarks, string recordedById,
        DateTimeOffset recordedAt)
    {
        VersionNumber = versionNumber;
        Agreed = agreed;
        On = on;
        GivenBy = givenBy;
        Remarks = remarks;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int CarePlanId { get; private set; }

    public int VersionNumber { get; private set; }

    public bool Agreed { get; private set; }

    public DateOnly On { get; private set; }

    public string GivenBy { get; private set; }

    public string? Remarks { get; private set; }

    public string RecordedById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

public sealed class MeasureEvaluation
{
    private MeasureEvaluation()
    {
        Note = string.Empty;
        ById = string.Empty;
    }

    internal MeasureEvaluation(Guid measureKey, DateOnly on, string note, string byId, DateTimeOffset recordedAt)
    {
        MeasureKey = measureKey;
        On = on;
        Note = note;
        ById = byId;
        RecordedAt = recordedAt;
    }

    public long Id { get; private set; }

    public int CarePlanId { get; private set; }

    public Guid MeasureKey { get; private set; }

    public DateOnly On { get; private set; }

    public string Note { get; private set; }

    public string ById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

public static class PlanStatusText
{
    public static string Dutch(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "concept",
        PlanStatus.Active => "actief",
        PlanStatus.Evaluated => "geëvalueerd",
        _ => "afgesloten",
    };
}
