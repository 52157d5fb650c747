using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.Users;

/// <summary>Turns the ids an admin picked into real locations and mentor groups, refusing forged ones.</summary>
public sealed class Workplaces(PortalDbContext db)
{
    public async Task<(IReadOnlyCollection<int> LocationIds, IReadOnlyCollection<MentorGroup> Groups, CommandResult? Problem)>
        ResolveAsync(StaffAssignmentForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var wantedLocations = form.LocationIds.Distinct().ToList();
        var wantedGroups = form.MentorGroupIds.Distinct().ToList();
        var locationIds = await db.Locations.Where(l => wantedLocations.Contains(l.Id)).Select(l => l.Id)
            .ToListAsync(cancellationToken);
        var groups = await db.MentorGroups.Where(g => wantedGroups.Contains(g.Id)).ToListAsync(cancellationToken);
        if (locationIds.Count != wantedLocations.Count || groups.Count != wantedGroups.Count)
        {
            return ([], [], CommandResult.Invalid("Een gekozen locatie of mentorgroep bestaat niet (meer)."));
        }

        var foreign = groups.FirstOrDefault(g => !locationIds.Contains(g.LocationId));
        if (foreign is not null)
        {
            return ([], [], CommandResult.Invalid(
                $"Mentorgroep {foreign.Name} hoort bij een locatie die niet is gekozen; kies ook die locatie.",
                nameof(StaffAssignmentForm.MentorGroupIds)));
        }

        return (locationIds, groups, null);
    }
}
