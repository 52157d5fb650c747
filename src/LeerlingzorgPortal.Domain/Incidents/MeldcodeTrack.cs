namespace LeerlingzorgPortal.Domain.Incidents;

public enum MeldcodeStep
{
    Signals = 1,
    Consultation = 2,
    Conversation = 3,
    Weighing = 4,
    Decision = 5,
}

/// <summary>One answer to a question of the afwegingskader (step 4).</summary>
public sealed record WeighingAnswer(int Question, bool Yes, string Explanation);

/// <summary>
/// A track under the Meldcode huiselijk geweld en kindermishandeling: five steps in order, each
/// with who, when and what. Seen only by the coordinators of the location and the people they add
/// (docs/adr/0009); it cannot be closed before the decision of step 5.
/// </summary>
public sealed class MeldcodeTrack
{
    public const int TextMaxLength = 4000;

    /// <summary>The questions of the afwegingskader, as step 4 asks them.</summary>
    public static readonly IReadOnlyList<string> WeighingQuestions =
    [
        "Is er op basis van stap 1 tot en met 3 een vermoeden van huiselijk geweld of kindermishandeling?",
        "Is er sprake van acute onveiligheid of structurele onveiligheid?",
        "Kan de school, gezien haar expertise en rol, effectieve hulp bieden of organiseren?",
        "Aanvaarden de betrokkenen de hulp en zijn zij bereid zich in te zetten?",
        "Leidt de hulp binnen de gewenste termijn tot de noodzakelijke veiligheid en het gewenste welzijn?",
    ];

    private readonly List<MeldcodeMember> _members = [];
    private readonly List<MeldcodeEntry> _entries = [];

    private MeldcodeTrack()
    {
        StartedById = string.Empty;
    }

    private MeldcodeTrack(int referralId, int pupilId, int locationId, string startedById, DateTimeOffset now)
    {
        ReferralId = referralId;
        PupilId = pupilId;
        LocationId = locationId;
        StartedById = startedById;
        StartedAt = now;
        _members.Add(new MeldcodeMember(startedById, startedById, now));
    }

    public int Id { get; private set; }

    public int ReferralId { get; private set; }

    public int PupilId { get; private set; }

    public int LocationId { get; private set; }

