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
}

public sealed record TimelineEntry(DateTimeOffset At, DateOnly Date, TimelineKind Kind, string Title, string? Text,
    int ReferralId, bool IsConfidential);

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
                $"Door {Name(t.ById)}", referral.Id, false)));
            entries.AddRange(referral.Notes
                .Where(n => !n.IsConfidential || permissions.ReadsConfidential)
                .Where(n => permissions.SeesCaseWork || n.Agreements is not null)
                .Select(n => new TimelineEntry(n.CreatedAt, n.Date, TimelineKind.Note,
                    $"Gesprek met {Dutch.Parties(n.With)} ({Name(n.AuthorId)})",
                    permissions.SeesCaseWork ? JoinText(n.Summary, n.Agreements) : $"Afspraken: {n.Agreements}",
                    referral.Id, n.IsConfidential)));
            entries.AddRange(referral.ActionItems
                .Where(i => permissions.SeesCaseWork || i.OwnerId == scope.StaffMemberId)
                .Select(i => new TimelineEntry(i.CreatedAt, DateOnly.FromDateTime(i.CreatedAt.UtcDateTime), TimelineKind.ActionItem,
                    $"Actiepunt voor {Name(i.OwnerId)}, deadline {Dutch.Date(i.DueDate)}{(i.Status == ActionItemStatus.Done ? " (afgerond)" : string.Empty)}",
                    i.Description, referral.Id, false)));
        }

        entries.AddRange(await PlanEntriesAsync(scope, referrals, cancellationToken));

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
                    $"{kind} '{v.Content.Title}' versie {v.Number} opgeslagen", null, plan.ReferralId, false))
                .Concat(plan.Evaluations.Select(e => new TimelineEntry(e.RecordedAt, e.EvaluatedOn, TimelineKind.Plan,
                    $"{kind} '{plan.Content.Title}' geëvalueerd", e.Summary, plan.ReferralId, false)))
                .Concat(plan.Consents.Select(c => new TimelineEntry(c.RecordedAt, c.On, TimelineKind.Plan,
                    $"Ouders: {(c.Agreed ? "instemming" : "bezwaar")} met het handelingsdeel (versie {c.VersionNumber})", c.Remarks,
                    plan.ReferralId, false)));
        });
    }

    private static string JoinText(string summary, string? agreements) =>
        agreements is null ? summary : $"{summary}\nAfspraken: {agreements}";
}
