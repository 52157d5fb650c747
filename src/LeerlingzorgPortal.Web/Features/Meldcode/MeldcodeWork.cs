using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Web.Features.Cases;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Meldcode;

/// <summary>
/// Meldcode tracks: started from a case, seen only by the location's coordinators and the people
/// added; for everyone else every URL is "not found". Every view is audited.
/// </summary>
public sealed class MeldcodeWork(PortalDbContext db, CurrentStaff currentStaff, ReferralLoader loader, StaffLookup staff, AuditLog audit,
    TimeProvider clock)
{
    public async Task<int?> StartAsync(int referralId, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var referral = await loader.LoadAsync(referralId, Operations.Work, cancellationToken: cancellationToken);
        // The loader answers null unless the user may work this case; the rule adds who starts a track.
        if (referral is null || !ReferralAccess.StartsMeldcodeTracks(scope))
        {
            return null;
        }

        var track = MeldcodeTrack.Start(referral.Id, referral.PupilId, referral.LocationId, scope.StaffMemberId, clock.GetUtcNow());
        db.MeldcodeTracks.Add(track);
        await audit.SaveCreatedAsync(nameof(MeldcodeTrack), () => Key(track.Id), track.PupilId, cancellationToken);
        return track.Id;
    }

    public async Task<MeldcodeTrack?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var track = await db.MeldcodeTracks.Include(t => t.Members).Include(t => t.Entries)
            .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return track is not null && IncidentAccess.SeesMeldcodeTrack(scope, track) ? track : null;
    }

    public async Task<CommandResult> RecordAsync(int id, int step, StepForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var track = await LoadAsync(id, cancellationToken);
        if (track is null)
        {
            return CommandResult.NotFound;
        }

        var me = currentStaff.UserId!;
        var now = clock.GetUtcNow();
        var on = form.On!.Value;
        return await SaveAsync(track, () =>
        {
            switch ((MeldcodeStep)step)
            {
                case MeldcodeStep.Signals:
                    track.RecordSignal(on, form.Text!, me, now);
                    break;
                case MeldcodeStep.Consultation:
                    track.RecordConsultation(on, form.Text!, form.VeiligThuisConsulted, form.Anonymous, me, now);
                    break;
                case MeldcodeStep.Conversation:
                    track.RecordConversation(on, form.Text, form.SkippedReason, me, now);
                    break;
                case MeldcodeStep.Weighing:
                    track.RecordWeighing(on, form.Answers.Select((a, i) => new WeighingAnswer(i + 1, a.Yes ?? false,
                        a.Yes is null ? string.Empty : a.Explanation ?? string.Empty)).ToList(), me, now);
                    break;
                case MeldcodeStep.Decision:
                    track.RecordDecision(on, form.OrganiseHelp, form.ReportToVeiligThuis, form.Reference, form.Text!, me, now);
                    break;
                default:
                    throw new DomainRuleException("Onbekende stap.");
            }
        }, cancellationToken);
    }

    public async Task<CommandResult> AddMemberAsync(int id, string? staffId, CancellationToken cancellationToken = default)
    {
        var track = await LoadAsync(id, cancellationToken);
        if (track is null)
        {
            return CommandResult.NotFound;
        }

        if ((await staff.StaffAtAsync(track.LocationId, cancellationToken)).TrueForAll(s => s.Id != staffId))
        {
            return CommandResult.Invalid("Kies een medewerker van deze locatie.");
        }

        return await SaveAsync(track, () => track.AddMember(staffId!, currentStaff.UserId!, clock.GetUtcNow()), cancellationToken);
    }

    public async Task<CommandResult> CloseAsync(int id, CancellationToken cancellationToken = default)
    {
        var track = await LoadAsync(id, cancellationToken);
        return track is null ? CommandResult.NotFound : await SaveAsync(track, () => track.Close(clock.GetUtcNow()), cancellationToken);
    }

    private async Task<CommandResult> SaveAsync(MeldcodeTrack track, Action change, CancellationToken cancellationToken)
    {
        try
        {
            change();
        }
        catch (DomainRuleException e)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Invalid(e.Message);
        }

        audit.Add(AuditAction.Update, nameof(MeldcodeTrack), Key(track.Id), track.PupilId);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Done;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public sealed record MeldcodeRow(int Id, string PupilName, int ReachedStep, bool Closed, DateTimeOffset StartedAt);

/// <summary>The tracks the user may see: as coordinator of the location, or because they were added.</summary>
public sealed class MeldcodeListQuery(PortalDbContext db, CurrentStaff currentStaff)
{
    public async Task<IReadOnlyList<MeldcodeRow>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var tracks = await db.MeldcodeTracks.AsNoTracking().Include(t => t.Entries).Include(t => t.Members)
            .Where(IncidentAccess.MeldcodeTracksOf(scope))
            .OrderByDescending(t => t.Id).Take(200)
            .ToListAsync(cancellationToken);
        var pupilIds = tracks.Select(t => t.PupilId).ToList();
        var names = await db.Pupils.AsNoTracking().Where(p => pupilIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name.FirstName, p.Name.Prefix, p.Name.LastName }).ToListAsync(cancellationToken);
        return tracks.Select(t =>
        {
            var pupil = names.Single(n => n.Id == t.PupilId);
            return new MeldcodeRow(t.Id, ReferralListQuery.FullName(pupil.FirstName, pupil.Prefix, pupil.LastName), t.ReachedStep, t.IsClosed, t.StartedAt);
        }).ToList();
    }
}
