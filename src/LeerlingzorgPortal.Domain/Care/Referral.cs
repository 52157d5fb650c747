using LeerlingzorgPortal.Domain.Organisation;

namespace LeerlingzorgPortal.Domain.Care;

/// <summary>
/// An aanmelding and, once triaged, the zorgtraject that grows from it: one aggregate with one
/// lifecycle (draft → submitted → triaged → in progress → closed, or returned to the mentor, or
/// referred out). Every status change is a method that checks the step is allowed and records who
/// and when. See docs/adr/0006.
/// </summary>
public sealed class Referral
{
    public const int QuestionMaxLength = 2000;
    public const int AlreadyTriedMaxLength = 2000;
    public const int AdviceMaxLength = 2000;
    public const int SummaryMaxLength = 4000;
    public const int AgencyMaxLength = 200;

    private readonly List<ReferralTransition> _transitions = [];
    private readonly List<ContactNote> _notes = [];
    private readonly List<ActionItem> _actionItems = [];

    private Referral()
    {
        ReferredById = string.Empty;
    }

    private Referral(Pupil pupil, string referredById, Guid requestId, DateTimeOffset now)
    {
        Pupil = pupil;
        PupilId = pupil.Id;
        LocationId = pupil.LocationId;
        ReferredById = referredById;
        RequestId = requestId;
        CreatedAt = now;
        Status = ReferralStatus.Draft;
        Version = Guid.NewGuid();
        _transitions.Add(new ReferralTransition(null, ReferralStatus.Draft, referredById, now));
    }

    public int Id { get; private set; }

    public int PupilId { get; private set; }

    public Pupil? Pupil { get; private set; }

    /// <summary>The pupil's location when referred: the coordinators of this location triage it.</summary>
    public int LocationId { get; private set; }

    public string ReferredById { get; private set; }

    /// <summary>Where the referral came from: a staff member's signal, or the warm handover of a new pupil.</summary>
    public ReferralSource Source { get; private set; }

    /// <summary>Set by the form that created the draft, so a double submit cannot make two.</summary>
    public Guid RequestId { get; private set; }

    public ReferralCategory Category { get; private set; }

    public Urgency Urgency { get; private set; }

    /// <summary>De hulpvraag.</summary>
    public string? Question { get; private set; }

    public string? AlreadyTried { get; private set; }

    public bool ParentsInformed { get; private set; }

    public DateOnly? ParentsInformedOn { get; private set; }

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? TriagedAt { get; private set; }

    public string? AssignedCareWorkerId { get; private set; }

    public SupportLevel? SupportLevel { get; private set; }

    /// <summary>The first note or action item after triage: for reporting the time to first action.</summary>
    public DateTimeOffset? FirstActionAt { get; private set; }

    /// <summary>
    /// Whole minutes from submission to triage. Kept as a number because SQLite stores moments as
    /// binary (ADR 0002): reports rank these in the database to find the median and the 90th percentile.
    /// </summary>
    public int? MinutesToTriage { get; private set; }

