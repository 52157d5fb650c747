namespace LeerlingzorgPortal.Domain.Accommodations;

/// <summary>What a pupil may use or is spared in class and in tests.</summary>
public enum AccommodationKind
{
    ExtraTime,
    EnlargedPrint,
    ReadAloudSoftware,
    Laptop,
    QuietRoom,
    Exemption,
    Other,
}

/// <summary>
/// A faciliteit granted to a pupil: its kind and what exactly (which teachers see), the ground it
/// rests on (which they never see), valid from–to, and who granted it. The granter is the care
/// worker who is told when it or its statement runs out.
/// </summary>
public sealed class Accommodation
{
    public const int DetailMaxLength = 300;
    public const int GroundMaxLength = 2000;

    private Accommodation()
    {
        Ground = string.Empty;
        GrantedById = string.Empty;
    }

    public Accommodation(int pupilId, AccommodationTerms terms, string grantedById, DateTimeOffset now)
    {
        PupilId = pupilId;
        GrantedById = grantedById;
        GrantedAt = now;
        Ground = string.Empty;
        Apply(terms);
    }

    public int Id { get; private set; }

    public int PupilId { get; private set; }

    public AccommodationKind Kind { get; private set; }

    /// <summary>What exactly, for the teachers: "25% extra tijd", "vrijstelling Duits", "lettergrootte 14".</summary>
    public string? Detail { get; private set; }

    /// <summary>The reason or the statement it rests on, e.g. "dyslexieverklaring (2024)". Care data.</summary>
    public string Ground { get; private set; }

    /// <summary>When the statement the accommodation rests on runs out, if it does.</summary>
    public DateOnly? StatementValidUntil { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly ValidUntil { get; private set; }

    public string GrantedById { get; private set; }

    public DateTimeOffset GrantedAt { get; private set; }

    /// <summary>Changes with every change, so two people editing at once do not overwrite each other.</summary>
    public Guid Version { get; private set; }

    /// <summary>Set when the accommodation was withdrawn before its end date.</summary>
    public DateOnly? EndedOn { get; private set; }

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && day <= LastDay;

    /// <summary>The last day it applies: the end date, or the day before it was withdrawn.</summary>
    public DateOnly LastDay => LastDayOf(ValidUntil, EndedOn);

    /// <summary>The same rule for queries that read only the dates.</summary>
    public static DateOnly LastDayOf(DateOnly validUntil, DateOnly? endedOn) =>
        endedOn is { } ended && ended.AddDays(-1) < validUntil ? ended.AddDays(-1) : validUntil;

    public void Change(AccommodationTerms terms)
    {
        if (EndedOn is not null)
        {
            throw new DomainRuleException("Een ingetrokken faciliteit kan niet meer worden gewijzigd.");
        }

        Apply(terms);
    }

    /// <summary>Withdraws it from the given day on.</summary>
    public void End(DateOnly from)
    {
        if (EndedOn is not null)
        {
            throw new DomainRuleException("Deze faciliteit is al ingetrokken.");
        }

        if (from < ValidFrom)
        {
            throw new DomainRuleException("Een faciliteit kan niet worden ingetrokken voor de dag waarop ze ingaat.");
        }

        if (from > ValidUntil)
        {
            throw new DomainRuleException("Deze faciliteit is op die dag al afgelopen; intrekken is niet nodig.");
        }

        EndedOn = from;
        Version = Guid.NewGuid();
    }

    private void Apply(AccommodationTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.ValidUntil < terms.ValidFrom)
        {
            throw new DomainRuleException("De einddatum van de faciliteit ligt voor de begindatum.");
        }

        var detail = Guard.OptionalText(terms.Detail, DetailMaxLength, "De omschrijving voor docenten");
        if (terms.Kind is AccommodationKind.Exemption or AccommodationKind.Other && detail is null)
        {
            throw new DomainRuleException("Geef bij een vrijstelling of een andere faciliteit aan wat die precies inhoudt.");
        }

        // Every check before the first assignment, so a refused change leaves the accommodation as it was.
        var ground = Guard.Text(terms.Ground, GroundMaxLength, "De reden of verklaring");
        Kind = terms.Kind;
        Detail = detail;
        Ground = ground;
        StatementValidUntil = terms.StatementValidUntil;
        ValidFrom = terms.ValidFrom;
        ValidUntil = terms.ValidUntil;
        Version = Guid.NewGuid();
    }
}

public sealed record AccommodationTerms(
    AccommodationKind Kind,
    string? Detail,
    string Ground,
    DateOnly? StatementValidUntil,
    DateOnly ValidFrom,
    DateOnly ValidUntil);
