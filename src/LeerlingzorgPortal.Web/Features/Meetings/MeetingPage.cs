using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Data;
using LeerlingzorgPortal.Web.Features.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Meetings;

/// <summary>One agenda item with what to look at: the case, the active plan, open items, last decisions.</summary>
public sealed record AgendaLine(
    AgendaItem Item,
    string PupilName,
    string? MentorGroup,
    string BroughtBy,
    ConsentCheck Consent,
    string? CaseQuestion,
    ReferralStatus CaseStatus,
    string? CareWorker,
    IReadOnlyList<string> PlanGoals,
    IReadOnlyList<string> OpenActionItems,
    string? LastDecisions,
    IReadOnlyList<string> ActionItemsFromThisItem);

public sealed record Suggestion(int ReferralId, string PupilName, IReadOnlyList<string> Reasons, ConsentCheck Consent);

public sealed record MeetingPage(
    Meeting Meeting,
    string Location,
    IReadOnlyDictionary<string, string> Names,
    bool Manages,
    IReadOnlyList<AgendaLine> Agenda,
    int HiddenItems,
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<FilterOption> Cases,
    IReadOnlyList<StaffOption> StaffAtLocation,
    DateOnly Today,
    IReadOnlyDictionary<string, int> AgencyIds)
{
    public string Name(string? id) => id is not null && Names.TryGetValue(id, out var name) ? name : "–";

    /// <summary>The sociale-kaart entry of an external participant's organisation, when spelled exactly as there.</summary>
    public int? AgencyId(string organisation) => AgencyIds.TryGetValue(organisation, out var id) ? id : null;
}

