namespace LeerlingzorgPortal.Domain.Protocols;

/// <summary>
/// What a protocol is about. Screens link to the protocol on their topic (the incident form to the
/// bullying protocol, the meldcode track to the meldcode protocol); the named topics have one
/// protocol each.
/// </summary>
public enum ProtocolTopic
{
    Bullying,
    Meldcode,
    Absence,
    SupportProfile,
    Other,
}

/// <summary>
/// A written procedure of the school, in Markdown, kept as dated versions: editing adds a version,
/// nothing is overwritten. It has an owner and a date by which it must be reviewed.
/// </summary>
public sealed class Protocol
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 100_000;
    public const int NoteMaxLength = 500;

    private readonly List<ProtocolVersion> _versions = [];

    private Protocol()
    {
        OwnerId = string.Empty;
    }

    public Protocol(ProtocolTopic topic, string ownerId, DateOnly reviewOn, ProtocolText text, string authorId, DateTimeOffset now)
    {
        Topic = topic;
        OwnerId = string.IsNullOrWhiteSpace(ownerId) ? throw new DomainRuleException("Kies een eigenaar.") : ownerId;
        ReviewOn = reviewOn;
        IsActive = true;
        AddVersion(text, authorId, now);
    }

    public int Id { get; private set; }

    public ProtocolTopic Topic { get; private set; }

    /// <summary>The staff member who keeps it up to date.</summary>
    public string OwnerId { get; private set; }

    /// <summary>The day by which it must have been reviewed.</summary>
    public DateOnly ReviewOn { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Changes with every edit, so two people do not overwrite each other.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<ProtocolVersion> Versions => _versions;

    public ProtocolVersion Current => _versions.OrderBy(v => v.Number).Last();

    public bool IsReviewOverdue(DateOnly today) => IsActive && ReviewOn < today;

    /// <summary>Saves a new version; the earlier ones stay readable.</summary>
    public ProtocolVersion Revise(ProtocolText text, string authorId, DateTimeOffset now) => AddVersion(text, authorId, now);

    /// <summary>Sets who owns it and when it is next reviewed; a review date in the past is refused.</summary>
    public void Assign(string ownerId, DateOnly reviewOn, DateOnly today)
    {
        if (reviewOn < today)
        {
            throw new DomainRuleException("De nieuwe evaluatiedatum kan niet in het verleden liggen.");
        }

        OwnerId = string.IsNullOrWhiteSpace(ownerId) ? throw new DomainRuleException("Kies een eigenaar.") : ownerId;
        ReviewOn = reviewOn;
        Version = Guid.NewGuid();
    }

    public void SetActive(bool active)
    {
        IsActive = active;
        Version = Guid.NewGuid();
    }

    private ProtocolVersion AddVersion(ProtocolText text, string authorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var version = new ProtocolVersion(
            _versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1,
            Guard.Text(text.Title, TitleMaxLength, "De titel van het protocol"),
            Guard.Text(text.Body, BodyMaxLength, "De tekst van het protocol"),
            Guard.OptionalText(text.ChangeNote, NoteMaxLength, "De toelichting op de wijziging"),
            authorId,
            now);
        _versions.Add(version);
        Version = Guid.NewGuid();
        return version;
    }
}

public sealed record ProtocolText(string Title, string Body, string? ChangeNote);

/// <summary>One dated version of a protocol, as it was written then.</summary>
public sealed class ProtocolVersion
{
    private ProtocolVersion()
    {
        Title = string.Empty;
        Body = string.Empty;
        AuthorId = string.Empty;
    }

    internal ProtocolVersion(int number, string title, string body, string? changeNote, string authorId, DateTimeOffset savedAt)
    {
        Number = number;
        Title = title;
        Body = body;
        ChangeNote = changeNote;
        AuthorId = authorId;
        SavedAt = savedAt;
    }

    public int Id { get; private set; }

    public int ProtocolId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    /// <summary>Markdown; rendered with raw HTML disabled and unsafe links made inert.</summary>
    public string Body { get; private set; }

    public string? ChangeNote { get; private set; }

    public string AuthorId { get; private set; }

    public DateTimeOffset SavedAt { get; private set; }
}
