namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>A pupil (leerling) at one location, usually in one mentor group.</summary>
public sealed class Pupil
{
    public const int NumberMaxLength = 20;
    public const int AgeOfOwnConsent = 16;
    public const int MaxGuardians = 4;

    private readonly List<Guardian> _guardians = [];

    /// <summary>Number, first name, prefix and last name, each lower-cased: see <see cref="SearchText"/>.</summary>
    public const int SearchTextMaxLength = NumberMaxLength + (2 * PersonName.PartMaxLength) + PersonName.PrefixMaxLength + 3;

    private Pupil()
    {
        Number = string.Empty;
        Name = null!;
        SearchText = string.Empty;
    }

    public Pupil(string number, PersonName name, DateOnly dateOfBirth, Location location)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(location);
        Number = Guard.Text(number, NumberMaxLength, "Het leerlingnummer");
        Name = name;
        DateOfBirth = dateOfBirth;
        Location = location;
        LocationId = location.Id;
        SearchText = SearchTextOf(Number, name);
    }

    public int Id { get; private set; }

    /// <summary>The number from the pupil administration, unique per board.</summary>
    public string Number { get; private set; }

    public PersonName Name { get; private set; }

    /// <summary>
    /// What the pupil search matches: number and name parts lower-cased by .NET's invariant culture, one
    /// space between them. Kept with the record so a search is one substring test per row instead of four
    /// lower() calls per row, and lower-cases "Ç" and "É" on SQLite too (its lower() knows ASCII only).
    /// Search terms never contain a space, so no term matches across two parts.
    /// </summary>
    public string SearchText { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public int LocationId { get; private set; }

    public Location? Location { get; private set; }

    public int? MentorGroupId { get; private set; }

    public MentorGroup? MentorGroup { get; private set; }

    public IReadOnlyCollection<Guardian> Guardians => _guardians.AsReadOnly();

    /// <summary>The day the pupil left the school; the dossier is kept (retention) but no new work starts.</summary>
    public DateOnly? LeftOn { get; private set; }

    /// <summary>Corrects name and date of birth, as the pupil administration has them.</summary>
    public void Correct(PersonName name, DateOnly dateOfBirth)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        DateOfBirth = dateOfBirth;
        SearchText = SearchTextOf(Number, name);
    }

    public void MarkLeft(DateOnly on)
    {
        if (LeftOn is not null)
        {
            throw new DomainRuleException("Deze leerling staat al als vertrokken.");
        }

        LeftOn = on;
    }

    /// <summary>A pupil who shows up again in the administration is back.</summary>
    public void Return() => LeftOn = null;

    /// <summary>How far ahead a leaving date set by hand may lie.</summary>
    public const int LeavingDateMaxDaysAhead = 366;

    /// <summary>The day all retention periods ran out and the pupil record was anonymised; null while it is a real pupil.</summary>
    public DateOnly? AnonymisedOn { get; private set; }

    public bool IsAnonymised => AnonymisedOn is not null;

    /// <summary>
    /// The coordinator or admin sets (or clears, with null) the leaving date by hand: not before the
    /// date of birth and not more than a year ahead.
    /// </summary>
    public void SetLeavingDate(DateOnly? on, DateOnly today)
    {
        if (IsAnonymised)
        {
            throw new DomainRuleException("Van een geanonimiseerde leerling kan de vertrekdatum niet meer veranderen.");
        }

        if (on is { } date && date < DateOfBirth)
        {
            throw new DomainRuleException("De vertrekdatum kan niet voor de geboortedatum liggen.");
        }

        if (on is { } later && later > today.AddDays(LeavingDateMaxDaysAhead))
        {
            throw new DomainRuleException("De vertrekdatum kan hoogstens een jaar vooruit liggen.");
        }

        LeftOn = on;
    }

    /// <summary>
    /// Retention has removed all care data: what stays is an anonymous placeholder that keeps the
    /// statistics (location, mentor group, year of birth) and the id the audit log refers to.
    /// </summary>
    public void Anonymise(DateOnly today)
    {
        if (IsAnonymised)
        {
            return;
        }

        Name = new PersonName("Verwijderd", null, $"Leerling {Id}");
        Number = $"VERWIJDERD-{Id}";
        SearchText = SearchTextOf(Number, Name);
        DateOfBirth = new DateOnly(DateOfBirth.Year, 1, 1);
        _guardians.Clear();
        AnonymisedOn = today;
    }

    /// <summary>The form in which a search term is compared with <see cref="SearchText"/>.</summary>
    public static string SearchTermOf(string term) => (term ?? string.Empty).ToLowerInvariant();

    private static string SearchTextOf(string number, PersonName name) =>
        string.Join(' ', new[] { number, name.FirstName, name.Prefix, name.LastName }
            .Where(part => !string.IsNullOrEmpty(part))
            .Select(part => part!.ToLowerInvariant()));

    public bool HasGuardianReachableAt(string? email, string? phone) =>
        _guardians.Exists(g => (email is not null && string.Equals(g.Email, email, StringComparison.OrdinalIgnoreCase))
                               || (phone is not null && g.Phone == phone));

    public void PlaceInMentorGroup(MentorGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var sameLocation = Location is not null && group.Location is not null
            ? ReferenceEquals(Location, group.Location)
            : group.LocationId == LocationId;
        if (!sameLocation)
        {
            throw new DomainRuleException("Een leerling kan alleen in een mentorgroep van de eigen locatie.");
        }

        MentorGroup = group;
        MentorGroupId = group.Id;
    }

    public Guardian AddGuardian(string name, GuardianRelationship relationship, string? phone, string? email,
        bool hasParentalAuthority)
    {
        if (_guardians.Count >= MaxGuardians)
        {
            throw new DomainRuleException($"Een leerling kan hoogstens {MaxGuardians} ouders/verzorgers hebben.");
        }

        var guardian = new Guardian(name, relationship, phone, email, hasParentalAuthority);
        _guardians.Add(guardian);
        return guardian;
    }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        if (date < DateOfBirth.AddYears(age))
        {
            age--;
        }

        return age;
    }

    /// <summary>From 16 a pupil gives consent for sharing their data themselves.</summary>
    public bool GivesOwnConsentOn(DateOnly date) => AgeOn(date) >= AgeOfOwnConsent;
}