/// <summary>
/// Builds the meeting page, and its printed agenda and minutes. The external version holds only the
/// items whose consent still covers the partners present, and only the question and the decisions.
/// </summary>
public sealed class MeetingPageQuery(PortalDbContext db, CurrentStaff currentStaff, CareAccess careAccess, StaffLookup staff,
    TimeProvider clock)
{
    /// <param name="forPrint">
    /// For the printed agenda and minutes: without the planning lists (suggestions, the open cases to add, the
    /// staff to assign), which the print views do not show and which grow with the location's open cases.
    /// </param>
    public async Task<MeetingPage?> HandleAsync(int id, bool external = false, bool forPrint = false,
        CancellationToken cancellationToken = default)
    {
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Staff).Include(m => m.Externals).Include(m => m.Agenda).Include(m => m.Addenda)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        if (meeting is null || !MeetingAccess.Reads(scope, meeting))
        {
            return null;
        }

        var manages = MeetingAccess.Manages(scope, meeting);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var referralIds = meeting.Agenda.Select(a => a.ReferralId).ToList();
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Pupil!).ThenInclude(p => p.MentorGroup)
            .Where(r => referralIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var pupilIds = referrals.Select(r => r.PupilId).ToList();
        var consents = await db.PupilConsents.AsNoTracking().Where(c => pupilIds.Contains(c.PupilId)).ToListAsync(cancellationToken);
        var plans = await db.CarePlans.AsNoTracking()
            .Where(p => referralIds.Contains(p.ReferralId) && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Evaluated))
            .ToListAsync(cancellationToken);
        var items = await db.ActionItems.AsNoTracking()
            .Where(i => referralIds.Contains(i.ReferralId) && (i.Status == ActionItemStatus.Open || i.AgendaItemId != null))
            .ToListAsync(cancellationToken);
        // A join, not SelectMany over the agenda: SQLite cannot translate the APPLY that would need.
        var earlier = await (from a in db.Set<AgendaItem>().AsNoTracking()
                             join m in db.Meetings on a.MeetingId equals m.Id
                             where m.Id != meeting.Id && m.StartsAt < meeting.StartsAt && m.Status == MeetingStatus.Closed
                                   && pupilIds.Contains(a.PupilId) && a.Decisions != null
                             select new { a.PupilId, a.Decisions, m.StartsAt })
            .ToListAsync(cancellationToken);
        var names = await staff.NamesAsync(meeting.Staff.Select(s => s.StaffMemberId)
            .Concat(meeting.Agenda.Select(a => a.BroughtById)).Concat(referrals.Select(r => r.AssignedCareWorkerId))
            .Concat(items.Select(i => i.OwnerId)).Concat(meeting.Addenda.Select(a => a.ById))
            .Append(meeting.ChairId).Append(meeting.MinuteTakerId), cancellationToken);
        string Name(string? staffId) => staffId is not null && names.TryGetValue(staffId, out var n) ? n : "–";

        var lines = new List<AgendaLine>();
        var hidden = 0;
        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
        {
            var referral = referrals.Single(r => r.Id == item.ReferralId);
            var consent = MeetingConsent.Check(referral.Pupil!.DateOfBirth, consents.Where(c => c.PupilId == item.PupilId),
                meeting.Type, meeting.PartnerKinds, meeting.Date);
            var mayRead = manages || (await careAccess.PermissionsAsync(referral, cancellationToken)).CanRead;
            if (!mayRead || (external && !consent.Covered))
            {
                hidden++;
                continue;
            }

            lines.Add(new AgendaLine(item, referral.Pupil.Name.FullName, referral.Pupil.MentorGroup?.Name, Name(item.BroughtById), consent,
                referral.Question, referral.Status, referral.AssignedCareWorkerId is null ? null : Name(referral.AssignedCareWorkerId),
                plans.Where(p => p.ReferralId == referral.Id).SelectMany(p => p.Content.Goals.Select(g => g.Description)).ToList(),
                items.Where(i => i.ReferralId == referral.Id && i.Status == ActionItemStatus.Open)
                    .Select(i => $"{i.Description} ({Name(i.OwnerId)}, {Dutch.Date(i.DueDate)})").ToList(),
                earlier.Where(e => e.PupilId == item.PupilId).OrderByDescending(e => e.StartsAt).Select(e => $"{Dutch.Date(DateOnly.FromDateTime(e.StartsAt.UtcDateTime))}: {e.Decisions}").FirstOrDefault(),
                items.Where(i => i.AgendaItemId == item.Id).Select(i => $"{i.Description} ({Name(i.OwnerId)}, {Dutch.Date(i.DueDate)})").ToList()));
        }

        var location = await db.Locations.Where(l => l.Id == meeting.LocationId).Select(l => l.Name).SingleAsync(cancellationToken);
        var planning = manages && meeting.Status == MeetingStatus.Planned && !external && !forPrint;
        var suggestions = planning ? await SuggestionsAsync(meeting, cancellationToken) : [];
        var cases = planning ? await OpenCasesAsync(meeting, cancellationToken) : [];
        var staffHere = manages && !forPrint ? await staff.StaffAtAsync(meeting.LocationId, cancellationToken) : [];
        // Resolved by name at read time: a participant's organisation is free text, typed or picked from the sociale kaart.
        var organisations = meeting.Externals.Select(e => e.Organisation).Distinct().ToList();
        var agencyIds = organisations.Count == 0
            ? new Dictionary<string, int>(StringComparer.Ordinal)
            : await db.ExternalOrganisations.AsNoTracking().Where(o => organisations.Contains(o.Name))
                .ToDictionaryAsync(o => o.Name, o => o.Id, StringComparer.Ordinal, cancellationToken);
        return new MeetingPage(meeting, location, names, manages, lines, hidden, suggestions, cases, staffHere, today, agencyIds);
    }

    private async Task<List<FilterOption>> OpenCasesAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var onAgenda = meeting.Agenda.Select(a => a.PupilId).ToList();
        var rows = await db.Referrals.AsNoTracking()
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => r.LocationId == meeting.LocationId && (r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress))
            .Where(r => !onAgenda.Contains(r.PupilId))
            .Select(r => new { r.Id, r.Pupil!.Name.FirstName, r.Pupil.Name.Prefix, r.Pupil.Name.LastName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new FilterOption(r.Id, ReferralListQuery.FullName(r.FirstName, r.Prefix, r.LastName)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Open cases at the meeting's location flagged for discussion, with overdue items, or with a plan due.</summary>
    private async Task<List<Suggestion>> SuggestionsAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var onAgenda = meeting.Agenda.Select(a => a.PupilId).ToList();
        var candidates = await db.Referrals.AsNoTracking()
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .Where(r => r.LocationId == meeting.LocationId && (r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress))
            .Where(r => !onAgenda.Contains(r.PupilId))
            .Select(r => new
            {
                r.Id,
                r.PupilId,
                r.Pupil!.DateOfBirth,
                r.Pupil.Name.FirstName,
                r.Pupil.Name.Prefix,
                r.Pupil.Name.LastName,
                r.IsFlaggedForDiscussion,
                Overdue = r.ActionItems.Count(i => i.Status == ActionItemStatus.Open && i.DueDate < today),
            })
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var planDates = (await db.CarePlans.AsNoTracking()
                .Where(p => ids.Contains(p.ReferralId) && p.Status == PlanStatus.Active).ToListAsync(cancellationToken))
            .GroupBy(p => p.ReferralId).ToDictionary(g => g.Key, g => g.Min(p => p.Content.EvaluationDate));
        var pupilIds = candidates.Select(c => c.PupilId).ToList();
        var consents = await db.PupilConsents.AsNoTracking().Where(c => pupilIds.Contains(c.PupilId)).ToListAsync(cancellationToken);
        return candidates
            .Select(c => new Suggestion(c.Id, ReferralListQuery.FullName(c.FirstName, c.Prefix, c.LastName),
                AgendaSuggestions.ReasonsFor(c.IsFlaggedForDiscussion, c.Overdue, planDates.TryGetValue(c.Id, out var due) ? due : null, meeting.Date),
                MeetingConsent.Check(c.DateOfBirth, consents.Where(x => x.PupilId == c.PupilId), meeting.Type, meeting.PartnerKinds, meeting.Date)))
            .Where(s => s.Reasons.Count > 0)
            .OrderBy(s => s.PupilName, StringComparer.Ordinal)
            .ToList();
    }
}

public sealed record MeetingRow(int Id, MeetingType Type, DateTimeOffset StartsAt, string Location, MeetingStatus Status, int Items,
    string Chair);

/// <summary>The meetings the user manages or takes part in: upcoming first, then past ones.</summary>
public sealed class MeetingListQuery(PortalDbContext db, CurrentStaff currentStaff, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<(PagedList<MeetingRow> Upcoming, PagedList<MeetingRow> Past)> HandleAsync(int? page,
        CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var me = scope.StaffMemberId;
        var locations = scope.Has(Domain.Organisation.StaffRole.Coordinator) ? scope.LocationIds.ToList() : [];
        var board = scope.Has(Domain.Organisation.StaffRole.CareWorkerC);
        var now = clock.GetUtcNow();
        var readable = db.Meetings.AsNoTracking().Where(m => board || locations.Contains(m.LocationId) || m.ChairId == me
                                                              || m.MinuteTakerId == me || m.Staff.Any(s => s.StaffMemberId == me));

        async Task<PagedList<MeetingRow>> PageOf(IQueryable<Meeting> query, bool ascending, int? wanted)
        {
            var total = await query.CountAsync(cancellationToken);
            var current = Paging.Clamp(wanted, total, PageSize);
            var rows = await (ascending ? query.OrderBy(m => m.StartsAt) : query.OrderByDescending(m => m.StartsAt))
                .Skip((current - 1) * PageSize).Take(PageSize)
                .Select(m => new MeetingRow(m.Id, m.Type, m.StartsAt, db.Locations.Where(l => l.Id == m.LocationId).Select(l => l.Name).First(),
                    m.Status, m.Agenda.Count, db.StaffMembers.Where(s => s.Id == m.ChairId).Select(s => s.DisplayName).First()))
                .ToListAsync(cancellationToken);
            return new PagedList<MeetingRow>(rows, current, PageSize, total);
        }

        return (await PageOf(readable.Where(m => m.StartsAt >= now), true, 1), await PageOf(readable.Where(m => m.StartsAt < now), false, page));
    }
}