    public string StartedById { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyCollection<MeldcodeMember> Members => _members.AsReadOnly();

    public IReadOnlyCollection<MeldcodeEntry> Entries => _entries.AsReadOnly();

    /// <summary>The furthest step recorded so far; 0 before the first signal.</summary>
    public int ReachedStep => _entries.Count == 0 ? 0 : _entries.Max(e => (int)e.Step);

    public bool IsClosed => ClosedAt is not null;

    public static MeldcodeTrack Start(int referralId, int pupilId, int locationId, string startedById, DateTimeOffset now) =>
        new(referralId, pupilId, locationId, startedById, now);

    public bool HasMember(string staffId) => _members.Exists(m => m.StaffMemberId == staffId);

    public void AddMember(string staffId, string addedById, DateTimeOffset now)
    {
        RequireOpen();
        if (HasMember(staffId))
        {
            throw new DomainRuleException("Deze medewerker is al toegevoegd aan het meldcodetraject.");
        }

        _members.Add(new MeldcodeMember(Guard.Text(staffId, 64, "De medewerker"), addedById, now));
    }

    /// <summary>Step 1: one dated observation; more can follow.</summary>
    public MeldcodeEntry RecordSignal(DateOnly observedOn, string observation, string byId, DateTimeOffset now) =>
        Add(MeldcodeStep.Signals, observedOn, byId, now, e => e.Summary = Guard.Text(observation, TextMaxLength, "De waarneming"));

    /// <summary>Step 2: collegial consultation, and whether Veilig Thuis gave advice (possibly anonymously).</summary>
    public MeldcodeEntry RecordConsultation(DateOnly on, string summary, bool veiligThuisConsulted, bool anonymous, string byId,
        DateTimeOffset now) =>
        Add(MeldcodeStep.Consultation, on, byId, now, e =>
        {
            e.Summary = Guard.Text(summary, TextMaxLength, "Het verslag van de consultatie");
            e.VeiligThuisConsulted = veiligThuisConsulted;
            e.Anonymous = veiligThuisConsulted && anonymous;
        });

    /// <summary>Step 3: the conversation with pupil and parents, or the documented reason to skip it (e.g. safety).</summary>
    public MeldcodeEntry RecordConversation(DateOnly on, string? summary, string? skippedReason, string byId, DateTimeOffset now) =>
        Add(MeldcodeStep.Conversation, on, byId, now, e =>
        {
            e.Summary = Guard.OptionalText(summary, TextMaxLength, "Het verslag van het gesprek");
            e.SkippedReason = Guard.OptionalText(skippedReason, TextMaxLength, "De reden om het gesprek over te slaan");
            if ((e.Summary is null) == (e.SkippedReason is null))
            {
                throw new DomainRuleException("Leg het gesprek vast, of de reden om het (nog) niet te voeren; niet allebei.");
            }
        });

    /// <summary>Step 4: every question of the afwegingskader answered.</summary>
    public MeldcodeEntry RecordWeighing(DateOnly on, IReadOnlyList<WeighingAnswer> answers, string byId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Add(MeldcodeStep.Weighing, on, byId, now, e =>
        {
            for (var question = 1; question <= WeighingQuestions.Count; question++)
            {
                var answer = answers.FirstOrDefault(a => a.Question == question);
                if (answer is null || string.IsNullOrWhiteSpace(answer.Explanation))
                {
                    throw new DomainRuleException($"Beantwoord vraag {question} van het afwegingskader, met toelichting.");
                }
            }

            e.Answers = answers.Where(a => a.Question is >= 1 and <= 5).OrderBy(a => a.Question)
                .Select(a => a with { Explanation = Guard.Text(a.Explanation, TextMaxLength, "De toelichting") }).ToList();
        });
    }

    /// <summary>Step 5: the decision: organise help, and/or report to Veilig Thuis (with date and reference).</summary>
    public MeldcodeEntry RecordDecision(DateOnly on, bool organiseHelp, bool reportToVeiligThuis, string? reference, string explanation,
        string byId, DateTimeOffset now) =>
        Add(MeldcodeStep.Decision, on, byId, now, e =>
        {
            if (!organiseHelp && !reportToVeiligThuis)
            {
                throw new DomainRuleException("Het besluit in stap 5 is hulp organiseren, melden bij Veilig Thuis, of allebei.");
            }

            if (reportToVeiligThuis && string.IsNullOrWhiteSpace(reference))
            {
                throw new DomainRuleException("Vul het kenmerk van de melding bij Veilig Thuis in.");
            }

            e.OrganiseHelp = organiseHelp;
            e.ReportToVeiligThuis = reportToVeiligThuis;
            e.Reference = reportToVeiligThuis ? Guard.Text(reference, 100, "Het kenmerk") : null;
            e.Summary = Guard.Text(explanation, TextMaxLength, "De toelichting bij het besluit");
        });

    public void Close(DateTimeOffset now)
    {
        RequireOpen();
        if (ReachedStep < (int)MeldcodeStep.Decision)
        {
            throw new DomainRuleException("Een meldcodetraject kan pas worden afgesloten na het besluit van stap 5.");
        }

        ClosedAt = now;
    }

    private MeldcodeEntry Add(MeldcodeStep step, DateOnly on, string byId, DateTimeOffset now, Action<MeldcodeEntry> fill)
    {
        RequireOpen();
        if ((int)step > ReachedStep + 1)
        {
            throw new DomainRuleException($"Stap {(int)step} kan pas na stap {ReachedStep + 1}; de meldcode volgt de stappen op volgorde.");
        }

        if (step == MeldcodeStep.Decision && _entries.Exists(e => e.Step == MeldcodeStep.Decision))
        {
            throw new DomainRuleException("Het besluit van stap 5 is al vastgelegd.");
        }

        if (on > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainRuleException("De datum kan niet in de toekomst liggen.");
        }

        var entry = new MeldcodeEntry(step, on, byId, now);
        fill(entry);
        _entries.Add(entry);
        return entry;
    }

    private void RequireOpen()
    {
        if (IsClosed)
        {
            throw new DomainRuleException("Dit meldcodetraject is afgesloten.");
        }
    }
}

public sealed class MeldcodeMember
{
    private MeldcodeMember()
    {
        StaffMemberId = string.Empty;
        AddedById = string.Empty;
    }

    internal MeldcodeMember(string staffMemberId, string addedById, DateTimeOffset addedAt)
    {
        StaffMemberId = staffMemberId;
        AddedById = addedById;
        AddedAt = addedAt;
    }

    public int TrackId { get; private set; }

    public string StaffMemberId { get; private set; }

    public string AddedById { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>What was recorded in one step: by whom, when, and the step's own details.</summary>
public sealed class MeldcodeEntry
{
    private MeldcodeEntry()
    {
        ById = string.Empty;
    }

    internal MeldcodeEntry(MeldcodeStep step, DateOnly on, string byId, DateTimeOffset recordedAt)
    {
        Step = step;
        On = on;
        ById = byId;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }

    public int TrackId { get; private set; }

    public MeldcodeStep Step { get; private set; }

    public DateOnly On { get; private set; }

    public string ById { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string? Summary { get; internal set; }

    public bool? VeiligThuisConsulted { get; internal set; }

    public bool? Anonymous { get; internal set; }

    public string? SkippedReason { get; internal set; }

    public IReadOnlyList<WeighingAnswer>? Answers { get; internal set; }

    public bool? OrganiseHelp { get; internal set; }

    public bool? ReportToVeiligThuis { get; internal set; }

    public string? Reference { get; internal set; }
}
