using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Data.Seeding;

/// <summary>
/// A year and a bit of history for the dashboard: referrals in every category (triaged and contacted
/// after realistic times, then closed, returned or referred out), meetings of every kind, incidents
/// with a bullying trend and external referrals. Level c carries a dozen open cases, some with overdue
/// items and late OPPs in the south. All for pupils outside the demo mentor's groups and mostly
/// finished, so the work lists the other demo pages show stay as they are.
/// </summary>
internal sealed class DemoReportHistory(PortalDbContext db, DateTimeOffset now)
{
    private static readonly (ReferralCategory Category, int Weight)[] Categories =
    [
        (ReferralCategory.Learning, 25), (ReferralCategory.SocialEmotional, 25), (ReferralCategory.Behaviour, 15),
        (ReferralCategory.Absence, 10), (ReferralCategory.HomeSituation, 10), (ReferralCategory.Bullying, 8),
        (ReferralCategory.Medical, 5), (ReferralCategory.Other, 2),
    ];

    private static readonly (IncidentCategory Category, int Weight)[] IncidentCategories =
    [
        (IncidentCategory.Bullying, 25), (IncidentCategory.Cyberbullying, 10), (IncidentCategory.VerbalViolence, 20),
        (IncidentCategory.PhysicalViolence, 12), (IncidentCategory.Vandalism, 10), (IncidentCategory.Theft, 8),
        (IncidentCategory.Discrimination, 5), (IncidentCategory.SubstanceUse, 4), (IncidentCategory.Other, 6),
    ];

    private static readonly string[] Agencies =
        ["Jeugdzorg Rijnstreek", "Wijkteam Rijnstreek-Noord", "GGD Hollands Midden", "Leerplicht Rijnstreek", "Veilig Thuis Hollands Midden"];

    private static readonly PartnerKind[] AgencyKinds =
        [PartnerKind.Jeugdzorg, PartnerKind.Wijkteam, PartnerKind.Ggd, PartnerKind.Leerplicht, PartnerKind.VeiligThuis];

    private readonly Random _random = new(20261122);

    public async Task AddAsync(Dictionary<string, StaffMember> staff, Location north, Location south, CancellationToken cancellationToken)
    {
        var coordinator = staff[DemoAccounts.Coordinator].Id;
        var workerA = staff[DemoAccounts.CareWorkerA].Id;
        var workerB = staff[DemoAccounts.CareWorkerB].Id;
        var levelC = staff[DemoAccounts.CareWorkerC].Id;
        var demoMentorGroups = staff[DemoAccounts.Mentor].MentorGroupIds.ToHashSet();
        var mentorOf = staff.Values.Where(s => s.Id != staff[DemoAccounts.Mentor].Id)
            .SelectMany(s => s.MentorGroupIds.Select(g => (Group: g, s.Id)))
            .GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.First().Id);

        // Pupils the other demo data leaves alone: not in the demo mentor's groups, past the first few of each location.
        var pupils = await db.Pupils.OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var northPool = pupils.Where(p => p.LocationId == north.Id && p.MentorGroupId is int g && !demoMentorGroups.Contains(g)).Skip(20).ToList();
        var southPool = pupils.Where(p => p.LocationId == south.Id).Skip(10).ToList();
        string Referrer(Pupil pupil) => pupil.MentorGroupId is int g && mentorOf.TryGetValue(g, out var id) ? id : coordinator;

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var current = SchoolYear.Containing(today);
        var first = new SchoolYear(current.StartYear - 1).FirstDay;

        // A school day in this school year (most of the history, so the dashboard's default period is full) or the last.
        DateOnly HistoryDay(int i)
        {
            var (from, until) = i % 5 < 3
                ? (current.FirstDay.AddDays(31), today.AddDays(-4))
                : (first.AddDays(31), new SchoolYear(current.StartYear - 1).LastDay.AddDays(-21));
            return until <= from ? from : from.AddDays(_random.Next(0, until.DayNumber - from.DayNumber));
        }

