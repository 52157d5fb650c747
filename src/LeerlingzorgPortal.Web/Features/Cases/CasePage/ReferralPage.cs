using System.Globalization;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Web.Features.Cases.ActionItems;
using LeerlingzorgPortal.Web.Features.Cases.CaseWork;
using LeerlingzorgPortal.Web.Features.Cases.Enrolments;
using LeerlingzorgPortal.Web.Features.Cases.Triage;
using LeerlingzorgPortal.Web.Features.Shared;
using LeerlingzorgPortal.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Features.Cases.CasePage;

/// <summary>
/// The page of one referral, which is the care case once triaged, composed of its sections: the
/// referral itself (header and card) and one small model per section, each owned by the folder whose
/// partial shows it. What they hold depends on the permissions: the mentor's view has the status, the
/// care worker, the agreements of non-confidential notes and the mentor's own action items; care staff
/// see the case work; confidential notes only for the assigned care staff and the coordinator. The
/// sections with a form carry no submitted form here: the view adds the one just refused.
/// </summary>
public sealed record ReferralPage(
    ReferralSummary Referral,
    ReferralPermissions Permissions,
    NotesSection Notes,
    CaseActionItemsSection ActionItems,
    CasePlansSection Plans,
    ExternalReferralsSection ExternalReferrals,
    CaseEnrolments Enrolments,
    MeldcodeSection Meldcode,
    HistorySection History,
    TriageSection Triage,
    CaseWorkSection CaseWork)
{
    public int Id => Referral.Id;

    public int PupilId => Referral.PupilId;

    /// <summary>Triaged or later: the referral has become a care case.</summary>
    public bool IsCase => Referral.Status is ReferralStatus.Triaged or ReferralStatus.InProgress or ReferralStatus.Closed
        or ReferralStatus.ReferredOut;
}

/// <summary>The referral itself: the page's header and the card "Aanmelding".</summary>
public sealed record ReferralSummary(
    int Id,
    Guid Version,
    int PupilId,
    string PupilName,
    string? MentorGroup,
    ReferralCategory Category,
    Urgency Urgency,
    ReferralStatus Status,
    string? Question,
    string? AlreadyTried,
    bool ParentsInformed,
    DateOnly? ParentsInformedOn,
    string ReferredBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    string? CareWorker,
    SupportLevel? SupportLevel,
    CaseOutcome? Outcome,
    string? EndNote,
    string? ReferredOutTo);

