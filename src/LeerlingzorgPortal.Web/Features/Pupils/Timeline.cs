using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Pupils;

public enum TimelineKind
{
    Referral,
    Note,
    ActionItem,
    Plan,
    Meeting,
    Incident,
    Intervention,
}

public sealed record TimelineEntry(DateTimeOffset At, DateOnly Date, TimelineKind Kind, string Title, string? Text,
    string Link, bool IsConfidential);

public sealed record TimelinePage(int PupilId, string PupilName, TimelineKind? Kind, PagedList<TimelineEntry> Entries);

/// <summary>
/// A pupil's chronology: every referral step, note and action item the user may read, newest first.
/// Later issues add plans, meeting items and incidents to the same list.
/// </summary>
public sealed class TimelineQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff, StaffLookup staff)
{
    public const int PageSize = 50;

    public async Task<TimelinePage?> HandleAsync(int pupilId, TimelineKind? kind, int? page,
        CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var pupil = await db.Pupils.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pupilId, cancellationToken);
        if (pupil is null || !PupilAccess.CanRead(scope, pupil))
        {
            return null;
        }

        var referrals = await db.Referrals.AsNoTracking()
            .Include(r => r.Pupil)
            .Include(r => r.Transitions)
            .Include(r => r.Notes)
            .Include(r => r.ActionItems)
            .AsSplitQuery()
            .Where(r => r.PupilId == pupilId)
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .ToListAsync(cancellationToken);
        var names = await staff.NamesAsync(referrals.SelectMany(r =>
            r.Transitions.Select(t => t.ById).Concat(r.Notes.Select(n => n.AuthorId)).Concat(r.ActionItems.Select(i => i.OwnerId))),
            cancellationToken);
        string Name(string id) => names.TryGetValue(id, out var n) ? n : "–";

        var entries = new List<TimelineEntry>();
        foreach (var referral in referrals)
        {
            var permissions = ReferralAccess.For(scope, referral, careAccess.Settings);
            var category = Dutch.Category(referral.Category);
            entries.AddRange(referral.Transitions.Select(t => new TimelineEntry(t.At, DateOnly.FromDateTime(t.At.UtcDateTime),
                TimelineKind.Referral, $"Aanmelding {category.ToLowerInvariant()}: {ReferralStatusText.Dutch(t.To)}",
                $"Door {Name(t.ById)}", CaseLink(referral.Id), false)));
            entries.AddRange(referral.Notes
                .Where(n => !n.IsConfidential || permissions.ReadsConfidential)
                .Where(n => permissions.SeesCaseWork || n.Agreements is not null)
                .Select(n => new TimelineEntry(n.CreatedAt, n.Date, TimelineKind.Note,
                    $"Gesprek met {Dutch.Parties(n.With)} ({Name(n.AuthorId)})",
                    permissions.SeesCaseWork ? JoinText(n.Summary, n.Agreements) : $"Afspraken: {n.Agreements}",
                    CaseLink(referral.Id), n.IsConfidential)));
            entries.AddRange(referral.ActionItems
                .Where(i => permissions.SeesCaseWork || i.OwnerId == scope.StaffMemberId)
                .Select(i => new TimelineEntry(i.CreatedAt, DateOnly.FromDateTime(i.CreatedAt.UtcDateTime), TimelineKind.ActionItem,
                    $"Actiepunt voor {Name(i.OwnerId)}, deadline {Dutch.Date(i.DueDate)}{(i.Status == ActionItemStatus.Done ? " (afgerond)" : string.Empty)}",
                    i.Description, CaseLink(referral.Id), false)));
        }

        entries.AddRange(await PlanEntriesAsync(scope, referrals, cancellationToken));
        entries.AddRange(await MeetingEntriesAsync(pupilId, referrals, cancellationToken));
        entries.AddRange(await IncidentEntriesAsync(scope, pupilId, referrals, cancellationToken));
        entries.AddRange(await EnrolmentEntriesAsync(scope, pupilId, referrals, cancellationToken));