        // 1. A hundred and twenty referrals over last school year and this one, all finished by now.
        var finished = new List<Referral>();
        for (var i = 0; i < 120; i++)
        {
            var inNorth = i % 3 != 2;
            var pool = inNorth ? northPool : southPool;
            var pupil = pool[(i * 7) % pool.Count];
            var submitted = SchoolMoment(HistoryDay(i));
            var referral = Submitted(pupil, Referrer(pupil), Pick(Categories), submitted);
            var triager = inNorth ? coordinator : levelC;
            var decidedAt = Earlier(submitted.AddMinutes(WaitMinutes(_random.Next(100) < 80 ? 3 * 24 * 60 : 9 * 24 * 60)));
            if (_random.Next(100) < 12)
            {
                referral.ReturnToMentor(triager, "Past binnen de basisondersteuning in de klas; evalueer over zes weken met de leerling.", decidedAt);
                continue;
            }

            var worker = _random.Next(100) < 30 ? levelC : inNorth ? workerA : workerB;
            referral.Triage(triager, worker, _random.Next(100) < 70 ? SupportLevel.Basic : SupportLevel.Extra, decidedAt);
            var contactAt = Earlier(decidedAt.AddMinutes(WaitMinutes(5 * 24 * 60)));
            referral.AddNote(worker, new NoteDetails(DateOnly.FromDateTime(contactAt.UtcDateTime), ContactParties.Pupil,
                "Kennismakingsgesprek over de hulpvraag.", "Afspraken over de begeleiding.", false), contactAt);
            var endAt = Earlier(contactAt.AddDays(_random.Next(14, 100)));
            if (_random.Next(100) < 10)
            {
                referral.ReferOut(worker, Agencies[_random.Next(Agencies.Length)], "Hulp buiten school nodig.", endAt);
            }
            else
            {
                referral.Close(worker, Pick([(CaseOutcome.GoalsReached, 5), (CaseOutcome.PartlyReached, 3), (CaseOutcome.NoLongerNeeded, 1)]),
                    "Begeleiding afgerond; afspraken overgedragen aan de mentor.", endAt);
            }

            finished.Add(referral);
        }

        // 2. Twenty-one open cases for level c at both locations and on both support levels; six in the south have an
        //    overdue item, five of those an OPP late to be set; four in the north an item due in two weeks. No flags and recent contact, so no meeting suggests them.
        var open = new List<Referral>();
        for (var i = 0; i < 21; i++)
        {
            var inNorth = i is < 6 or (>= 12 and < 16);
            var level = i is < 6 or >= 16 ? SupportLevel.Basic : SupportLevel.Extra;
            var pupil = (inNorth ? northPool : southPool)[^(i + 1)];
            var submitted = SchoolMoment(today.AddDays(-60 + (i % 12 * 3)));
            var referral = Submitted(pupil, Referrer(pupil), Pick(Categories), submitted);
            referral.Triage(inNorth ? coordinator : levelC, levelC, level, submitted.AddDays(2));
            if (i is >= 6 and < 12)
            {
                var planned = submitted.AddDays(3);
                referral.AddActionItem(levelC, levelC, "Terugkoppeling aan ouders en mentor", DateOnly.FromDateTime(planned.UtcDateTime).AddDays(20), planned);
            }
            else if (i < 4)
            {
                referral.AddActionItem(levelC, levelC, "Evaluatiegesprek met ouders plannen", today.AddDays(14), submitted.AddDays(3));
            }

            var contact = now.AddDays(-1 - (i % 14));
            referral.AddNote(levelC, new NoteDetails(DateOnly.FromDateTime(contact.UtcDateTime), ContactParties.Pupil,
                "Wekelijks gesprek over hoe het gaat.", "Volgende week verder.", false), contact);
            open.Add(referral);
        }

        await db.SaveChangesAsync(cancellationToken);

        var southOpen = open.Skip(6).Take(6).ToList();
        for (var i = 0; i < 5; i++)
        {
            var plan = CarePlan.Start(southOpen[i].Id, southOpen[i].PupilId, levelC, new PlanContent("Ontwikkelingsperspectief", today.AddDays(-50),
                today.AddDays(40), [new PlanGoal(Guid.NewGuid(), "Volgt het rooster van de eigen klas", today.AddDays(40))],
                [new PlanMeasure(Guid.NewGuid(), "Vaste begeleider in de pauze", "Medewerker leerlingzorg", levelC, "dagelijks", "dit schooljaar", false)], null),
                now.AddDays(-50));
            plan.MakeOpp(today.AddDays(-50 - i), new OppParts("vmbo basis", "Past bij resultaten en werktempo.", "Gemotiveerd",
                "Concentratie", "Begeleiding door de medewerker leerlingzorg, een uur per week."), levelC, now.AddDays(-50));
            db.CarePlans.Add(plan);
        }