    /// <summary>Whole minutes from submission to the first note or action item (first contact).</summary>
    public int? MinutesToFirstAction { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public CaseOutcome? Outcome { get; private set; }

    /// <summary>The closing summary, the advice when returned, or the reason when referred out.</summary>
    public string? EndNote { get; private set; }

    public string? ReferredOutTo { get; private set; }

    /// <summary>The care worker wants this case discussed in the next ZAT or MDO.</summary>
    public bool IsFlaggedForDiscussion { get; private set; }

    /// <summary>Changes with every change, so that two people acting at once are noticed.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyCollection<ReferralTransition> Transitions => _transitions.AsReadOnly();

    public IReadOnlyCollection<ContactNote> Notes => _notes.AsReadOnly();

    public IReadOnlyCollection<ActionItem> ActionItems => _actionItems.AsReadOnly();

    public bool IsCase => Status is ReferralStatus.Triaged or ReferralStatus.InProgress or ReferralStatus.Closed
        or ReferralStatus.ReferredOut;

    public bool IsOpenCase => Status is ReferralStatus.Triaged or ReferralStatus.InProgress;

    public static Referral Draft(Pupil pupil, string referredById, Guid requestId, ReferralDetails details,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        var referral = new Referral(pupil, referredById, requestId, now);
        referral.Describe(details, DateOnly.FromDateTime(now.UtcDateTime));
        return referral;
    }

    /// <summary>
    /// A new pupil flagged "needs care" at the warm handover: a referral that is submitted at once,
    /// so it enters the coordinator's intake queue and follows the normal lifecycle.
    /// </summary>
    public static Referral FromHandover(Pupil pupil, string byId, Guid requestId, string question, string? supportSoFar, DateTimeOffset now)
    {
        var referral = Draft(pupil, byId, requestId,
            new ReferralDetails(ReferralCategory.Other, Urgency.Normal, question, supportSoFar ?? "Zie de warme overdracht.", false, null), now);
        referral.Source = ReferralSource.WarmHandover;
        referral.Submit(byId, now);
        return referral;
    }

    public void Edit(ReferralDetails details, DateTimeOffset now)
    {
        Require(ReferralStatus.Draft, "wijzigen");
        Describe(details, DateOnly.FromDateTime(now.UtcDateTime));
        Touch();
    }

    public void Submit(string byId, DateTimeOffset now)
    {
        Require(ReferralStatus.Draft, "indienen");
        if (Question is null)
        {
            throw new DomainRuleException("Vul de hulpvraag in voordat je de aanmelding indient.");
        }

        if (AlreadyTried is null)
        {
            throw new DomainRuleException("Beschrijf wat je al hebt geprobeerd voordat je de aanmelding indient.");
        }

        SubmittedAt = now;
        MoveTo(ReferralStatus.Submitted, byId, now);
    }

    public void Triage(string byId, string careWorkerId, SupportLevel level, DateTimeOffset now)
    {
        Require(ReferralStatus.Submitted, "triëren");
        AssignedCareWorkerId = Guard.Text(careWorkerId, 64, "De medewerker leerlingzorg");
        SupportLevel = level;
        TriagedAt = now;
        MinutesToTriage = MinutesSinceSubmission(now);
        MoveTo(ReferralStatus.Triaged, byId, now);
    }

    public void ReturnToMentor(string byId, string advice, DateTimeOffset now)
    {
        Require(ReferralStatus.Submitted, "terugsturen");
        EndNote = Guard.Text(advice, AdviceMaxLength, "Het advies aan de mentor");
        EndedAt = now;
        MoveTo(ReferralStatus.ReturnedToMentor, byId, now);
    }

    public void Reassign(string careWorkerId, SupportLevel level)
    {
        RequireOpenCase("opnieuw toewijzen");
        AssignedCareWorkerId = Guard.Text(careWorkerId, 64, "De medewerker leerlingzorg");
        SupportLevel = level;
        Touch();
    }

    public ContactNote AddNote(string authorId, NoteDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        RequireOpenCase("een gespreksverslag krijgen");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (details.Date > today)
        {
            throw new DomainRuleException("De datum van het gesprek kan niet in de toekomst liggen.");
        }

        if (SubmittedAt is { } submitted && details.Date < DateOnly.FromDateTime(submitted.UtcDateTime).AddYears(-1))
        {
            throw new DomainRuleException("De datum van het gesprek ligt te ver voor de aanmelding.");
        }

        var note = new ContactNote(this, authorId, details, now);
        _notes.Add(note);
        RecordAction(authorId, now);
        return note;
    }

    public ActionItem AddActionItem(string createdById, string ownerId, string description, DateOnly dueDate,
        DateTimeOffset now, ContactNote? fromNote = null, int? fromAgendaItemId = null)
    {
        RequireOpenCase("een actiepunt krijgen");
        var item = new ActionItem(this, createdById, ownerId, description, dueDate, now, fromNote, fromAgendaItemId);
        _actionItems.Add(item);
        RecordAction(createdById, now);
        return item;
    }

    public void FlagForDiscussion(bool flagged)
    {
        RequireOpenCase("worden aangemerkt om te bespreken");
        IsFlaggedForDiscussion = flagged;
        Touch();
    }

    public void Close(string byId, CaseOutcome outcome, string summary, DateTimeOffset now)
    {
        RequireOpenCase("afsluiten");
        Outcome = outcome;
        EndNote = Guard.Text(summary, SummaryMaxLength, "De samenvatting bij het afsluiten");
        EndedAt = now;
        MoveTo(ReferralStatus.Closed, byId, now);
    }

    public void ReferOut(string byId, string agency, string reason, DateTimeOffset now)
    {
        RequireOpenCase("doorverwijzen");
        ReferredOutTo = Guard.Text(agency, AgencyMaxLength, "De instantie");
        EndNote = Guard.Text(reason, SummaryMaxLength, "De reden van doorverwijzing");
        EndedAt = now;
        MoveTo(ReferralStatus.ReferredOut, byId, now);
    }

    private void Describe(ReferralDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        Category = details.Category;
        Urgency = details.Urgency;
        Question = Guard.OptionalText(details.Question, QuestionMaxLength, "De hulpvraag");
        AlreadyTried = Guard.OptionalText(details.AlreadyTried, AlreadyTriedMaxLength, "Wat al is geprobeerd");
        ParentsInformed = details.ParentsInformed;
        if (details.ParentsInformed && details.ParentsInformedOn is { } on && on > today)
        {
            throw new DomainRuleException("De datum waarop de ouders zijn geïnformeerd kan niet in de toekomst liggen.");
        }

        ParentsInformedOn = details.ParentsInformed ? details.ParentsInformedOn : null;
    }

    private int? MinutesSinceSubmission(DateTimeOffset now) =>
        SubmittedAt is { } submitted ? (int)Math.Max(0, Math.Floor((now - submitted).TotalMinutes)) : null;

    private void RecordAction(string byId, DateTimeOffset now)
    {
        if (FirstActionAt is null)
        {
            FirstActionAt = now;
            MinutesToFirstAction = MinutesSinceSubmission(now);
        }

        if (Status == ReferralStatus.Triaged)
        {
            MoveTo(ReferralStatus.InProgress, byId, now);
        }
        else
        {
            Touch();
        }
    }

    private void Require(ReferralStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new DomainRuleException(
                $"Een aanmelding met status '{ReferralStatusText.Dutch(Status)}' kun je niet {action}.");
        }
    }

    private void RequireOpenCase(string action)
    {
        if (!IsOpenCase)
        {
            throw new DomainRuleException(
                $"Een zorgtraject met status '{ReferralStatusText.Dutch(Status)}' kan niet {action}.");
        }
    }

    private void MoveTo(ReferralStatus to, string byId, DateTimeOffset now)
    {
        _transitions.Add(new ReferralTransition(Status, to, byId, now));
        Status = to;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

public enum ReferralSource
{
    Staff,
    WarmHandover,
}

/// <summary>What the referrer fills in; drafts may still be incomplete.</summary>
public sealed record ReferralDetails(
    ReferralCategory Category,
    Urgency Urgency,
    string? Question,
    string? AlreadyTried,
    bool ParentsInformed,
    DateOnly? ParentsInformedOn);

public static class ReferralStatusText
{
    public static string Dutch(ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "concept",
        ReferralStatus.Submitted => "ingediend",
        ReferralStatus.Triaged => "toegewezen",
        ReferralStatus.InProgress => "in behandeling",
        ReferralStatus.Closed => "afgesloten",
        ReferralStatus.ReturnedToMentor => "teruggestuurd naar mentor",
        ReferralStatus.ReferredOut => "doorverwezen",
        _ => status.ToString(),
    };
}
