using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Admin.Organisation;

/// <summary>Creates the board (once), its locations and their mentor groups.</summary>
public sealed class ChangeOrganisation(PortalDbContext db, AuditLog audit)
{
    public async Task<CommandResult> CreateBoardAsync(BoardForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await db.Boards.AnyAsync(cancellationToken))
        {
            return CommandResult.Invalid("Er is al een stichting vastgelegd.");
        }

        return await SaveAsync(() =>
        {
            var board = new Board(form.Name!);
            db.Boards.Add(board);
            return "Board";
        }, cancellationToken);
    }

    public async Task<CommandResult> AddLocationAsync(LocationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var board = await db.Boards.Include(b => b.Locations).FirstOrDefaultAsync(cancellationToken);
        if (board is null)
        {
            return CommandResult.Invalid("Leg eerst de stichting vast.");
        }

        return await SaveAsync(() =>
        {
            board.AddLocation(form.Name!, form.Code!);
            return "Location";
        }, cancellationToken);
    }

    public async Task<CommandResult> AddMentorGroupAsync(MentorGroupForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var location = await db.Locations.Include(l => l.MentorGroups)
            .SingleOrDefaultAsync(l => l.Id == form.LocationId, cancellationToken);
        if (location is null)
        {
            return CommandResult.NotFound;
        }

        return await SaveAsync(() =>
        {
            location.AddMentorGroup(form.Name!, new SchoolYear(form.SchoolYearStart!.Value));
            return "MentorGroup";
        }, cancellationToken);
    }

    /// <summary>Starts the current school year at a location: last year's groups anew, the old ones archived.</summary>
    public async Task<CommandResult> RollOverAsync(int locationId, SchoolYear current, CancellationToken cancellationToken = default)
    {
        var location = await db.Locations.Include(l => l.MentorGroups)
            .SingleOrDefaultAsync(l => l.Id == locationId, cancellationToken);
        if (location is null)
        {
            return CommandResult.NotFound;
        }

        var previous = new SchoolYear(current.StartYear - 1);
        if (!location.MentorGroups.Any(g => g.SchoolYear == previous && !g.IsArchived))
        {
            return CommandResult.Invalid($"Op {location.Name} zijn geen mentorgroepen van schooljaar {previous} meer om over te zetten.");
        }

        return await SaveAsync(() =>
        {
            location.RollOver(previous);
            return "SchoolYearRollOver";
        }, cancellationToken);
    }

    private async Task<CommandResult> SaveAsync(Func<string> change, CancellationToken cancellationToken)
    {
        string subject;
        try
        {
            subject = change();
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        await audit.SaveCreatedAsync(subject, () => "-", pupilId: null, cancellationToken);
        return CommandResult.Done;
    }
}
