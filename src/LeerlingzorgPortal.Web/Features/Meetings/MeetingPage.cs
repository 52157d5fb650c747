using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Features.Cases.Referrals;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Meetings;

/// <summary>Which page of a meeting is built: what it shows decides what is read.</summary>
public enum MeetingView
{
    /// <summary>The meeting page itself, with the planning lists for those who manage it.</summary>
    Page,

    /// <summary>The printed agenda: per item the question and what to look at (goals, open action items, last decisions).</summary>
    Agenda,

    /// <summary>The printed minutes: per item the question, discussion, decisions and action items; and the addenda.</summary>
    Minutes,
}

/// <summary>The meeting as its pages show it: names resolved, participants and addenda with them.</summary>
public sealed record MeetingSummary(
    int Id,
    MeetingType Type,
    DateTimeOffset StartsAt,
    MeetingStatus Status,
    string Chair,
    string? MinuteTaker,
    IReadOnlyList<string> Participants,
    IReadOnlyList<ExternalLine> Externals,
    IReadOnlyList<AddendumLine> Addenda)
{
    public DateOnly Date => DateOnly.FromDateTime(StartsAt.UtcDateTime);

    public IReadOnlyCollection<PartnerKind> PartnerKinds => Externals.Select(e => e.Kind).Distinct().ToList();
}

/// <param name="AgencyId">The sociale-kaart entry of the participant's organisation, when spelled exactly as there.</param>
public sealed record ExternalLine(string Name, PartnerKind Kind, string Organisation, string? Role, int? AgencyId);

public sealed record AddendumLine(DateTimeOffset At, string By, string Text);

/// <summary>An agenda item as the pages show it.</summary>
public sealed record AgendaItemView(int Id, int Order, int ReferralId, string? Question, string? Discussion, string? Decisions);

/// <summary>One agenda item with what to look at: the case, the active plan, open items, last decisions.</summary>
public sealed record AgendaLine(
    AgendaItemView Item,
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
    IReadOnlyList<string> ActionItemsFromThisItem,
    int PupilId);

public sealed record Suggestion(int ReferralId, string PupilName, IReadOnlyList<string> Reasons, ConsentCheck Consent, int PupilId);

public sealed record MeetingPage(
    MeetingSummary Meeting,
    string Location,
    bool Manages,
    IReadOnlyList<AgendaLine> Agenda,
    int HiddenItems,
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<FilterOption> Cases,
    IReadOnlyList<StaffOption> StaffAtLocation,
    DateOnly Today)
{
    /// <summary>Every pupil the page shows with content (agenda items, suggestions), each once: each gets its own audit line.</summary>
    public IReadOnlyList<int> PupilsShown => Agenda.Select(a => a.PupilId).Concat(Suggestions.Select(s => s.PupilId)).Distinct().ToList();
}

/// <summary>
/// Builds the meeting page, and its printed agenda and minutes. The external version holds only the
/// items whose consent still covers the partners present, and only the question and the decisions.
/// A fixed number of SQL commands whatever the size of the agenda or the location (ADR 0046; at most five besides
/// the sign-in check, the user's scope and the audit line): the meeting with the consents that matter; the people
/// named on it (staff and external participants in one list); the agenda items with their case, names, need-to-know
/// check, last decisions and action items; the open cases to suggest; the plans; or, once closed, the addenda.
/// Each is read only when the meeting has them and the page shows them; one collection per command.
/// </summary>
public sealed class MeetingPageQuery(PortalDbContext db, CurrentStaff currentStaff, CareAccess careAccess, TimeProvider clock)
{
    private const string Unknown = "–";

