using System.Security.Cryptography;
using System.Text;

namespace LeerlingzorgPortal.Domain.Meetings;

/// <summary>
/// A care meeting (overleg): type, place and time, chair and minute-taker, staff and external
/// participants, and an agenda of pupils' cases. Once closed, its minutes are read-only; a
/// correction is a dated addendum.
/// </summary>
public sealed class Meeting
{
    public const int QuestionMaxLength = 1000;
    public const int MinutesMaxLength = 4000;

    private readonly List<MeetingStaffParticipant> _staff = [];
    private readonly List<ExternalParticipant> _externals = [];
    private readonly List<AgendaItem> _agenda = [];
    private readonly List<MeetingAddendum> _addenda = [];

    private Meeting()
    {
        ChairId = string.Empty;
    }

    private Meeting(int locationId, MeetingType type, DateTimeOffset startsAt, string chairId, string? minuteTakerId, Guid? seriesId)
    {
        LocationId = locationId;
        Type = type;
        StartsAt = startsAt;
        ChairId = Guard.Text(chairId, 64, "De voorzitter");
        MinuteTakerId = minuteTakerId;
        SeriesId = seriesId;
        Status = MeetingStatus.Planned;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int LocationId { get; private set; }

    public MeetingType Type { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public string ChairId { get; private set; }

    public string? MinuteTakerId { get; private set; }

    /// <summary>Meetings planned together as a series (e.g. every six weeks) share this.</summary>
    public Guid? SeriesId { get; private set; }

    public MeetingStatus Status { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid Version { get; private set; }

    public IReadOnlyCollection<MeetingStaffParticipant> Staff => _staff.AsReadOnly();

    public IReadOnlyCollection<ExternalParticipant> Externals => _externals.AsReadOnly();

    public IReadOnlyCollection<AgendaItem> Agenda => _agenda.AsReadOnly();

    public IReadOnlyCollection<MeetingAddendum> Addenda => _addenda.AsReadOnly();

    public DateOnly Date => DateOnly.FromDateTime(StartsAt.UtcDateTime);

    public IReadOnlyCollection<PartnerKind> PartnerKinds => _externals.Select(e => e.Kind).Distinct().ToList();

    /// <summary>Plans one meeting, or a series: <paramref name="count"/> meetings every <paramref name="everyWeeks"/> weeks.</summary>
    public static IReadOnlyList<Meeting> Plan(int locationId, MeetingType type, DateTimeOffset startsAt, string chairId,
        string? minuteTakerId, IReadOnlyCollection<string> staffIds, IReadOnlyCollection<ExternalParticipant> externals,
        DateTimeOffset now, int count = 1, int everyWeeks = 6)
    {
        ArgumentNullException.ThrowIfNull(staffIds);
        ArgumentNullException.ThrowIfNull(externals);
        if (startsAt <= now)
        {
            throw new DomainRuleException("Een overleg plan je in de toekomst.");
        }

        if (count is < 1 or > 12 || everyWeeks is < 1 or > 26)
        {
            throw new DomainRuleException("Een reeks heeft 1 tot 12 overleggen, met 1 tot 26 weken ertussen.");
        }

        if (type is MeetingType.InternalCareMeeting or MeetingType.PupilDiscussion && externals.Count > 0)
        {
            throw new DomainRuleException("Een intern zorgoverleg of een leerlingbespreking heeft geen externe deelnemers.");
        }

        var series = count > 1 ? Guid.NewGuid() : (Guid?)null;
        return Enumerable.Range(0, count).Select(i =>
        {
            var meeting = new Meeting(locationId, type, startsAt.AddDays(7 * everyWeeks * i), chairId, minuteTakerId, series);
            foreach (var id in staffIds.Append(chairId).Append(minuteTakerId).OfType<string>().Distinct())
            {
                meeting._staff.Add(new MeetingStaffParticipant(id));
            }

            meeting._externals.AddRange(externals.Select(e => e.Copy()));
            return meeting;
        }).ToList();
    }

    public bool Involves(string staffId) => ChairId == staffId || MinuteTakerId == staffId || _staff.Exists(s => s.StaffMemberId == staffId);

    /// <summary>Puts a pupil's case on the agenda. With externals present, only with consent that covers them.</summary>
    public AgendaItem AddToAgenda(int referralId, int pupilId, string? question, string broughtById, ConsentCheck consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        RequireOpen("een agendapunt krijgen");
        if (_agenda.Exists(a => a.PupilId == pupilId))
        {
            throw new DomainRuleException("Deze leerling staat al op de agenda van dit overleg.");
        }

        if (!consent.Covered)
        {
            throw new DomainRuleException($"Deze leerling kan niet op de agenda: {consent.Reason}");
        }

        var item = new AgendaItem(referralId, pupilId, Guard.OptionalText(question, QuestionMaxLength, "De vraag"), broughtById,
            _agenda.Count + 1);
        _agenda.Add(item);
        Touch();
        return item;
    }

    public void RemoveFromAgenda(AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        RequireOpen("een agendapunt kwijtraken");
        if (item.Decisions is not null || item.Discussion is not null)
        {
            throw new DomainRuleException("Een besproken agendapunt blijft staan.");
        }

        _agenda.Remove(item);
        Touch();
    }

    public void RecordMinutes(AgendaItem item, string? discussion, string? decisions)
    {
        ArgumentNullException.ThrowIfNull(item);
        RequireOpen("nog notulen krijgen; voeg een aanvulling toe");
        if (!_agenda.Contains(item))
        {
            throw new DomainRuleException("Dit agendapunt hoort niet bij dit overleg.");
        }

        item.Record(Guard.OptionalText(discussion, MinutesMaxLength, "De bespreking"),
            Guard.OptionalText(decisions, MinutesMaxLength, "De besluiten"));
        Touch();
    }

    /// <summary>
    /// Records minutes written over the version the writer saw (<see cref="AgendaItem.MinutesToken"/>). When someone
    /// else saved other minutes for this item since, nothing changes and the answer is false: the caller shows the
    /// conflict, so no one's minutes are overwritten unseen.
    /// </summary>
    public bool RecordMinutes(AgendaItem item, string? discussion, string? decisions, string? seenToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        RequireOpen("nog notulen krijgen; voeg een aanvulling toe");
        if (!string.Equals(seenToken, item.MinutesToken, StringComparison.Ordinal))
        {
            return false;
        }

        RecordMinutes(item, discussion, decisions);
        return true;
    }

    public void Close(DateTimeOffset now)
    {
        RequireOpen("worden gesloten");
        if (now < StartsAt)
        {
            throw new DomainRuleException("Een overleg dat nog niet begonnen is, kun je niet sluiten.");
        }

        Status = MeetingStatus.Closed;
        ClosedAt = now;
        Touch();
    }

    /// <summary>After closing, a correction or addition is a new, dated addendum.</summary>
    public MeetingAddendum AddAddendum(string text, string byId, DateTimeOffset now)
    {
        if (Status != MeetingStatus.Closed)
        {
            throw new DomainRuleException("Een aanvulling hoort bij een gesloten overleg; pas de notulen zelf aan zolang het open is.");
        }

        var addendum = new MeetingAddendum(Guard.Text(text, MinutesMaxLength, "De aanvulling"), byId, now);
        _addenda.Add(addendum);
        Touch();
        return addendum;
    }

    private void RequireOpen(string action)
    {
        if (Status == MeetingStatus.Closed)
        {
            throw new DomainRuleException($"Een gesloten overleg kan niet {action}.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}

public sealed class MeetingStaffParticipant
{
    private MeetingStaffParticipant()
    {
        StaffMemberId = string.Empty;
    }

    internal MeetingStaffParticipant(string staffMemberId)
    {
        StaffMemberId = staffMemberId;
    }

    public int MeetingId { get; private set; }

    public string StaffMemberId { get; private set; }
}

public sealed class ExternalParticipant
{
    private ExternalParticipant()
    {
        Name = string.Empty;
        Organisation = string.Empty;
    }

    public ExternalParticipant(string name, PartnerKind kind, string organisation, string? role)
    {
        Name = Guard.Text(name, 200, "De naam van de externe deelnemer");
        Kind = kind;
        Organisation = Guard.Text(organisation, 200, "De organisatie van de externe deelnemer");
        Role = Guard.OptionalText(role, 200, "De rol");
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public string Name { get; private set; }

    public PartnerKind Kind { get; private set; }

    public string Organisation { get; private set; }

    public string? Role { get; private set; }

    internal ExternalParticipant Copy() => new(Name, Kind, Organisation, Role);
}

public sealed class AgendaItem
{
    private AgendaItem()
    {
        BroughtById = string.Empty;
    }

    internal AgendaItem(int referralId, int pupilId, string? question, string broughtById, int order)
    {
        ReferralId = referralId;
        PupilId = pupilId;
        Question = question;
        BroughtById = broughtById;
        Order = order;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int ReferralId { get; private set; }

    public int PupilId { get; private set; }

    public string? Question { get; private set; }

    public string BroughtById { get; private set; }

    public int Order { get; private set; }

    public string? Discussion { get; private set; }

    public string? Decisions { get; private set; }

    /// <summary>
    /// The version of this item's minutes as a writer saw them: a digest of the discussion and the decisions. A save
    /// carries the token of what its writer started from; a different token means someone else saved in between.
    /// </summary>
    public string MinutesToken => MinutesTokenOf(Discussion, Decisions);

    public static string MinutesTokenOf(string? discussion, string? decisions)
    {
        var text = $"{discussion?.Length ?? -1}:{discussion}|{decisions?.Length ?? -1}:{decisions}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
    }

    internal void Record(string? discussion, string? decisions)
    {
        Discussion = discussion;
        Decisions = decisions;
    }
}

public sealed class MeetingAddendum
{
    private MeetingAddendum()
    {
        Text = string.Empty;
        ById = string.Empty;
    }

    internal MeetingAddendum(string text, string byId, DateTimeOffset at)
    {
        Text = text;
        ById = byId;
        At = at;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public string Text { get; private set; }

    public string ById { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>Why a case is suggested for a meeting's agenda.</summary>
public static class AgendaSuggestions
{
    public static IReadOnlyList<string> ReasonsFor(bool flaggedForDiscussion, int overdueItems, DateOnly? planEvaluationDate,
        DateOnly meetingDate)
    {
        var reasons = new List<string>();
        if (flaggedForDiscussion)
        {
            reasons.Add("aangemerkt om te bespreken");
        }

        if (overdueItems > 0)
        {
            reasons.Add(overdueItems == 1 ? "1 actiepunt te laat" : $"{overdueItems} actiepunten te laat");
        }

        if (planEvaluationDate is { } due && due <= meetingDate.AddDays(14))
        {
            reasons.Add("plan toe aan evaluatie");
        }

        return reasons;
    }
}
