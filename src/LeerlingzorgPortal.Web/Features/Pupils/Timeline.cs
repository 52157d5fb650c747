using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Access;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Offering;
using LeerlingzorgPortal.Domain.Plans;
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
/// A pupil's chronology: every referral step, note and action item the user may read, newest first,
/// with plans, meeting items, consent, incidents, external referrals, meldcode steps and interventions.
/// A fixed number of SQL commands whatever the size of the dossier (docs/adr/0030): the pupil, the
/// readable referrals (to decide need-to-know per case), one UNION ALL of every other kind of entry
/// but plans, and one UNION ALL of the plans' versions, evaluations and consents.
/// </summary>
public sealed class TimelineQuery(PortalDbContext db, CareAccess careAccess, CurrentStaff currentStaff)
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
            .Where(r => r.PupilId == pupilId)
            .Where(await careAccess.ReadableAsync(cancellationToken))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var permissions = referrals.ToDictionary(r => r.Id, r => ReferralAccess.For(scope, r, careAccess.Settings));
        var cases = new CaseSets(
            referrals.Select(r => r.Id).ToList(),
            referrals.Where(r => permissions[r.Id].SeesCaseWork).Select(r => r.Id).ToList(),
            referrals.Where(r => permissions[r.Id].ReadsConfidential).Select(r => r.Id).ToList(),
            referrals.Where(r => PlanAccess.For(scope, permissions[r.Id]).ReadsPlans).Select(r => r.Id).ToList());

        var rows = await RowsAsync(scope, pupilId, cases, cancellationToken);
        var plans = cases.PlansRead.Count == 0 ? [] : await PlanRowsAsync(cases.PlansRead, cancellationToken);

        // The same order as the entries were always listed in before sorting (the sort is stable): per
        // case its steps, notes and action items; then plans; then meetings, consent, incidents, external
        // referrals, meldcode steps and interventions.
        var entries = new List<TimelineEntry>();
        var byKind = rows.ToLookup(r => (RowKind)r.Kind);
        foreach (var referral in referrals)
        {
            var onCase = permissions[referral.Id];
            var category = Dutch.Category(referral.Category).ToLowerInvariant();
            entries.AddRange(byKind[RowKind.Transition].Where(r => r.OwnerId == referral.Id).OrderBy(r => r.RowId)
                .Select(t => new TimelineEntry(t.At, DateOnly.FromDateTime(t.At.UtcDateTime), TimelineKind.Referral,
                    $"Aanmelding {category}: {ReferralStatusText.Dutch(Enum.Parse<ReferralStatus>(t.Code!))}",
                    $"Door {Name(t.Person)}", CaseLink(referral.Id), false)));
            entries.AddRange(byKind[RowKind.Note].Where(r => r.OwnerId == referral.Id).OrderBy(r => r.RowId)
                .Select(n => new TimelineEntry(n.At, n.Day!.Value, TimelineKind.Note,
                    $"Gesprek met {Dutch.Parties(Enum.Parse<ContactParties>(n.Code!))} ({Name(n.Person)})",
                    onCase.SeesCaseWork ? JoinText(n.Text1!, n.Text2) : $"Afspraken: {n.Text2}",
                    CaseLink(referral.Id), n.Flag == true)));
            entries.AddRange(byKind[RowKind.ActionItem].Where(r => r.OwnerId == referral.Id).OrderBy(r => r.RowId)
                .Select(i => new TimelineEntry(i.At, DateOnly.FromDateTime(i.At.UtcDateTime), TimelineKind.ActionItem,
                    $"Actiepunt voor {Name(i.Person)}, deadline {Dutch.Date(i.Day2!.Value)}{(Enum.Parse<ActionItemStatus>(i.Code!) == ActionItemStatus.Done ? " (afgerond)" : string.Empty)}",
                    i.Text1, CaseLink(referral.Id), false)));
        }

        entries.AddRange(PlanEntries(plans));
        entries.AddRange(MeetingEntries(pupilId, byKind));
        entries.AddRange(IncidentEntries(byKind));
        entries.AddRange(EnrolmentEntries(byKind[RowKind.Enrolment]));

        var filtered = entries.Where(e => kind is null || e.Kind == kind)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.At).ToList();
        var current = Paging.Clamp(page, filtered.Count, PageSize);
        return new TimelinePage(pupil.Id, pupil.Name.FullName, kind,
            new PagedList<TimelineEntry>(filtered.Skip((current - 1) * PageSize).Take(PageSize).ToList(), current, PageSize,
                filtered.Count));
    }

    /// <summary>
    /// Every kind of entry but plans in one UNION ALL, each already filtered to what the user may read:
    /// notes and action items by the permissions on their case, incidents by the incident rules, meldcode
    /// steps only for those who may see the track (never for a mentor). Names of staff come along in the
    /// same command. The first part (enrolments) fills every non-text column with a real value, so both
    /// databases type the columns of the whole union from it.
    /// </summary>
    private async Task<List<TimelineRow>> RowsAsync(StaffScope scope, int pupilId, CaseSets cases,
        CancellationToken cancellationToken)
    {
        var groups = scope.MentorGroupIds.ToList();
        var myPupils = groups.Count == 0 ? [] : await db.Pupils.Where(p => p.MentorGroupId != null && groups.Contains(p.MentorGroupId.Value))
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var me = scope.StaffMemberId;
        var readable = cases.Readable;
        var caseWork = cases.CaseWork;
        var confidential = cases.Confidential;
        var caseWorkOrNone = caseWork.Select(id => (int?)id).ToList();
        var withoutCase = scope.WorksWithPupilsOfOwnLocations || scope.WorksAcrossBoard;
        var staff = db.StaffMembers.AsNoTracking();

        var enrolments =
            from e in db.Enrolments.AsNoTracking()
            join i in db.Interventions on e.InterventionId equals i.Id
            where e.PupilId == pupilId && (caseWorkOrNone.Contains(e.ReferralId) || (withoutCase && e.ReferralId == null))
            select new TimelineRow
            {
                Kind = (int)RowKind.Enrolment,
                OwnerId = e.InterventionId,
                RowId = e.Id,
                At = e.RequestedAt,
                At2 = e.AdmittedAt,
                Day = e.StartOn,
                Day2 = e.EndOn,
                Flag = e.ReferralId == null,
                Code = e.Status.ToString(),
                Code2 = null,
                Person = null,
                Text1 = i.Name,
                Text2 = e.Outcome,
            };
        var transitions =
            from t in db.Set<ReferralTransition>().AsNoTracking()
            where readable.Contains(t.ReferralId)
            select new TimelineRow
            {
                Kind = (int)RowKind.Transition,
                OwnerId = t.ReferralId,
                RowId = t.Id,
                At = t.At,
                At2 = null,
                Day = null,
                Day2 = null,
                Flag = null,
                Code = t.To.ToString(),
                Code2 = null,
                Person = staff.Where(s => s.Id == t.ById).Select(s => s.DisplayName).FirstOrDefault(),
                Text1 = null,
                Text2 = null,
            };
        var notes =
            from n in db.ContactNotes.AsNoTracking()
            where readable.Contains(n.ReferralId)
                  && (!n.IsConfidential || confidential.Contains(n.ReferralId))
                  && (caseWork.Contains(n.ReferralId) || n.Agreements != null)
            select new TimelineRow
            {
                Kind = (int)RowKind.Note,
                OwnerId = n.ReferralId,
                RowId = n.Id,
                At = n.CreatedAt,
                At2 = null,
                Day = n.Date,
                Day2 = null,
                Flag = n.IsConfidential,
                Code = n.With.ToString(),
                Code2 = null,
                Person = staff.Where(s => s.Id == n.AuthorId).Select(s => s.DisplayName).FirstOrDefault(),
                // The mentor's view holds only the agreements: the summary is not even read.
                Text1 = caseWork.Contains(n.ReferralId) ? n.Summary : null,
                Text2 = n.Agreements,
            };
        var actionItems =
            from i in db.ActionItems.AsNoTracking()
            where readable.Contains(i.ReferralId) && (caseWork.Contains(i.ReferralId) || i.OwnerId == me)
            select new TimelineRow
            {
                Kind = (int)RowKind.ActionItem,
                OwnerId = i.ReferralId,
                RowId = i.Id,
                At = i.CreatedAt,
                At2 = null,
                Day = null,
                Day2 = i.DueDate,
                Flag = null,
                Code = i.Status.ToString(),
                Code2 = null,
                Person = staff.Where(s => s.Id == i.OwnerId).Select(s => s.DisplayName).FirstOrDefault(),
                Text1 = i.Description,
                Text2 = null,
            };
        var agenda =
            from a in db.Set<AgendaItem>().AsNoTracking()
            join m in db.Meetings on a.MeetingId equals m.Id
            where a.PupilId == pupilId && readable.Contains(a.ReferralId)
            select new TimelineRow
            {
                Kind = (int)RowKind.AgendaItem,
                OwnerId = a.ReferralId,
                RowId = a.Id,
                At = m.StartsAt,
                At2 = null,
                Day = null,
                Day2 = null,
                Flag = null,
                Code = m.Type.ToString(),
                Code2 = null,
                Person = null,
                Text1 = a.Question,
                Text2 = a.Decisions,
            };
        var consents =
            from c in db.PupilConsents.AsNoTracking()
            where c.PupilId == pupilId
            select new TimelineRow
            {
                Kind = (int)RowKind.Consent,
                OwnerId = c.PupilId,
                RowId = c.Id,
                At = c.RecordedAt,
                At2 = null,
                Day = c.GivenOn,
                Day2 = c.WithdrawnOn,
                Flag = null,
                Code = null,
                Code2 = null,
                Person = null,
                Text1 = c.GivenBy,
                Text2 = null,
            };
        // The pupil's incidents through the participants' pupil index, with this pupil's own role only.
        var incidents =
            from i in db.Incidents.AsNoTracking().Where(IncidentAccess.ReadableBy(scope, myPupils))
            join p in db.Set<IncidentParticipant>() on i.Id equals p.IncidentId
            where p.PupilId == pupilId
            select new TimelineRow
            {
                Kind = (int)RowKind.Incident,
                OwnerId = i.Id,
                RowId = i.Id,
                At = i.OccurredAt,
                At2 = null,
                Day = null,
                Day2 = null,
                Flag = null,
                Code = i.Category.ToString(),
                Code2 = p.Role.ToString(),
                Person = null,
                Text1 = i.Place,
                Text2 = null,
            };
        var externals =
            from e in db.ExternalReferrals.AsNoTracking()
            where caseWork.Contains(e.ReferralId)
            select new TimelineRow
            {
                Kind = (int)RowKind.External,
                OwnerId = e.ReferralId,
                RowId = e.Id,
                At = e.CreatedAt,
                At2 = null,
                Day = e.SentOn,
                Day2 = null,
                Flag = null,
                Code = e.Status.ToString(),
                Code2 = null,
                Person = null,
                Text1 = e.AgencyName,
                Text2 = e.Reason,
            };
        var meldcode =
            from t in db.MeldcodeTracks.AsNoTracking().Where(IncidentAccess.MeldcodeTracksOf(scope))
            join e in db.Set<MeldcodeEntry>() on t.Id equals e.TrackId
            where t.PupilId == pupilId
            select new TimelineRow
            {
                Kind = (int)RowKind.Meldcode,
                OwnerId = t.Id,
                RowId = e.Id,
                At = e.RecordedAt,
                At2 = null,
                Day = e.On,
                Day2 = null,
                Flag = null,
                Code = e.Step.ToString(),
                Code2 = null,
                Person = null,
                Text1 = null,
                Text2 = null,
            };

        return await enrolments.Concat(transitions).Concat(notes).Concat(actionItems).Concat(agenda).Concat(consents)
            .Concat(incidents).Concat(externals).Concat(meldcode)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Plan versions, evaluations and the parents' answers of the plans of cases whose plans the user reads.</summary>
    private Task<List<PlanRow>> PlanRowsAsync(List<int> referralIds, CancellationToken cancellationToken)
    {
        var plans = db.CarePlans.AsNoTracking().Where(p => referralIds.Contains(p.ReferralId));
        // Evaluations first: they fill every non-text column with a real value, so both databases type the union from them.
        var evaluations =
            from p in plans
            join e in db.Set<PlanEvaluation>() on p.Id equals e.CarePlanId
            select new PlanRow
            {
                PlanId = p.Id,
                Part = PlanRow.Evaluation,
                RowId = e.Id,
                At = e.RecordedAt,
                Day = e.EvaluatedOn,
                Number = e.VersionNumber,
                Agreed = false,
                IsOpp = p.Kind == PlanKind.Opp,
                Content = p.Content,
                Text = e.Summary,
            };
        var versions =
            from p in plans
            join v in db.Set<PlanVersion>() on p.Id equals v.CarePlanId
            select new PlanRow
            {
                PlanId = p.Id,
                Part = PlanRow.Version,
                RowId = v.Id,
                At = v.SavedAt,
                Day = null,
                Number = v.Number,
                Agreed = false,
                IsOpp = p.Kind == PlanKind.Opp,
                Content = v.Content,
                Text = null,
            };
        var consents =
            from p in plans
            join c in db.Set<PlanConsent>() on p.Id equals c.CarePlanId
            select new PlanRow
            {
                PlanId = p.Id,
                Part = PlanRow.Consent,
                RowId = c.Id,
                At = c.RecordedAt,
                Day = c.On,
                Number = c.VersionNumber,
                Agreed = c.Agreed,
                IsOpp = p.Kind == PlanKind.Opp,
                Content = p.Content,
                Text = c.Remarks,
            };
        return evaluations.Concat(versions).Concat(consents).ToListAsync(cancellationToken);
    }

    private static IEnumerable<TimelineEntry> PlanEntries(List<PlanRow> rows) =>
        rows.OrderBy(r => r.PlanId).ThenBy(r => r.Part).ThenBy(r => r.RowId).Select(r =>
        {
            var kind = r.IsOpp ? "OPP" : "Plan";
            return r.Part switch
            {
                PlanRow.Version => new TimelineEntry(r.At, DateOnly.FromDateTime(r.At.UtcDateTime), TimelineKind.Plan,
                    $"{kind} '{r.Content.Title}' versie {r.Number} opgeslagen", null, PlanLink(r.PlanId), false),
                PlanRow.Evaluation => new TimelineEntry(r.At, r.Day!.Value, TimelineKind.Plan,
                    $"{kind} '{r.Content.Title}' geëvalueerd", r.Text, PlanLink(r.PlanId), false),
                _ => new TimelineEntry(r.At, r.Day!.Value, TimelineKind.Plan,
                    $"Ouders: {(r.Agreed ? "instemming" : "bezwaar")} met het handelingsdeel (versie {r.Number})", r.Text,
                    PlanLink(r.PlanId), false),
            };
        });

    /// <summary>Agenda items and decisions of the pupil's readable cases, and consent given or withdrawn.</summary>
    private static IEnumerable<TimelineEntry> MeetingEntries(int pupilId, ILookup<RowKind, TimelineRow> rows) =>
        rows[RowKind.AgendaItem].OrderBy(r => r.RowId).SelectMany(i =>
            {
                var type = Dutch.MeetingType(Enum.Parse<MeetingType>(i.Code!));
                return new[]
                {
                    new TimelineEntry(i.At, DateOnly.FromDateTime(i.At.UtcDateTime), TimelineKind.Meeting,
                        $"Besproken in {type}", i.Text1 is null ? null : $"Vraag: {i.Text1}", CaseLink(i.OwnerId), false),
                }.Concat(i.Text2 is null ? [] : [new TimelineEntry(i.At.AddMinutes(1), DateOnly.FromDateTime(i.At.UtcDateTime),
                    TimelineKind.Meeting, $"Besluiten {type}", i.Text2, CaseLink(i.OwnerId), false)]);
            })
            .Concat(rows[RowKind.Consent].OrderBy(r => r.RowId).SelectMany(c => new[]
            {
                new TimelineEntry(c.At, c.Day!.Value, TimelineKind.Meeting,
                    $"Toestemming voor bespreking met externen ({c.Text1})", null, PupilLink(pupilId), false),
            }.Concat(c.Day2 is DateOnly w ? [new TimelineEntry(c.At.AddSeconds(1), w, TimelineKind.Meeting,
                "Toestemming voor bespreking met externen ingetrokken", null, PupilLink(pupilId), false)] : [])));

    /// <summary>Incidents with this pupil's own role; external referrals of cases whose work the user sees; meldcode steps.</summary>
    private static IEnumerable<TimelineEntry> IncidentEntries(ILookup<RowKind, TimelineRow> rows) =>
        rows[RowKind.Incident].OrderBy(r => r.RowId).Select(i => new TimelineEntry(i.At, DateOnly.FromDateTime(i.At.UtcDateTime),
                TimelineKind.Incident,
                $"Incident: {Dutch.IncidentCategory(Enum.Parse<IncidentCategory>(i.Code!)).ToLowerInvariant()} – rol van deze leerling: {Dutch.Role(Enum.Parse<IncidentRole>(i.Code2!))}",
                i.Text1, $"/Incidents/Details/{i.OwnerId}", false))
            .Concat(rows[RowKind.External].OrderBy(r => r.RowId).Select(e => new TimelineEntry(e.At, e.Day!.Value, TimelineKind.Incident,
                $"Doorverwezen naar {e.Text1} ({Dutch.ExternalStatus(Enum.Parse<ExternalReferralStatus>(e.Code!)).ToLowerInvariant()})", e.Text2,
                CaseLink(e.OwnerId), false)))
            .Concat(rows[RowKind.Meldcode].OrderBy(r => r.OwnerId).ThenBy(r => r.RowId).Select(e => new TimelineEntry(e.At, e.Day!.Value,
                TimelineKind.Incident, $"Meldcode stap {(int)Enum.Parse<MeldcodeStep>(e.Code!)}", null, $"/Meldcode/Details/{e.OwnerId}", true)));

    /// <summary>
    /// Enrolments in the school's own interventions: those of cases whose work the user sees, and those
    /// made without a case for care staff who may work with the pupil.
    /// </summary>
    private static IEnumerable<TimelineEntry> EnrolmentEntries(IEnumerable<TimelineRow> rows)
    {
        static DateTimeOffset On(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        return rows.OrderBy(r => r.RowId).SelectMany(e =>
        {
            var name = e.Text1!;
            var link = $"/Interventions/Details/{e.OwnerId}";
            var lines = new List<TimelineEntry>
            {
                e.Day is DateOnly start && e.At2 is null
                    ? new TimelineEntry(e.At, DateOnly.FromDateTime(e.At.UtcDateTime), TimelineKind.Intervention,
                        $"Ingeschreven voor {name}", $"Start {Dutch.Date(start)}", link, false)
                    : new TimelineEntry(e.At, DateOnly.FromDateTime(e.At.UtcDateTime), TimelineKind.Intervention,
                        $"Op de wachtlijst voor {name}", null, link, false),
            };
            if (e.At2 is DateTimeOffset admitted && e.Day is DateOnly admittedStart)
            {
                lines.Add(new TimelineEntry(admitted, DateOnly.FromDateTime(admitted.UtcDateTime), TimelineKind.Intervention,
                    $"Van de wachtlijst geplaatst bij {name}", $"Start {Dutch.Date(admittedStart)}", link, false));
            }

            if (e.Day2 is DateOnly end)
            {
                lines.Add(Enum.Parse<EnrolmentStatus>(e.Code!) == EnrolmentStatus.Finished
                    ? new TimelineEntry(On(end), end, TimelineKind.Intervention, $"{name} afgerond", $"Uitkomst: {e.Text2}", link, false)
                    : new TimelineEntry(On(end), end, TimelineKind.Intervention,
                        e.Day is null ? $"Van de wachtlijst voor {name} gehaald" : $"Afgemeld voor {name}", e.Text2, link, false));
            }

            return lines;
        });
    }

    private static string Name(string? displayName) => displayName ?? "–";

    private static string CaseLink(int referralId) => $"/Referrals/Details/{referralId}";

    private static string PlanLink(int planId) => $"/CarePlans/Details/{planId}";

    private static string PupilLink(int pupilId) => $"/Pupils/Details/{pupilId}#consent";

    private static string JoinText(string summary, string? agreements) =>
        agreements is null ? summary : $"{summary}\nAfspraken: {agreements}";

    /// <summary>The cases of the pupil the user reads, and those of them whose case work, confidential notes and plans they read.</summary>
    private sealed record CaseSets(List<int> Readable, List<int> CaseWork, List<int> Confidential, List<int> PlansRead);

    private enum RowKind
    {
        Enrolment,
        Transition,
        Note,
        ActionItem,
        AgendaItem,
        Consent,
        Incident,
        External,
        Meldcode,
    }
}

/// <summary>
/// One entry of the timeline as the database returns it: every kind projected to the same columns, so
/// all kinds come in one UNION ALL. Enum values come as their stored names (Code, Code2).
/// </summary>
internal sealed class TimelineRow
{
    public int Kind { get; set; }

    /// <summary>The case, plan, incident, track, intervention or pupil the entry belongs to.</summary>
    public int OwnerId { get; set; }

    public long RowId { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? At2 { get; set; }

    public DateOnly? Day { get; set; }

    public DateOnly? Day2 { get; set; }

    public bool? Flag { get; set; }

    public string? Code { get; set; }

    public string? Code2 { get; set; }

    /// <summary>The display name of the staff member the entry names (author, owner, who made the step).</summary>
    public string? Person { get; set; }

    public string? Text1 { get; set; }

    public string? Text2 { get; set; }
}

/// <summary>A plan's version, evaluation or parents' answer, projected to the same columns for one UNION ALL.</summary>
internal sealed class PlanRow
{
    public const int Version = 0;
    public const int Evaluation = 1;
    public const int Consent = 2;

    public int PlanId { get; set; }

    public int Part { get; set; }

    public long RowId { get; set; }

    public DateTimeOffset At { get; set; }

    public DateOnly? Day { get; set; }

    public int Number { get; set; }

    public bool Agreed { get; set; }

    public bool IsOpp { get; set; }

    public PlanContent Content { get; set; } = null!;

    public string? Text { get; set; }
}
