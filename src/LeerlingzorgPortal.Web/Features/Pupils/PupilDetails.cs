using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Pupils;

public sealed record PupilDetails(
    int Id,
    string Number,
    string FullName,
    DateOnly DateOfBirth,
    int Age,
    bool GivesOwnConsent,
    string Location,
    string? MentorGroup,
    string? SchoolYear,
    IReadOnlyList<string> Mentors,
    IReadOnlyList<GuardianDetails> Guardians,
    DateOnly? LeftOn = null);

public sealed record GuardianDetails(string Name, GuardianRelationship Relationship, string? Phone, string? Email,
    bool HasParentalAuthority);

public sealed class PupilDetailsQuery(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Loads the pupil with what its page shows; null when it does not exist.</summary>
    public Task<Pupil?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        db.Pupils.AsNoTracking()
            .Include(p => p.Location)
            .Include(p => p.MentorGroup)
            .Include(p => p.Guardians)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<PupilDetails> ToDetailsAsync(Pupil pupil, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        var mentors = pupil.MentorGroupId is int groupId
            ? await db.StaffMembers.AsNoTracking()
                .Where(s => s.IsActive && s.MentorGroups.Any(g => g.MentorGroupId == groupId))
                .OrderBy(s => s.DisplayName)
                .Select(s => s.DisplayName)
                .ToListAsync(cancellationToken)
            : [];
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return new PupilDetails(pupil.Id, pupil.Number, pupil.Name.FullName, pupil.DateOfBirth, pupil.AgeOn(today),
            pupil.GivesOwnConsentOn(today), pupil.Location!.Name, pupil.MentorGroup?.Name,
            pupil.MentorGroup?.SchoolYear.ToString(), mentors,
            pupil.Guardians.OrderByDescending(g => g.HasParentalAuthority).ThenBy(g => g.Name)
                .Select(g => new GuardianDetails(g.Name, g.Relationship, g.Phone, g.Email, g.HasParentalAuthority))
                .ToList(),
            pupil.LeftOn);
    }
}