        // 3. Meetings held at both locations, of every kind, from last school year until last week.
        (MeetingType Type, int EveryDays)[] rhythm =
            [(MeetingType.InternalCareMeeting, 7), (MeetingType.Zat, 28), (MeetingType.Mdo, 28), (MeetingType.PupilDiscussion, 42), (MeetingType.ParentMeeting, 14)];
        foreach (var location in new[] { north, south })
        {
            var chair = location == north ? coordinator : workerB;
            foreach (var (type, every) in rhythm)
            {
                for (var day = first.AddDays(30 + _random.Next(0, 10)); day < today.AddDays(-7); day = day.AddDays(every + _random.Next(-3, 4)))
                {
                    if (day.Month is 7 or 8 || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        continue;
                    }

                    var starts = new DateTimeOffset(day.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
                    var meeting = Meeting.Plan(location.Id, type, starts, chair, null, [levelC], [], starts.AddDays(-14))[0];
                    meeting.Close(starts.AddHours(2));
                    db.Meetings.Add(meeting);
                }
            }
        }

        // 4. Incidents: a few a week, more bullying in the autumn of each year.
        var reporters = northPool.Concat(southPool).Select(Referrer).Distinct().ToList();
        for (var i = 0; i < 150; i++)
        {
            var day = HistoryDay(i);

            var category = day.Month is 9 or 10 or 11 && _random.Next(100) < 30 ? IncidentCategory.Bullying : Pick(IncidentCategories);
            var inNorth = i % 3 != 2;
            var pool = inNorth ? northPool : southPool;
            var victim = pool[_random.Next(pool.Count)];
            var other = pool[_random.Next(pool.Count)];
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10 + _random.Next(0, 5), 15)), TimeSpan.Zero);
            (int, IncidentRole)[] involved = other.Id == victim.Id
                ? [(victim.Id, IncidentRole.Involved)]
                : [(victim.Id, IncidentRole.Victim), (other.Id, IncidentRole.Perpetrator)];
            db.Incidents.Add(Incident.Report(inNorth ? north.Id : south.Id,
                new IncidentDetails(at, _random.Next(2) == 0 ? "Schoolplein" : "Gang bij de aula", category, IncidentSeverity.Medium,
                    "Voorval tijdens de pauze; betrokkenen gesproken.", "Gesprek met de betrokken leerlingen.", true, false),
                involved, reporters[_random.Next(reporters.Count)], at.AddHours(2)));
        }

        // 5. External referrals from finished cases, most with feedback by now.
        foreach (var referral in finished.Where((_, i) => i % 2 == 0))
        {
            var agency = _random.Next(Agencies.Length);
            var sent = DateOnly.FromDateTime(referral.TriagedAt!.Value.UtcDateTime).AddDays(_random.Next(7, 21));
            if (sent >= today)
            {
                continue;
            }

            var external = new ExternalReferral(referral.Id, referral.PupilId, AgencyKinds[agency], Agencies[agency], sent,
                "Specialistische hulp naast de begeleiding op school.", "Hulpvraag en verloop op school.", "Ouders", sent.AddDays(42),
                referral.AssignedCareWorkerId!, new DateTimeOffset(sent.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            var answered = sent.AddDays(_random.Next(14, 70));
            if (answered < today && _random.Next(100) < 75)
            {
                external.Update(ExternalReferralStatus.InCare, sent.AddDays(42), answered, "Intake gehad; hulp is gestart.",
                    new DateTimeOffset(answered.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero));
            }

            db.ExternalReferrals.Add(external);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private Referral Submitted(Pupil pupil, string by, ReferralCategory category, DateTimeOffset at)
    {
        var referral = Referral.Draft(pupil, by, Guid.NewGuid(),
            new ReferralDetails(category, _random.Next(100) < 15 ? Urgency.High : Urgency.Normal, "Zorgen over het welbevinden en de resultaten.",
                "Gesprek met de leerling en de ouders.", true, DateOnly.FromDateTime(at.UtcDateTime)), at);
        referral.Submit(by, at);
        db.Referrals.Add(referral);
        return referral;
    }

    /// <summary>A waiting time in minutes, mostly short with a long tail, up to about <paramref name="longest"/>.</summary>
    private int WaitMinutes(int longest)
    {
        var fraction = _random.NextDouble();
        return 30 + (int)(longest * fraction * fraction * fraction);
    }

    /// <summary>A moment during a school day on <paramref name="day"/>, moved off the weekend.</summary>
    private DateTimeOffset SchoolMoment(DateOnly day)
    {
        var weekday = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(-1),
            DayOfWeek.Sunday => day.AddDays(-2),
            _ => day,
        };
        return new DateTimeOffset(weekday.ToDateTime(new TimeOnly(8 + _random.Next(0, 8), _random.Next(0, 60))), TimeSpan.Zero);
    }

    /// <summary>Not later than an hour ago: history stays in the past.</summary>
    private DateTimeOffset Earlier(DateTimeOffset moment) => moment < now.AddHours(-1) ? moment : now.AddHours(-1);

    private T Pick<T>((T Value, int Weight)[] options)
    {
        var roll = _random.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return options[^1].Value;
    }
}