    public async Task<MeetingPage?> HandleAsync(int id, MeetingView view = MeetingView.Page, bool external = false,
        CancellationToken cancellationToken = default)
    {
        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var me = scope.StaffMemberId;
        var page = view == MeetingView.Page;
        var readable = db.Referrals.Where(await careAccess.ReadableAsync(cancellationToken));
        // The meeting with the consents of the pupils on its agenda.
        var head = await db.Meetings.AsNoTracking().Where(m => m.Id == id).Select(m => new
        {
            m.Id,
            m.LocationId,
            m.Type,
            m.StartsAt,
            m.Status,
            m.ChairId,
            m.MinuteTakerId,
            Location = db.Locations.Where(l => l.Id == m.LocationId).Select(l => l.Name).FirstOrDefault(),
            Chair = db.StaffMembers.Where(s => s.Id == m.ChairId).Select(s => s.DisplayName).FirstOrDefault(),
            MinuteTaker = db.StaffMembers.Where(s => s.Id == m.MinuteTakerId).Select(s => s.DisplayName).FirstOrDefault(),
            TakesPart = m.Staff.Any(s => s.StaffMemberId == me),
            Externals = m.Externals.Count,
            Addenda = m.Addenda.Count,
            // The consents of the pupils on the agenda (a join: SQLite has no APPLY); they matter only with externals present.
            Consents = m.Agenda.Join(db.PupilConsents, a => a.PupilId, c => c.PupilId, (a, c) => c)
                    .OrderBy(c => c.Id)
                    .ToList(),
        })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null || !MeetingAccess.Reads(scope, head.LocationId, head.ChairId, head.MinuteTakerId, head.TakesPart))
        {
            return null;
        }

