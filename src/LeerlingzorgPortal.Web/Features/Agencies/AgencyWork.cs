using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Agencies;

/// <summary>Keeping the sociale kaart: adding, describing and taking agencies out of use (never deleting them).</summary>
public sealed class AgencyWork(PortalDbContext db, AuditLog audit)
{
    public const string DuplicateNameMessage = "Deze instantie staat al op de sociale kaart.";

    public const string ConflictMessage =
        "Iemand anders heeft deze instantie intussen gewijzigd. Open haar opnieuw om de huidige gegevens te zien; je wijziging is niet opgeslagen.";

    public async Task<(CommandResult Result, int? Id)> CreateAsync(AgencyForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await NameTakenAsync(form.Name!, null, cancellationToken))
        {
            return (CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name)), null);
        }

        try
        {
            var agency = new ExternalOrganisation(form.Name!.Trim(), form.Kind!.Value);
            agency.Describe(form.ToDetails());
            db.ExternalOrganisations.Add(agency);
            await audit.SaveCreatedAsync(nameof(ExternalOrganisation), () => Key(agency.Id), null, cancellationToken);
            return (CommandResult.Done, agency.Id);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return (CommandResult.Invalid(e.Message), null);
        }
        catch (DbUpdateException)
        {
            // Saved under the same name by a colleague in the same instant: the unique index refused ours.
            db.ChangeTracker.Clear();
            return (CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name)), null);
        }
    }

    public async Task<CommandResult> UpdateAsync(int id, AgencyForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var agency = await db.ExternalOrganisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (agency is null)
        {
            return CommandResult.NotFound;
        }

        if (await NameTakenAsync(form.Name!, id, cancellationToken))
        {
            return CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name));
        }

        if (form.Version is { } seen)
        {
            db.Entry(agency).Property(o => o.Version).OriginalValue = seen;
        }

        return await db.SaveCommandAsync(async () =>
            {
                agency.Rename(form.Name!.Trim(), form.Kind!.Value);
                agency.Describe(form.ToDetails());
                audit.Add(AuditAction.Update, nameof(ExternalOrganisation), Key(id), null);
                await db.SaveChangesAsync(cancellationToken);
            },
            CommandResult.Conflict(ConflictMessage),
            onUpdateError: _ => Task.FromResult(CommandResult.Invalid(DuplicateNameMessage, nameof(form.Name))));
    }

    public async Task<CommandResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        var agency = await db.ExternalOrganisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (agency is null)
        {
            return CommandResult.NotFound;
        }

        agency.SetActive(active);
        audit.Add(AuditAction.Update, nameof(ExternalOrganisation), Key(id), null);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }

    private async Task<bool> NameTakenAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var names = await db.ExternalOrganisations.Where(o => exceptId == null || o.Id != exceptId).Select(o => o.Name).ToListAsync(cancellationToken);
        return names.Exists(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
