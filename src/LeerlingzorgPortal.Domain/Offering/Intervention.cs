using LeerlingzorgPortal.Domain.Care;

namespace LeerlingzorgPortal.Domain.Offering;

/// <summary>
/// One of the school's own interventions (zorgaanbod): a training, remedial teaching, counselling.
/// It guards its capacity: a pupil is admitted while there is room, otherwise they wait in line.
/// Taken out of use, never deleted, so enrolments keep their history.
/// </summary>
public sealed class Intervention
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 500;
    public const int MaxCapacity = 500;

    private readonly List<Enrolment> _enrolments = [];

    private Intervention()
    {
        Name = string.Empty;
        Description = string.Empty;
        TargetGroup = string.Empty;
        Provider = string.Empty;
        Period = string.Empty;
    }

    public Intervention(InterventionDetails details)
        : this()
    {
        Apply(details);
        IsActive = true;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Description { get; private set; }

    /// <summary>For whom it is meant, e.g. "leerjaar 1 en 2, faalangst bij toetsen".</summary>
    public string TargetGroup { get; private set; }

    /// <summary>Who gives it: a care worker, a remedial teacher, an outside trainer.</summary>
    public string Provider { get; private set; }

    /// <summary>Basic or extra support, as in the school support profile.</summary>
    public SupportLevel SupportLevel { get; private set; }

    /// <summary>How many pupils take part at once.</summary>
    public int Capacity { get; private set; }

    /// <summary>When it runs, e.g. "ronde 1: oktober–december; ronde 2: februari–april".</summary>
    public string Period { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Changes with every enrolment, so two people cannot fill the last place at once.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<Enrolment> Enrolments => _enrolments;

    public int ParticipantCount => _enrolments.Count(e => e.Status == EnrolmentStatus.Participating);

    public int FreePlaces => Math.Max(0, Capacity - ParticipantCount);

    public bool IsFull => FreePlaces == 0;

    /// <summary>Why an enrolment was refused; the form then offers the waiting list instead.</summary>
    public string FullMessage => $"{Name} is vol ({Capacity} van {Capacity} plaatsen bezet). Zet de leerling op de wachtlijst.";

    /// <summary>Those waiting, first come first served.</summary>
    public IReadOnlyList<Enrolment> WaitingList =>
        _enrolments.Where(e => e.Status == EnrolmentStatus.Waiting).OrderBy(e => e.RequestedAt).ThenBy(e => e.Id).ToList();

    public void Update(InterventionDetails details) => Apply(details);

    public void SetActive(bool active) => IsActive = active;

    /// <summary>Admits the pupil as a participant; refuses when the intervention is full.</summary>
    public Enrolment Enrol(int pupilId, int? referralId, DateOnly startOn, string enrolledById, DateTimeOffset now)
    {
        EnsureOpenFor(pupilId);
        if (IsFull)
        {
            throw new DomainRuleException(FullMessage);
        }

        var enrolment = Enrolment.Participating(pupilId, referralId, startOn, enrolledById, now);
        _enrolments.Add(enrolment);
        Version = Guid.NewGuid();
        return enrolment;
    }

    /// <summary>Puts the pupil in line; allowed whether or not there is room (a later round, say).</summary>
    public Enrolment PutOnWaitingList(int pupilId, int? referralId, string enrolledById, DateTimeOffset now)
    {
        EnsureOpenFor(pupilId);
        var enrolment = Enrolment.OnWaitingList(pupilId, referralId, enrolledById, now);
        _enrolments.Add(enrolment);
        Version = Guid.NewGuid();
        return enrolment;
    }

    /// <summary>Moves a waiting pupil into a free place.</summary>
    public void Admit(int enrolmentId, DateOnly startOn, DateTimeOffset now)
    {
        var enrolment = Find(enrolmentId);
        if (enrolment.Status != EnrolmentStatus.Waiting)
        {
            throw new DomainRuleException("Alleen een leerling op de wachtlijst kan worden geplaatst.");
        }

        if (IsFull)
        {
            throw new DomainRuleException(FullMessage);
        }

        enrolment.Admit(startOn, now);
        Version = Guid.NewGuid();
    }

    public void Finish(int enrolmentId, DateOnly endOn, string outcome)
    {
        Find(enrolmentId).Finish(endOn, outcome);
        Version = Guid.NewGuid();
    }

    public void Withdraw(int enrolmentId, DateOnly endOn, string? reason)
    {
        Find(enrolmentId).Withdraw(endOn, reason);
        Version = Guid.NewGuid();
    }

    private Enrolment Find(int enrolmentId) =>
        _enrolments.SingleOrDefault(e => e.Id == enrolmentId)
        ?? throw new DomainRuleException("Deze inschrijving hoort niet bij deze interventie.");

    private void EnsureOpenFor(int pupilId)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("Deze interventie is niet meer in gebruik; er kan niemand meer worden ingeschreven.");
        }

        if (_enrolments.Any(e => e.PupilId == pupilId && e.IsOpen))
        {
            throw new DomainRuleException("Deze leerling staat al ingeschreven of op de wachtlijst voor deze interventie.");
        }
    }

    private void Apply(InterventionDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Capacity is < 1 or > MaxCapacity)
        {
            throw new DomainRuleException($"De capaciteit moet tussen 1 en {MaxCapacity} liggen.");
        }

        if (_enrolments.Count > 0 && details.Capacity < ParticipantCount)
        {
            throw new DomainRuleException(
                $"De capaciteit kan niet lager zijn dan het aantal huidige deelnemers ({ParticipantCount}).");
        }

        Name = Guard.Text(details.Name, NameMaxLength, "De naam van de interventie");
        Description = Guard.Text(details.Description, TextMaxLength, "De omschrijving");
        TargetGroup = Guard.Text(details.TargetGroup, ShortTextMaxLength, "De doelgroep");
        Provider = Guard.Text(details.Provider, NameMaxLength, "De aanbieder");
        Period = Guard.Text(details.Period, ShortTextMaxLength, "De periode of rondes");
        SupportLevel = details.SupportLevel;
        Capacity = details.Capacity;
        Version = Guid.NewGuid();
    }
}

public sealed record InterventionDetails(
    string Name,
    string Description,
    string TargetGroup,
    string Provider,
    SupportLevel SupportLevel,
    int Capacity,
    string Period);
