namespace LeerlingzorgPortal.Domain.Organisation;

/// <summary>
/// A member of staff: the organisational side of a sign-in account (which shares its id).
/// Holds the locations they work at and the mentor groups they mentor.
/// </summary>
public sealed class StaffMember
{
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = 254;

    private readonly List<StaffLocation> _locations = [];
    private readonly List<StaffMentorGroup> _mentorGroups = [];

    private StaffMember()
    {
        Id = string.Empty;
        DisplayName = string.Empty;
        Email = string.Empty;
    }

    public StaffMember(string id, string displayName, string email)
    {
        Id = Guard.Text(id, 64, "Het id");
        DisplayName = Guard.Text(displayName, DisplayNameMaxLength, "De naam");
        Email = Guard.Text(email, EmailMaxLength, "Het e-mailadres");
        IsActive = true;
        Version = Guid.NewGuid();
    }

    public string Id { get; private set; }

    public string DisplayName { get; private set; }

    public string Email { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset? DeactivatedAt { get; private set; }

    /// <summary>Changes with every edit, so that two admins editing at once are noticed.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyCollection<StaffLocation> Locations => _locations.AsReadOnly();

    public IReadOnlyCollection<StaffMentorGroup> MentorGroups => _mentorGroups.AsReadOnly();

    public IEnumerable<int> LocationIds => _locations.Select(l => l.LocationId);

    public IEnumerable<int> MentorGroupIds => _mentorGroups.Select(g => g.MentorGroupId);

    public void Rename(string displayName)
    {
        DisplayName = Guard.Text(displayName, DisplayNameMaxLength, "De naam");
        Touch();
    }

    /// <summary>
    /// Replaces the locations and mentor groups in one step. Every mentor group must belong to one of
    /// the given locations: nobody mentors a class at a location they do not work at.
    /// </summary>
    public void AssignWorkplaces(IReadOnlyCollection<int> locationIds, IReadOnlyCollection<MentorGroup> mentorGroups)
    {
        ArgumentNullException.ThrowIfNull(locationIds);
        ArgumentNullException.ThrowIfNull(mentorGroups);
        var foreign = mentorGroups.FirstOrDefault(g => !locationIds.Contains(g.LocationId));
        if (foreign is not null)
        {
            throw new DomainRuleException(
                $"Mentorgroep {foreign.Name} hoort bij een locatie waar deze medewerker niet werkt.");
        }

        _locations.RemoveAll(l => !locationIds.Contains(l.LocationId));
        foreach (var locationId in locationIds.Distinct().Where(id => _locations.TrueForAll(l => l.LocationId != id)))
        {
            _locations.Add(new StaffLocation(Id, locationId));
        }

        var groupIds = mentorGroups.Select(g => g.Id).ToHashSet();
        _mentorGroups.RemoveAll(g => !groupIds.Contains(g.MentorGroupId));
        foreach (var groupId in groupIds.Where(id => _mentorGroups.TrueForAll(g => g.MentorGroupId != id)))
        {
            _mentorGroups.Add(new StaffMentorGroup(Id, groupId));
        }

        Touch();
    }

    /// <summary>Adds one mentor group (as the pupil administration says), at a location the staff member works at.</summary>
    public void AddMentorGroup(MentorGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!_locations.Exists(l => l.LocationId == group.LocationId))
        {
            throw new DomainRuleException($"Mentorgroep {group.Name} hoort bij een locatie waar deze medewerker niet werkt.");
        }

        if (_mentorGroups.TrueForAll(g => g.MentorGroupId != group.Id))
        {
            _mentorGroups.Add(new StaffMentorGroup(Id, group.Id) { Group = group });
            Touch();
        }
    }

    public void Deactivate(DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainRuleException("Deze medewerker is al gedeactiveerd.");
        }

        IsActive = false;
        DeactivatedAt = now;
        Touch();
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            throw new DomainRuleException("Deze medewerker is al actief.");
        }

        IsActive = true;
        DeactivatedAt = null;
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>A staff member works at a location.</summary>
public sealed class StaffLocation
{
    private StaffLocation()
    {
        StaffMemberId = string.Empty;
    }

    internal StaffLocation(string staffMemberId, int locationId)
    {
        StaffMemberId = staffMemberId;
        LocationId = locationId;
    }

    public string StaffMemberId { get; private set; }

    public int LocationId { get; private set; }
}

/// <summary>A staff member mentors a mentor group.</summary>
public sealed class StaffMentorGroup
{
    private StaffMentorGroup()
    {
        StaffMemberId = string.Empty;
    }

    internal StaffMentorGroup(string staffMemberId, int mentorGroupId)
    {
        StaffMemberId = staffMemberId;
        MentorGroupId = mentorGroupId;
    }

    public string StaffMemberId { get; private set; }

    public int MentorGroupId { get; private set; }

    /// <summary>Set when the group is new and has no id yet, so EF links it on save.</summary>
    public MentorGroup? Group { get; internal set; }
}
