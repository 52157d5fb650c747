namespace LeerlingzorgPortal.Domain.Incidents;

public enum IncidentCategory
{
    Bullying,
    Cyberbullying,
    PhysicalViolence,
    VerbalViolence,
    Discrimination,
    SexualHarassment,
    Theft,
    Vandalism,
    SubstanceUse,
    Weapons,
    Other,
}

public enum IncidentSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>The part one pupil played in one incident.</summary>
public enum IncidentRole
{
    Victim,
    Perpetrator,
    Involved,
    Witness,
}

/// <summary>
/// An incident in the log (Wet veiligheid op school). Several pupils can be involved, each with their
/// own role: a role belongs to one pupil in one incident and is never copied to the others.
/// </summary>
public sealed class Incident
{
    public const int PlaceMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int MaxPupils = 20;

    private readonly List<IncidentParticipant> _involved = [];

    private Incident()
    {
        Place = string.Empty;
        Description = string.Empty;
        ReportedById = string.Empty;
    }

    private Incident(int locationId, IncidentDetails details, string reportedById, DateTimeOffset now)
    {
        LocationId = locationId;
        ReportedById = reportedById;
        ReportedAt = now;
        Place = string.Empty;
        Description = string.Empty;
        Describe(details, now);
    }

    public int Id { get; private set; }

    public int LocationId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Place { get; private set; }

    public IncidentCategory Category { get; private set; }

    /// <summary>A school's own category; the monitoring category is then "overig".</summary>
    public int? CustomCategoryId { get; private set; }

    public IncidentSeverity Severity { get; private set; }

    public string Description { get; private set; }

    public string? MeasuresTaken { get; private set; }

    public bool ParentsInformed { get; private set; }

    public bool FollowUpNeeded { get; private set; }

    public string ReportedById { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public IReadOnlyCollection<IncidentParticipant> Involved => _involved.AsReadOnly();

    public static Incident Report(int locationId, IncidentDetails details, IReadOnlyCollection<(int PupilId, IncidentRole Role)> pupils,
        string reportedById, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        if (pupils.Count == 0)
        {
            throw new DomainRuleException("Kies minstens één betrokken leerling.");
        }

        var incident = new Incident(locationId, details, reportedById, now);
        foreach (var (pupilId, role) in pupils)
        {
            incident.Involve(pupilId, role);
        }

        return incident;
    }

    /// <summary>Adds a pupil with their own role; the roles of the others stay as they are.</summary>
    public IncidentParticipant Involve(int pupilId, IncidentRole role)
    {
        if (_involved.Exists(p => p.PupilId == pupilId))
        {
            throw new DomainRuleException("Deze leerling is al betrokken bij dit incident; pas zo nodig de rol aan.");
        }

        if (_involved.Count >= MaxPupils)
        {
            throw new DomainRuleException($"Een incident heeft hoogstens {MaxPupils} betrokken leerlingen.");
        }

        var participant = new IncidentParticipant(pupilId, role);
        _involved.Add(participant);
        return participant;
    }

    /// <summary>Changes the role of one pupil only.</summary>
    public void ChangeRole(int pupilId, IncidentRole role)
    {
        var participant = _involved.Find(p => p.PupilId == pupilId)
                          ?? throw new DomainRuleException("Deze leerling is niet betrokken bij dit incident.");
        participant.Role = role;
    }

    public IncidentRole? RoleOf(int pupilId) => _involved.Find(p => p.PupilId == pupilId)?.Role;

    private void Describe(IncidentDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.OccurredAt > now)
        {
            throw new DomainRuleException("Een incident kan niet in de toekomst hebben plaatsgevonden.");
        }

        OccurredAt = details.OccurredAt;
        Place = Guard.Text(details.Place, PlaceMaxLength, "De plaats");
        Category = details.CustomCategoryId is null ? details.Category : IncidentCategory.Other;
        CustomCategoryId = details.CustomCategoryId;
        Severity = details.Severity;
        Description = Guard.Text(details.Description, TextMaxLength, "De beschrijving");
        MeasuresTaken = Guard.OptionalText(details.MeasuresTaken, TextMaxLength, "De genomen maatregelen");
        ParentsInformed = details.ParentsInformed;
        FollowUpNeeded = details.FollowUpNeeded;
    }
}

public sealed record IncidentDetails(
    DateTimeOffset OccurredAt,
    string Place,
    IncidentCategory Category,
    IncidentSeverity Severity,
    string Description,
    string? MeasuresTaken,
    bool ParentsInformed,
    bool FollowUpNeeded,
    int? CustomCategoryId = null);

public sealed class IncidentParticipant
{
    private IncidentParticipant()
    {
    }

    internal IncidentParticipant(int pupilId, IncidentRole role)
    {
        PupilId = pupilId;
        Role = role;
    }

    public int IncidentId { get; private set; }

    public int PupilId { get; private set; }

    public IncidentRole Role { get; internal set; }
}
