using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Accommodations;

/// <summary>The accommodation being changed, with the pupil it belongs to (for the page heading).</summary>
public sealed record AccommodationInHand(Accommodation Accommodation, string PupilName);

/// <summary>
/// Granting, changing and withdrawing faciliteiten. Only care staff and coordinators who may work with
/// the pupil do this; for everyone else the pupil and its accommodations do not exist (404).
/// </summary>
public sealed class AccommodationWork(PortalDbContext db, CurrentStaff currentStaff, PupilCareStaff pupilCareStaff, AuditLog audit,
    TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The pupil when the signed-in user may grant it accommodations; otherwise null.</summary>
    public async Task<Pupil?> HandleablePupilAsync(int pupilId, CancellationToken cancellationToken = default)
    {
        var pupil = await db.Pupils.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pupilId, cancellationToken);
        return pupil is not null && await pupilCareStaff.MayHandleAsync(pupil, cancellationToken) ? pupil : null;
    }

    /// <summary>The accommodation, tracked, when the signed-in user may handle its pupil; otherwise null.</summary>
    public async Task<AccommodationInHand?> HandleableAsync(int id, CancellationToken cancellationToken = default)
    {
        var accommodation = await db.Accommodations.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (accommodation is null)
        {
            return null;
        }

        var pupil = await HandleablePupilAsync(accommodation.PupilId, cancellationToken);
        return pupil is null ? null : new AccommodationInHand(accommodation, pupil.Name.FullName);
    }

    public async Task<CommandResult> GrantAsync(int pupilId, AccommodationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await HandleablePupilAsync(pupilId, cancellationToken) is null)
        {
            return CommandResult.NotFound;
        }

        Accommodation accommodation;
        try
        {
            accommodation = new Accommodation(pupilId, form.ToTerms(), currentStaff.UserId!, clock.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            return CommandResult.Invalid(e.Message);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Accommodations.Add(accommodation);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(AuditAction.Create, nameof(Accommodation), Key(accommodation.Id), pupilId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Done;
    }

    public async Task<CommandResult> ChangeAsync(int id, AccommodationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return await UpdateAsync(id, form.Version, a => a.Change(form.ToTerms()), cancellationToken);
    }

    public Task<CommandResult> WithdrawAsync(int id, DateOnly from, Guid? seenVersion, CancellationToken cancellationToken = default) =>
        UpdateAsync(id, seenVersion, a => a.End(from), cancellationToken);

    private async Task<CommandResult> UpdateAsync(int id, Guid? seenVersion, Action<Accommodation> change, CancellationToken cancellationToken)
    {
        var inHand = await HandleableAsync(id, cancellationToken);
        if (inHand is null)
        {
            return CommandResult.NotFound;
        }

        if (seenVersion is { } seen)
        {
            db.Entry(inHand.Accommodation).Property(a => a.Version).OriginalValue = seen;
        }

        return await db.SaveCommandAsync(async () =>
            {
                change(inHand.Accommodation);
                audit.Add(AuditAction.Update, nameof(Accommodation), Key(id), inHand.Accommodation.PupilId);
                await db.SaveChangesAsync(cancellationToken);
            },
            "Iemand anders heeft deze faciliteit intussen gewijzigd. Open de faciliteit opnieuw om de huidige gegevens te zien; je wijziging is niet opgeslagen.");
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