        var manages = MeetingAccess.Manages(scope, head.LocationId, head.ChairId, head.MinuteTakerId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var date = DateOnly.FromDateTime(head.StartsAt.UtcDateTime);

        // The people named on the meeting in one command: its staff participants, for the page everyone active at its
        // location (who can own an action item decided in it), and its external participants.
        var staffShown = view != MeetingView.Agenda;
        var locationId = head.LocationId;
        var people = staffShown || head.Externals > 0
            // Externals first: the union takes its column types (the partner kind is stored as text) from the first query.
            ? await db.Set<ExternalParticipant>().AsNoTracking().Where(e => e.MeetingId == id)
                .Select(e => new
                {
                    External = true,
                    Seq = e.Id,
                    Id = (string?)null,
                    e.Name,
                    Participant = false,
                    Here = false,
                    Kind = (PartnerKind?)e.Kind,
                    Organisation = (string?)e.Organisation,
                    e.Role,
                    // Resolved by name at read time: a participant's organisation is free text, typed or picked from the sociale kaart.
                    AgencyId = db.ExternalOrganisations.Where(o => o.Name == e.Organisation).Select(o => (int?)o.Id).FirstOrDefault(),
                })
                .Concat(db.StaffMembers.AsNoTracking()
                    .Where(s => staffShown && (db.Set<MeetingStaffParticipant>().Any(p => p.MeetingId == id && p.StaffMemberId == s.Id)
                                               || (page && s.IsActive && s.Locations.Any(l => l.LocationId == locationId))))
                    .Select(s => new
                    {
                        External = false,
                        Seq = 0,
                        Id = (string?)s.Id,
                        Name = s.DisplayName,
                        Participant = db.Set<MeetingStaffParticipant>().Any(p => p.MeetingId == id && p.StaffMemberId == s.Id),
                        Here = s.IsActive && s.Locations.Any(l => l.LocationId == locationId),
                        Kind = (PartnerKind?)null,
                        Organisation = (string?)null,
                        Role = (string?)null,
                        AgencyId = (int?)null,
                    }))
                .OrderBy(p => p.External).ThenBy(p => p.Seq).ThenBy(p => p.Name)
                .ToListAsync(cancellationToken)
            : [];
        var externals = people.Where(p => p.External).Select(p => new ExternalLine(p.Name, p.Kind!.Value, p.Organisation!, p.Role, p.AgencyId))
            .ToList();
        var partners = externals.Select(e => e.Kind).Distinct().ToList();

        // The agenda with, per item, its case and pupil, the names, whether the user may read the case (need to know),
        // the decisions of the last closed meeting before this one about the pupil, and the case's action items
        // that are open or were decided on this item.
        var startsAt = head.StartsAt;
        var rows = await (
                from a in db.Set<AgendaItem>().AsNoTracking()
                join r in db.Referrals.AsNoTracking() on a.ReferralId equals r.Id
                where a.MeetingId == id
                orderby a.Order
                select new
                {
                    a.Id,
                    a.Order,
                    a.ReferralId,
                    a.PupilId,
                    a.Question,
                    a.Discussion,
                    a.Decisions,
                    BroughtBy = db.StaffMembers.Where(s => s.Id == a.BroughtById).Select(s => s.DisplayName).FirstOrDefault(),
                    r.Pupil!.Name.FirstName,
                    r.Pupil.Name.Prefix,
                    r.Pupil.Name.LastName,
                    r.Pupil.DateOfBirth,
                    MentorGroup = (string?)r.Pupil.MentorGroup!.Name,
                    CaseQuestion = r.Question,
                    r.Status,
                    r.AssignedCareWorkerId,
                    CareWorker = db.StaffMembers.Where(s => s.Id == r.AssignedCareWorkerId).Select(s => s.DisplayName).FirstOrDefault(),
                    MayRead = readable.Any(x => x.Id == r.Id),
                    LastDecisionsAt = (
                            from e in db.Set<AgendaItem>()
                            join m in db.Meetings on e.MeetingId equals m.Id
                            where m.Id != id && m.StartsAt < startsAt && m.Status == MeetingStatus.Closed && e.PupilId == a.PupilId
                                  && e.Decisions != null
                            orderby m.StartsAt descending, e.Id descending
                            select (DateTimeOffset?)m.StartsAt)
                        .FirstOrDefault(),
                    LastDecisions = (
                            from e in db.Set<AgendaItem>()
                            join m in db.Meetings on e.MeetingId equals m.Id
                            where m.Id != id && m.StartsAt < startsAt && m.Status == MeetingStatus.Closed && e.PupilId == a.PupilId
                                  && e.Decisions != null
                            orderby m.StartsAt descending, e.Id descending
                            select e.Decisions)
                        .FirstOrDefault(),
                    ActionItems = db.ActionItems
                        .Where(i => i.ReferralId == a.ReferralId && (i.Status == ActionItemStatus.Open || i.AgendaItemId != null))
                        .OrderBy(i => i.Id)
                        .Select(i => new
                        {
                            i.Description,
                            Owner = db.StaffMembers.Where(s => s.Id == i.OwnerId).Select(s => s.DisplayName).FirstOrDefault(),
                            i.DueDate,
                            i.Status,
                            i.AgendaItemId,
                        })
                        .ToList(),
                })
            .ToListAsync(cancellationToken);

        // The open cases at the location that are not on the agenda yet: all of them to add, some of them suggested.
        var planning = manages && head.Status == MeetingStatus.Planned && !external && page;
        var onAgenda = rows.Select(a => a.PupilId).ToList();
        var candidates = planning
            ? await db.Referrals.AsNoTracking()
                .Where(await careAccess.ReadableAsync(cancellationToken))
                .Where(r => r.LocationId == head.LocationId && (r.Status == ReferralStatus.Triaged || r.Status == ReferralStatus.InProgress))
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
                    // Always read (a few per pupil): a condition on a parameter here would leave SQLite an APPLY to translate.
                    Consents = db.PupilConsents.Where(c => c.PupilId == r.PupilId).OrderBy(c => c.Id).ToList(),
                })
                .ToListAsync(cancellationToken)
            : [];

        // The plans' goals are shown on the page and the internal agenda; a suggestion looks at the active plans' evaluation date.
        var plansShown = page || (view == MeetingView.Agenda && !external);
        var planCases = rows.Select(a => a.ReferralId).Concat(candidates.Select(c => c.Id)).Distinct().ToList();
        var plans = plansShown && planCases.Count > 0
            ? await db.CarePlans.AsNoTracking()
                .Where(p => planCases.Contains(p.ReferralId) && (p.Status == PlanStatus.Active || p.Status == PlanStatus.Evaluated))
                .OrderBy(p => p.Id)
                .Select(p => new { p.ReferralId, p.Status, p.Content })
                .ToListAsync(cancellationToken)
            : [];

        var consents = head.Consents.Concat(candidates.SelectMany(c => c.Consents)).DistinctBy(c => c.Id).ToList();
        ConsentCheck ConsentOf(int pupilId, DateOnly dateOfBirth) =>
            MeetingConsent.Check(dateOfBirth, consents.Where(c => c.PupilId == pupilId), head.Type, partners, date);

        var addendaShown = page || (view == MeetingView.Minutes && !external);
        var addenda = addendaShown && head.Addenda > 0
            ? await db.Set<MeetingAddendum>().AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Id)
                .Select(a => new AddendumLine(a.At, db.StaffMembers.Where(s => s.Id == a.ById).Select(s => s.DisplayName).FirstOrDefault() ?? Unknown,
                    a.Text))
                .ToListAsync(cancellationToken)
            : [];

        var lines = new List<AgendaLine>();
        var hidden = 0;
        foreach (var row in rows)
        {
            var consent = ConsentOf(row.PupilId, row.DateOfBirth);
            if (!(manages || row.MayRead) || (external && !consent.Covered))
            {
                hidden++;
                continue;
            }

            lines.Add(new AgendaLine(
                new AgendaItemView(row.Id, row.Order, row.ReferralId, row.Question, row.Discussion, row.Decisions),
                ReferralListQuery.FullName(row.FirstName, row.Prefix, row.LastName), row.MentorGroup, row.BroughtBy ?? Unknown, consent,
                row.CaseQuestion, row.Status, row.AssignedCareWorkerId is null ? null : row.CareWorker ?? Unknown,
                plans.Where(p => p.ReferralId == row.ReferralId).SelectMany(p => p.Content.Goals.Select(g => g.Description)).ToList(),
                row.ActionItems.Where(i => i.Status == ActionItemStatus.Open)
                    .Select(i => $"{i.Description} ({i.Owner ?? Unknown}, {Dutch.Date(i.DueDate)})").ToList(),
                row.LastDecisionsAt is { } at ? $"{Dutch.Date(DateOnly.FromDateTime(at.UtcDateTime))}: {row.LastDecisions}" : null,
                row.ActionItems.Where(i => i.AgendaItemId == row.Id)
                    .Select(i => $"{i.Description} ({i.Owner ?? Unknown}, {Dutch.Date(i.DueDate)})").ToList(),
                row.PupilId));
        }

        var planDates = plans.Where(p => p.Status == PlanStatus.Active).GroupBy(p => p.ReferralId)
            .ToDictionary(g => g.Key, g => g.Min(p => p.Content.EvaluationDate));
        var suggestions = candidates
            .Select(c => new Suggestion(c.Id, ReferralListQuery.FullName(c.FirstName, c.Prefix, c.LastName),
                AgendaSuggestions.ReasonsFor(c.IsFlaggedForDiscussion, c.Overdue, planDates.TryGetValue(c.Id, out var due) ? due : null, date),
                ConsentOf(c.PupilId, c.DateOfBirth), c.PupilId))
            .Where(s => s.Reasons.Count > 0)
            .OrderBy(s => s.PupilName, StringComparer.Ordinal)
            .ToList();
        var cases = candidates.Select(c => new FilterOption(c.Id, ReferralListQuery.FullName(c.FirstName, c.Prefix, c.LastName)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var staffHere = manages && page
            ? people.Where(p => !p.External && p.Here).Select(p => new StaffOption(p.Id!, p.Name)).ToList()
            : [];
        var meeting = new MeetingSummary(head.Id, head.Type, head.StartsAt, head.Status, head.Chair ?? Unknown,
            head.MinuteTakerId is null ? null : head.MinuteTaker ?? Unknown,
            people.Where(p => p.Participant).Select(p => p.Name).Order(StringComparer.Ordinal).ToList(), externals, addenda);
        return new MeetingPage(meeting, head.Location ?? string.Empty, manages, lines, hidden, suggestions, cases, staffHere, today);
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
        var now = clock.GetUtcNow();
        var readable = db.Meetings.AsNoTracking().Where(MeetingAccess.ReadableBy(scope));

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