/// <summary>
/// Loads the referral page in a fixed number of SQL commands whatever the case holds (docs/adr/0030):
/// the referral with its pupil (authorised against the loaded entity), one UNION ALL of the case's
/// lines (steps, notes, action items, meldcode tracks, enrolments and the names it shows), its plans,
/// its external referrals, and one UNION ALL of the choices its forms offer.
/// </summary>
public sealed class ReferralPageQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff,
    StaffLookup staff, TimeProvider clock)
{
    public async Task<ReferralPage?> HandleAsync(int id, CancellationToken cancellationToken = default)
    {
        var referral = await db.Referrals.AsNoTracking()
            .Include(r => r.Pupil!).ThenInclude(p => p.MentorGroup)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var permissions = await careAccess.PermissionsAsync(referral, cancellationToken);
        if (!permissions.CanRead)
        {
            return null;
        }

        var scope = await currentStaff.GetScopeAsync(cancellationToken);
        var me = scope.StaffMemberId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var isCase = referral.Status is ReferralStatus.Triaged or ReferralStatus.InProgress or ReferralStatus.Closed
            or ReferralStatus.ReferredOut;
        // The interventions block is shown only to those who see the case work of a case.
        var showsEnrolments = isCase && permissions.SeesCaseWork;
        var rows = await LinesAsync(referral, permissions, scope, showsEnrolments, cancellationToken);
        var names = rows.Where(r => r.Kind == (int)LineKind.Staff).ToDictionary(r => r.Key!, r => r.Person);
        string Name(string? staffId) => staffId is not null && names.TryGetValue(staffId, out var n) && n is not null ? n : "–";
        string Person(CaseLineRow row) => row.Person ?? "–";
        var byKind = rows.ToLookup(r => (LineKind)r.Kind);

        var notes = byKind[LineKind.Note]
            .OrderByDescending(n => n.Day).ThenByDescending(n => n.RowId)
            .Select(n => new NoteLine((int)n.RowId, n.Day!.Value, Enum.Parse<ContactParties>(n.Code!), Person(n),
                permissions.SeesCaseWork ? n.Text1 : null, n.Text2, n.Flag == true))
            .ToList();
        var items = byKind[LineKind.ActionItem].OrderBy(i => i.RowId)
            .Select(i => (Row: i, Status: Enum.Parse<ActionItemStatus>(i.Code!)))
            .OrderBy(i => i.Status).ThenBy(i => i.Row.Day)
            .Select(i => new ActionItemLine((int)i.Row.RowId, i.Row.Text1!, Person(i.Row), i.Row.Key!, i.Row.Day!.Value, i.Status,
                ActionItem.IsOverdue(i.Status, i.Row.Day!.Value, today), i.Row.Key == me || permissions.CanWork))
            .ToList();
        var mayReassign = ReferralAccess.MayReassign(scope, permissions);

        var onPlans = PlanAccess.For(scope, permissions);
        var plans = onPlans.ReadsPlans || onPlans.ReadsClassroomMeasures
            ? await db.CarePlans.AsNoTracking().Where(p => p.ReferralId == referral.Id).OrderBy(p => p.Id).ToListAsync(cancellationToken)
            : [];
        var planLines = onPlans.ReadsPlans
            ? plans.Select(p => new PlanLine(p.Id, p.Content.Title, p.Kind, p.Status, p.VersionNumber)).ToList()
            : [];
        var classroom = plans.Where(p => p.Status is PlanStatus.Active or PlanStatus.Evaluated)
            .SelectMany(p => p.Content.Measures.Where(m => m.ForClassroom)
                .Select(m => new ClassroomMeasure(p.Content.Title, m.What, m.ByWhom, m.HowOften, m.Duration)))
            .ToList();

        var externals = permissions.SeesCaseWork
            ? await db.ExternalReferrals.AsNoTracking().Where(e => e.ReferralId == referral.Id).OrderByDescending(e => e.SentOn).ToListAsync(cancellationToken)
            : [];
        var choices = await ChoicesAsync(referral.LocationId, permissions.CanTriage || mayReassign, permissions.CanWork,
            permissions.SeesCaseWork, showsEnrolments && permissions.CanWork, cancellationToken);
        var steps = byKind[LineKind.MeldcodeStep].ToLookup(e => e.OwnerId, e => (int)Enum.Parse<Domain.Incidents.MeldcodeStep>(e.Code!));
        var tracks = byKind[LineKind.MeldcodeTrack].OrderBy(t => t.RowId)
            .Select(t => new MeldcodeLine((int)t.RowId, steps[(int)t.RowId].DefaultIfEmpty(0).Max(), t.Flag == true)).ToList();
        var mayStartMeldcode = ReferralAccess.MayStartMeldcode(scope, permissions);
        var enrolments = showsEnrolments
            ? byKind[LineKind.Enrolment].OrderByDescending(e => e.At).ThenBy(e => e.RowId)
                .Select(e => new Enrolments.CaseEnrolmentLine(e.OwnerId, e.Text1!, Enum.Parse<Domain.Offering.EnrolmentStatus>(e.Code!),
                    e.At!.Value, e.Day, e.Day2, e.Text2))
                .ToList()
            : null;

        var pupil = referral.Pupil!;
        var careWorker = referral.AssignedCareWorkerId is null ? null : Name(referral.AssignedCareWorkerId);
        var summary = new ReferralSummary(referral.Id, referral.Version, pupil.Id, pupil.Name.FullName, pupil.MentorGroup?.Name,
            referral.Category, referral.Urgency, referral.Status, referral.Question, referral.AlreadyTried,
            referral.ParentsInformed, referral.ParentsInformedOn,
            referral.Source == ReferralSource.WarmHandover ? $"warme overdracht, vastgelegd door {Name(referral.ReferredById)}" : Name(referral.ReferredById),
            referral.CreatedAt, referral.SubmittedAt, careWorker, referral.SupportLevel, referral.Outcome, referral.EndNote,
            referral.ReferredOutTo);
        var history = byKind[LineKind.Transition].OrderBy(t => t.At).ThenBy(t => t.RowId)
            .Select(t => new TransitionLine(t.Code2 is null ? null : Enum.Parse<ReferralStatus>(t.Code2), Enum.Parse<ReferralStatus>(t.Code!),
                Person(t), t.At!.Value)).ToList();
        return new ReferralPage(summary, permissions,
            new NotesSection(permissions.SeesCaseWork, notes),
            new CaseActionItemsSection(referral.Id, permissions.SeesCaseWork, items),
            new CasePlansSection(referral.Id, onPlans, planLines, classroom),
            new ExternalReferralsSection(referral.Id, permissions.CanWork, externals, today),
            new CaseEnrolments(referral.Id, permissions.CanWork, enrolments ?? [], choices.InterventionChoices, null, today),
            new MeldcodeSection(tracks),
            new HistorySection(history),
            new TriageSection(referral.Id, referral.Version, choices.CareWorkers, null),
            new CaseWorkSection(referral.Id, referral.Version, careWorker, referral.SupportLevel, referral.IsFlaggedForDiscussion,
                mayReassign, mayStartMeldcode, choices.CareWorkers, choices.StaffHere, choices.AgencyChoices,
                today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null));
    }

    /// <summary>
    /// The case's lines in one UNION ALL, each part filtered to what the user may read: confidential
    /// notes only for those who read them, summaries only for those who see the case work (the mentor's
    /// view reads only agreements and their own action items), meldcode tracks only for the coordinators
    /// of the location and the track's members. Names of staff come along in the same command. The first
    /// part (action items) fills every non-text column with a real value, so both databases type the
    /// columns of the whole union from it.
    /// </summary>
    private Task<List<CaseLineRow>> LinesAsync(Referral referral, ReferralPermissions permissions, StaffScope scope, bool showsEnrolments,
        CancellationToken cancellationToken)
    {
        var id = referral.Id;
        var me = scope.StaffMemberId;
        var seesCaseWork = permissions.SeesCaseWork;
        var readsConfidential = permissions.ReadsConfidential;
        var staffMembers = db.StaffMembers.AsNoTracking();

        var items =
            from i in db.ActionItems.AsNoTracking()
            where i.ReferralId == id && (seesCaseWork || i.OwnerId == me)
            select new CaseLineRow
            {
                // Day2 and Flag are not read for action items; they type the union's columns (see above).
                Kind = (int)LineKind.ActionItem,
                RowId = i.Id,
                OwnerId = i.ReferralId,
                At = i.CreatedAt,
                Day = i.DueDate,
                Day2 = i.DueDate,
                Flag = i.ContactNoteId != null,
                Key = i.OwnerId,
                Code = i.Status.ToString(),
                Code2 = null,
                Person = staffMembers.Where(s => s.Id == i.OwnerId).Select(s => s.DisplayName).FirstOrDefault(),
                Text1 = i.Description,
                Text2 = null,
            };
        var transitions =
            from t in db.Set<ReferralTransition>().AsNoTracking()
            where t.ReferralId == id
            select new CaseLineRow
            {
                Kind = (int)LineKind.Transition,
                RowId = t.Id,
                OwnerId = t.ReferralId,
                At = t.At,
                Day = null,
                Day2 = null,
                Flag = null,
                Key = null,
                Code = t.To.ToString(),
                Code2 = t.From == null ? null : t.From.Value.ToString(),
                Person = staffMembers.Where(s => s.Id == t.ById).Select(s => s.DisplayName).FirstOrDefault(),
                Text1 = null,
                Text2 = null,
            };
        var notes =
            from n in db.ContactNotes.AsNoTracking()
            where n.ReferralId == id && (!n.IsConfidential || readsConfidential) && (seesCaseWork || n.Agreements != null)
            select new CaseLineRow
            {
                Kind = (int)LineKind.Note,
                RowId = n.Id,
                OwnerId = n.ReferralId,
                At = n.CreatedAt,
                Day = n.Date,
                Day2 = null,
                Flag = n.IsConfidential,
                Key = null,
                Code = n.With.ToString(),
                Code2 = null,
                Person = staffMembers.Where(s => s.Id == n.AuthorId).Select(s => s.DisplayName).FirstOrDefault(),
                Text1 = seesCaseWork ? n.Summary : null,
                Text2 = n.Agreements,
            };
        var people = new[] { referral.ReferredById, referral.AssignedCareWorkerId }.OfType<string>().ToList();
        var names =
            from s in staffMembers
            where people.Contains(s.Id)
            select new CaseLineRow
            {
                Kind = (int)LineKind.Staff,
                RowId = 0,
                OwnerId = id,
                At = null,
                Day = null,
                Day2 = null,
                Flag = null,
                Key = s.Id,
                Code = null,
                Code2 = null,
                Person = s.DisplayName,
                Text1 = null,
                Text2 = null,
            };
        var tracks = db.MeldcodeTracks.AsNoTracking().Where(t => t.ReferralId == id).Where(IncidentAccess.MeldcodeTracksOf(scope));
        var meldcodeTracks =
            from t in tracks
            select new CaseLineRow
            {
                Kind = (int)LineKind.MeldcodeTrack,
                RowId = t.Id,
                OwnerId = t.ReferralId,
                At = t.StartedAt,
                Day = null,
                Day2 = null,
                Flag = t.ClosedAt != null,
                Key = null,
                Code = null,
                Code2 = null,
                Person = null,
                Text1 = null,
                Text2 = null,
            };
        var meldcodeSteps =
            from t in tracks
            join e in db.Set<Domain.Incidents.MeldcodeEntry>() on t.Id equals e.TrackId
            select new CaseLineRow
            {
                Kind = (int)LineKind.MeldcodeStep,
                RowId = e.Id,
                OwnerId = t.Id,
                At = e.RecordedAt,
                Day = null,
                Day2 = null,
                Flag = null,
                Key = null,
                Code = e.Step.ToString(),
                Code2 = null,
                Person = null,
                Text1 = null,
                Text2 = null,
            };
        var lines = items.Concat(transitions).Concat(notes).Concat(names).Concat(meldcodeTracks).Concat(meldcodeSteps);
        if (showsEnrolments)
        {
            // The pupil's enrolments made on this case or without a case.
            var pupilId = referral.PupilId;
            lines = lines.Concat(
                from e in db.Enrolments.AsNoTracking()
                join i in db.Interventions on e.InterventionId equals i.Id
                where e.PupilId == pupilId && (e.ReferralId == id || e.ReferralId == null)
                select new CaseLineRow
                {
                    Kind = (int)LineKind.Enrolment,
                    RowId = e.Id,
                    OwnerId = i.Id,
                    At = e.RequestedAt,
                    Day = e.StartOn,
                    Day2 = e.EndOn,
                    Flag = null,
                    Key = null,
                    Code = e.Status.ToString(),
                    Code2 = null,
                    Person = null,
                    Text1 = i.Name,
                    Text2 = e.Outcome,
                });
        }

        return lines.ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The choices the page's forms offer, in one UNION ALL of those the user needs: care workers to
    /// assign, staff to own an action item, agencies to refer to, interventions to enrol in. Each list
    /// ordered by name as before; no command at all when the user has no form.
    /// </summary>
    private async Task<Choices> ChoicesAsync(int locationId, bool careWorkers, bool staffHere, bool agencies, bool interventions,
        CancellationToken cancellationToken)
    {
        var parts = new List<IQueryable<ChoiceRow>>();
        if (careWorkers)
        {
            parts.Add(staff.CareWorkersFor(locationId).Select(s => new ChoiceRow
            {
                List = ChoiceRow.CareWorkers,
                Key = s.Id,
                Id = 0,
                Name = s.DisplayName,
                Code = null,
                Flag = false,
                Capacity = 0,
                Participants = 0,
                Waiting = 0,
            }));
        }

        if (staffHere)
        {
            parts.Add(staff.StaffAt(locationId).Select(s => new ChoiceRow
            {
                List = ChoiceRow.StaffHere,
                Key = s.Id,
                Id = 0,
                Name = s.DisplayName,
                Code = null,
                Flag = false,
                Capacity = 0,
                Participants = 0,
                Waiting = 0,
            }));
        }

        if (agencies)
        {
            parts.Add(db.ExternalOrganisations.AsNoTracking().Where(o => o.IsActive).Select(o => new ChoiceRow
            {
                List = ChoiceRow.Agencies,
                Key = null,
                Id = o.Id,
                Name = o.Name,
                Code = o.Kind.ToString(),
                Flag = o.HowToRefer != null,
                Capacity = 0,
                Participants = 0,
                Waiting = 0,
            }));
        }

        if (interventions)
        {
            parts.Add(db.Interventions.AsNoTracking().Where(i => i.IsActive).Select(i => new ChoiceRow
            {
                List = ChoiceRow.Interventions,
                Key = null,
                Id = i.Id,
                Name = i.Name,
                Code = null,
                Flag = false,
                Capacity = i.Capacity,
                Participants = i.Enrolments.Count(e => e.Status == Domain.Offering.EnrolmentStatus.Participating),
                Waiting = i.Enrolments.Count(e => e.Status == Domain.Offering.EnrolmentStatus.Waiting),
            }));
        }

        var rows = parts.Count == 0
            ? []
            : await parts.Skip(1).Aggregate(parts[0], (all, part) => all.Concat(part))
                .OrderBy(r => r.List).ThenBy(r => r.Name)
                .ToListAsync(cancellationToken);
        List<ChoiceRow> Of(int list) => rows.Where(r => r.List == list).ToList();
        return new Choices(
            Of(ChoiceRow.CareWorkers).Select(r => new StaffOption(r.Key!, r.Name)).ToList(),
            Of(ChoiceRow.StaffHere).Select(r => new StaffOption(r.Key!, r.Name)).ToList(),
            agencies ? Of(ChoiceRow.Agencies).Select(r => new Agencies.AgencyOption(r.Id, r.Name,
                Enum.Parse<Domain.Meetings.PartnerKind>(r.Code!), r.Flag)).ToList() : [],
            Of(ChoiceRow.Interventions).Select(r => new Enrolments.InterventionOption(r.Id, r.Name, r.Capacity, r.Participants,
                r.Waiting)).ToList());
    }

    private sealed record Choices(List<StaffOption> CareWorkers, List<StaffOption> StaffHere, List<Agencies.AgencyOption> AgencyChoices,
        List<Enrolments.InterventionOption> InterventionChoices);

    private enum LineKind
    {
        ActionItem,
        Transition,
        Note,
        Staff,
        MeldcodeTrack,
        MeldcodeStep,
        Enrolment,
    }
}

/// <summary>One line of a case as one part of the page's UNION ALL returns it; enum values as their stored names.</summary>
internal sealed class CaseLineRow
{
    public int Kind { get; set; }

    public long RowId { get; set; }

    /// <summary>The case, track or intervention the line belongs to.</summary>
    public int OwnerId { get; set; }

    public DateTimeOffset? At { get; set; }

    public DateOnly? Day { get; set; }

    public DateOnly? Day2 { get; set; }

    public bool? Flag { get; set; }

    /// <summary>A staff member's id (the owner of an action item, a person named on the page).</summary>
    public string? Key { get; set; }

    public string? Code { get; set; }

    public string? Code2 { get; set; }

    public string? Person { get; set; }

    public string? Text1 { get; set; }

    public string? Text2 { get; set; }
}

/// <summary>One choice of one of the page's forms, as one part of a UNION ALL returns it.</summary>
internal sealed class ChoiceRow
{
    public const int CareWorkers = 0;
    public const int StaffHere = 1;
    public const int Agencies = 2;
    public const int Interventions = 3;

    public int List { get; set; }

    public string? Key { get; set; }

    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Code { get; set; }

    public bool Flag { get; set; }

    public int Capacity { get; set; }

    public int Participants { get; set; }

    public int Waiting { get; set; }
}
