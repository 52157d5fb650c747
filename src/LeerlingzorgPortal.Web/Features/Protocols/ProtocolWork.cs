using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Protocols;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Protocols;

/// <summary>
/// Writing protocols: a new one, a new version, another owner or review date, in or out of use.
/// The controller's policy already limits this to the maintainers; protocols are board-wide.
/// </summary>
public sealed class ProtocolWork(PortalDbContext db, CurrentStaff currentStaff, ProtocolQueries queries, AuditLog audit,
    TimeProvider clock, ILogger<ProtocolWork> logger)
{
    public const string ConflictMessage =
        "Iemand anders heeft dit protocol intussen gewijzigd. Bekijk de nieuwste versie en sla je wijziging daarna opnieuw op.";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<(CommandResult Result, int? Id)> CreateAsync(ProtocolForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var topic = form.Topic!.Value;
        if (await TopicTakenAsync(topic, null, cancellationToken) is { } taken)
        {
            return (taken, null);
        }

        if (await OwnerInvalidAsync(form.OwnerId!, cancellationToken) is { } owner)
        {
            return (owner, null);
        }

        try
        {
            var protocol = new Protocol(topic, form.OwnerId!, form.ReviewOn!.Value, form.ToText(), currentStaff.UserId!, clock.GetUtcNow());
            db.Protocols.Add(protocol);
            await audit.SaveCreatedAsync(nameof(Protocol), () => Key(protocol.Id), null, cancellationToken);
            logger.LogInformation("Protocol {ProtocolId} created on topic {Topic}", protocol.Id, topic);
            return (CommandResult.Done, protocol.Id);
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return (CommandResult.Invalid(e.Message), null);
        }
        catch (DbUpdateException)
        {
            // A colleague made the topic's active protocol in the same instant: the unique index refused ours.
            db.ChangeTracker.Clear();
            return (await TopicTakenAsync(topic, null, cancellationToken) ?? CommandResult.Conflict(ConflictMessage), null);
        }
    }

    public Task<CommandResult> ReviseAsync(int id, RevisionForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ChangeAsync(id, form.ConcurrencyToken, AuditAction.Update,
            protocol => protocol.Revise(form.ToText(), currentStaff.UserId!, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<CommandResult> AssignAsync(int id, AssignForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await OwnerInvalidAsync(form.OwnerId!, cancellationToken) is { } owner)
        {
            return await db.Protocols.AnyAsync(p => p.Id == id, cancellationToken) ? owner : CommandResult.NotFound;
        }

        var today = Today;
        return await ChangeAsync(id, form.ConcurrencyToken, AuditAction.Update,
            protocol => protocol.Assign(form.OwnerId!, form.ReviewOn!.Value, today), cancellationToken);
    }

    public async Task<CommandResult> SetActiveAsync(int id, bool active, Guid token, CancellationToken cancellationToken = default)
    {
        var protocol = await db.Protocols.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protocol is null)
        {
            return CommandResult.NotFound;
        }

        if (active && await TopicTakenAsync(protocol.Topic, id, cancellationToken) is { } taken)
        {
            return taken;
        }

        return await ChangeAsync(id, token, active ? AuditAction.Reactivate : AuditAction.Deactivate,
            p => p.SetActive(active), cancellationToken);
    }

    /// <summary>A named topic has one active protocol: the message names the one that is already there.</summary>
    private async Task<CommandResult?> TopicTakenAsync(ProtocolTopic topic, int? except, CancellationToken cancellationToken)
    {
        if (!ProtocolTopics.IsNamed(topic))
        {
            return null;
        }

        var existing = await db.Protocols.AsNoTracking()
            .Where(p => p.IsActive && p.Topic == topic && p.Id != except)
            .Select(p => p.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First())
            .FirstOrDefaultAsync(cancellationToken);
        return existing is null
            ? null
            : CommandResult.Invalid(
                $"Er is al een actief protocol over {ProtocolTopics.Dutch(topic).ToLower(CultureInfo.GetCultureInfo("nl-NL"))}: “{existing}”. " +
                "Maak daarvan een nieuwe versie, of zet het eerst uit gebruik.", nameof(ProtocolForm.Topic));
    }

    private async Task<CommandResult?> OwnerInvalidAsync(string ownerId, CancellationToken cancellationToken) =>
        (await queries.PossibleOwnersAsync(cancellationToken)).Exists(o => o.Id == ownerId)
            ? null
            : CommandResult.Invalid("Kies als eigenaar een zorgcoördinator of een medewerker leerlingzorg b of c.", nameof(AssignForm.OwnerId));

    private async Task<CommandResult> ChangeAsync(int id, Guid seenToken, AuditAction action, Action<Protocol> change,
        CancellationToken cancellationToken)
    {
        var protocol = await db.Protocols.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (protocol is null)
        {
            return CommandResult.NotFound;
        }

        if (protocol.Version != seenToken)
        {
            return CommandResult.Conflict(ConflictMessage);
        }

        return await db.SaveCommandAsync(async () =>
            {
                // The token the user saw is the original value, so the UPDATE checks it in the database too.
                db.Entry(protocol).Property(p => p.Version).OriginalValue = seenToken;
                change(protocol);
                audit.Add(action, nameof(Protocol), Key(id), null);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Protocol {ProtocolId} changed ({Action})", id, action);
            },
            CommandResult.Conflict(ConflictMessage),
            // Put back into use while another protocol on the topic became active: the unique index refused it.
            onUpdateError: async _ => await TopicTakenAsync(protocol.Topic, id, cancellationToken) ?? CommandResult.Conflict(ConflictMessage));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