        var filtered = entries.Where(e => kind is null || e.Kind == kind)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.At).ToList();
        var current = Paging.Clamp(page, filtered.Count, PageSize);
        return new TimelinePage(pupil.Id, pupil.Name.FullName, kind,
            new PagedList<TimelineEntry>(filtered.Skip((current - 1) * PageSize).Take(PageSize).ToList(), current, PageSize,
                filtered.Count));
    }

    /// <summary>Plan versions, evaluations and the parents' answers, for those who read the plans of the case.</summary>
    private async Task<IEnumerable<TimelineEntry>> PlanEntriesAsync(StaffScope scope, List<Referral> referrals,
        CancellationToken cancellationToken)
    {
        var readable = referrals
            .Where(r => PlanAccess.For(scope, ReferralAccess.For(scope, r, careAccess.Settings)).ReadsPlans)
            .Select(r => r.Id).ToList();
        var plans = await db.CarePlans.AsNoTracking()
            .Include(p => p.Versions).Include(p => p.Evaluations).Include(p => p.Consents)
            .AsSplitQuery()
            .Where(p => readable.Contains(p.ReferralId))
            .ToListAsync(cancellationToken);
        return plans.SelectMany(plan =>
        {
            var kind = plan.Kind == Domain.Plans.PlanKind.Opp ? "OPP" : "Plan";
            return plan.Versions.Select(v => new TimelineEntry(v.SavedAt, DateOnly.FromDateTime(v.SavedAt.UtcDateTime), TimelineKind.Plan,
                    $"{kind} '{v.Content.Title}' versie {v.Number} opgeslagen", null, PlanLink(plan.Id), false))
                .Concat(plan.Evaluations.Select(e => new TimelineEntry(e.RecordedAt, e.EvaluatedOn, TimelineKind.Plan,
                    $"{kind} '{plan.Content.Title}' geëvalueerd", e.Summary, PlanLink(plan.Id), false)))
                .Concat(plan.Consents.Select(c => new TimelineEntry(c.RecordedAt, c.On, TimelineKind.Plan,
                    $"Ouders: {(c.Agreed ? "instemming" : "bezwaar")} met het handelingsdeel (versie {c.VersionNumber})", c.Remarks,
                    PlanLink(plan.Id), false)));
        });
    }

    /// <summary>Agenda items and decisions of the pupil's readable cases, and consent given or withdrawn.</summary>
    private async Task<IEnumerable<TimelineEntry>> MeetingEntriesAsync(int pupilId, List<Referral> referrals,
        CancellationToken cancellationToken)
    {
        var referralIds = referrals.Select(r => r.Id).ToList();
        var items = await (from a in db.Set<Domain.Meetings.AgendaItem>().AsNoTracking()
                           join m in db.Meetings on a.MeetingId equals m.Id
                           where a.PupilId == pupilId && referralIds.Contains(a.ReferralId)
                           select new { m.Type, m.StartsAt, a.ReferralId, a.Question, a.Decisions })
            .ToListAsync(cancellationToken);
        var consents = await db.PupilConsents.AsNoTracking().Where(c => c.PupilId == pupilId).ToListAsync(cancellationToken);
        return items.SelectMany(i => new[]
            {
                new TimelineEntry(i.StartsAt, DateOnly.FromDateTime(i.StartsAt.UtcDateTime), TimelineKind.Meeting,
                    $"Besproken in {Dutch.MeetingType(i.Type)}", i.Question is null ? null : $"Vraag: {i.Question}", CaseLink(i.ReferralId), false),
            }.Concat(i.Decisions is null ? [] : [new TimelineEntry(i.StartsAt.AddMinutes(1), DateOnly.FromDateTime(i.StartsAt.UtcDateTime),
                TimelineKind.Meeting, $"Besluiten {Dutch.MeetingType(i.Type)}", i.Decisions, CaseLink(i.ReferralId), false)]))
            .Concat(consents.SelectMany(c => new[]
            {
                new TimelineEntry(c.RecordedAt, c.GivenOn, TimelineKind.Meeting,
                    $"Toestemming voor bespreking met externen ({c.GivenBy})", null, PupilLink(pupilId), false),
            }.Concat(c.WithdrawnOn is DateOnly w ? [new TimelineEntry(c.RecordedAt.AddSeconds(1), w, TimelineKind.Meeting,
                "Toestemming voor bespreking met externen ingetrokken", null, PupilLink(pupilId), false)] : [])));
    }

    /// <summary>
    /// Incidents with this pupil's own role only; external referrals of cases whose work the user sees;
    /// meldcode steps only for those who may see the track (never for a mentor).
    /// </summary>
    private async Task<IEnumerable<TimelineEntry>> IncidentEntriesAsync(StaffScope scope, int pupilId, List<Referral> referrals,
        CancellationToken cancellationToken)
    {
        var groups = scope.MentorGroupIds.ToList();
        var myPupils = groups.Count == 0 ? [] : await db.Pupils.Where(p => p.MentorGroupId != null && groups.Contains(p.MentorGroupId.Value))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        // The pupil's incidents through the participants' pupil index (IN), not a check on every incident the user may read.
        var involvedIn = db.Set<Domain.Incidents.IncidentParticipant>().Where(p => p.PupilId == pupilId).Select(p => p.IncidentId);
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.Involved)
            .Where(i => involvedIn.Contains(i.Id))
            .Where(Domain.Access.IncidentAccess.ReadableBy(scope, myPupils))
            .ToListAsync(cancellationToken);
        var entries = incidents.Select(i => new TimelineEntry(i.OccurredAt, DateOnly.FromDateTime(i.OccurredAt.UtcDateTime), TimelineKind.Incident,
            $"Incident: {Dutch.IncidentCategory(i.Category).ToLowerInvariant()} – rol van deze leerling: {Dutch.Role(i.RoleOf(pupilId)!.Value)}",
            i.Place, $"/Incidents/Details/{i.Id}", false)).ToList();

        var caseWork = referrals.Where(r => ReferralAccess.For(scope, r, careAccess.Settings).SeesCaseWork).Select(r => r.Id).ToList();
        var externals = await db.ExternalReferrals.AsNoTracking().Where(e => caseWork.Contains(e.ReferralId)).ToListAsync(cancellationToken);
        entries.AddRange(externals.Select(e => new TimelineEntry(e.CreatedAt, e.SentOn, TimelineKind.Incident,
            $"Doorverwezen naar {e.AgencyName} ({Dutch.ExternalStatus(e.Status).ToLowerInvariant()})", e.Reason, CaseLink(e.ReferralId), false)));

        var tracks = (await db.MeldcodeTracks.AsNoTracking().Include(t => t.Members).Include(t => t.Entries)
                .Where(t => t.PupilId == pupilId).ToListAsync(cancellationToken))
            .Where(t => Domain.Access.IncidentAccess.SeesMeldcodeTrack(scope, t));
        entries.AddRange(tracks.SelectMany(t => t.Entries.Select(e => new TimelineEntry(e.RecordedAt, e.On, TimelineKind.Incident,
            $"Meldcode stap {(int)e.Step}", null, $"/Meldcode/Details/{t.Id}", true))));
        return entries;
    }

    /// <summary>
    /// Enrolments in the school's own interventions: those of cases whose work the user sees, and those
    /// made without a case for care staff who may work with the pupil.
    /// </summary>
    private async Task<IEnumerable<TimelineEntry>> EnrolmentEntriesAsync(StaffScope scope, int pupilId, List<Referral> referrals,
        CancellationToken cancellationToken)
    {
        var caseWork = referrals.Where(r => ReferralAccess.For(scope, r, careAccess.Settings).SeesCaseWork).Select(r => (int?)r.Id).ToList();
        var withoutCase = scope.WorksWithPupilsOfOwnLocations || scope.WorksAcrossBoard;
        var enrolments = await (from e in db.Enrolments.AsNoTracking()
                                join i in db.Interventions on e.InterventionId equals i.Id
                                where e.PupilId == pupilId && (caseWork.Contains(e.ReferralId) || (withoutCase && e.ReferralId == null))
                                select new { e.InterventionId, i.Name, e.Status, e.RequestedAt, e.AdmittedAt, e.StartOn, e.EndOn, e.Outcome })
            .ToListAsync(cancellationToken);
        static DateTimeOffset On(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        return enrolments.SelectMany(e =>
        {
            var link = $"/Interventions/Details/{e.InterventionId}";
            var lines = new List<TimelineEntry>
            {
                e.StartOn is DateOnly start && e.AdmittedAt is null
                    ? new TimelineEntry(e.RequestedAt, DateOnly.FromDateTime(e.RequestedAt.UtcDateTime), TimelineKind.Intervention,
                        $"Ingeschreven voor {e.Name}", $"Start {Dutch.Date(start)}", link, false)
                    : new TimelineEntry(e.RequestedAt, DateOnly.FromDateTime(e.RequestedAt.UtcDateTime), TimelineKind.Intervention,
                        $"Op de wachtlijst voor {e.Name}", null, link, false),
            };
            if (e.AdmittedAt is DateTimeOffset admitted && e.StartOn is DateOnly admittedStart)
            {
                lines.Add(new TimelineEntry(admitted, DateOnly.FromDateTime(admitted.UtcDateTime), TimelineKind.Intervention,
                    $"Van de wachtlijst geplaatst bij {e.Name}", $"Start {Dutch.Date(admittedStart)}", link, false));
            }

            if (e.EndOn is DateOnly end)
            {
                lines.Add(e.Status == Domain.Offering.EnrolmentStatus.Finished
                    ? new TimelineEntry(On(end), end, TimelineKind.Intervention, $"{e.Name} afgerond", $"Uitkomst: {e.Outcome}", link, false)
                    : new TimelineEntry(On(end), end, TimelineKind.Intervention,
                        e.StartOn is null ? $"Van de wachtlijst voor {e.Name} gehaald" : $"Afgemeld voor {e.Name}", e.Outcome, link, false));
            }

            return lines;
        });
    }

    private static string CaseLink(int referralId) => $"/Referrals/Details/{referralId}";

    private static string PlanLink(int planId) => $"/CarePlans/Details/{planId}";

    private static string PupilLink(int pupilId) => $"/Pupils/Details/{pupilId}#consent";

    private static string JoinText(string summary, string? agreements) =>
        agreements is null ? summary : $"{summary}\nAfspraken: {agreements}";
}
