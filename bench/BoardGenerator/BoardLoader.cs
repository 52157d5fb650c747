using Bogus;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Domain.Plans;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BoardGenerator;

/// <summary>
/// Builds a board through the domain's own constructors and methods (so every rule holds) and saves it in
/// batches: a fresh context per batch, change detection off, existing rows (locations, groups, pupils)
/// attached as unchanged. Always the same board for the same seed and size; only "now" moves.
/// </summary>
internal sealed class BoardLoader(IServiceScopeFactory scopes, BoardSizes sizes, int seed, DateTimeOffset now)
{
    private const int Batch = 1_000;
    private const string Domain = "bench.school.example";
    private readonly Random _random = new(seed);
    private readonly Faker _faker = new("nl") { Random = new Randomizer(seed) };
    private readonly List<Staff> _staff = [];
    private readonly Dictionary<int, string> _mentorOfGroup = [];
    private List<Location> _locations = [];
    private List<MentorGroup> _groups = [];
    private List<Pupil> _pupils = [];
    private readonly List<CaseRef> _cases = [];
    private readonly Dictionary<string, string> _facts = [];

    public GeneratedCounts Counts { get; } = new();

    private DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public async Task<IReadOnlyDictionary<string, string>> LoadAsync()
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (await db.Boards.AnyAsync())
            {
                throw new InvalidOperationException("The database already holds a board; generate into an empty database.");
            }
        }

        await AddOrganisationAsync();
        await AddStaffAsync();
        await AddPupilsAsync();
        await AddWorstCasePupilAsync();
        await AddReferralsAsync();
        await AddIncidentsAsync();
        await AddMeetingsAsync();
        await AddCarePlansAsync();
        _facts["PASSWORD"] = BoardSizes.Password;
        _facts["SEARCH"] = _pupils[1].Name.LastName.Split(' ')[^1];
        _facts["CASE"] = _cases.First(c => c.Open && c.WorkerId == _facts["CAREWORKER_ID"] && c.PupilId != _pupils[0].Id).Id
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        return _facts;
    }

    private async Task AddOrganisationAsync()
    {
        var board = new Board("Stichting Benchmark Onderwijs");
        var schoolYear = SchoolYear.Containing(Today);
        var locations = Enumerable.Range(1, BoardSizes.Locations)
            .Select(i => board.AddLocation($"Benchmark College, locatie {i}", $"BC-{i}")).ToList();
        for (var i = 0; i < sizes.MentorGroups; i++)
        {
            var perLocation = i / BoardSizes.Locations;
            locations[i % BoardSizes.Locations].AddMentorGroup($"{1 + (perLocation % 6)}-{(perLocation / 6) + 1}", schoolYear);
        }

        await SaveAsync(db => db.Boards.Add(board));
        await using var scope = scopes.CreateAsyncScope();
        var read = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        _locations = await read.Locations.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        _groups = await read.MentorGroups.AsNoTracking().OrderBy(g => g.Id).ToListAsync();
        Counts.MentorGroups = _groups.Count;
    }

    private async Task AddStaffAsync()
    {
        // PBKDF2 at 210,000 iterations takes a while: one hash, shared by every generated account.
        var hasher = new PasswordHasher<PortalUser>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));
        var hash = hasher.HashPassword(new PortalUser(), BoardSizes.Password);

        (StaffRole Role, string Prefix, int PerLocation)[] team =
        [
            (StaffRole.Coordinator, "coordinator", 2),
            (StaffRole.CareWorkerA, "zorg-a", 4),
            (StaffRole.CareWorkerB, "zorg-b", 3),
            (StaffRole.CareWorkerC, "zorg-c", 2),
            (StaffRole.SchoolLeader, "schoolleiding", 1),
        ];
        foreach (var location in _locations)
        {
            var index = _locations.IndexOf(location) + 1;
            foreach (var (role, prefix, count) in team)
            {
                for (var n = 1; n <= count; n++)
                {
                    _staff.Add(new Staff($"{prefix}-{index}-{n}@{Domain}", role, [location.Id], []));
                }
            }
        }

        _staff.Add(new Staff($"schoolleiding-bestuur@{Domain}", StaffRole.SchoolLeader, _locations.Select(l => l.Id).ToList(), []));
        _staff.Add(new Staff($"beheer@{Domain}", StaffRole.Admin, [], []));
        var mentors = Math.Max(BoardSizes.Locations * 4, sizes.Staff - _staff.Count);
        var mentorsPerLocation = mentors / BoardSizes.Locations;
        foreach (var location in _locations)
        {
            var index = _locations.IndexOf(location) + 1;
            var groups = _groups.Where(g => g.LocationId == location.Id).ToList();
            for (var n = 0; n < mentorsPerLocation; n++)
            {
                var mine = groups.Where((_, i) => i % mentorsPerLocation == n).ToList();
                var email = $"mentor-{index}-{n + 1}@{Domain}";
                _staff.Add(new Staff(email, StaffRole.Mentor, [location.Id], mine));
            }
        }

        await SaveAsync(db =>
        {
            foreach (var person in _staff)
            {
                var user = new PortalUser
                {
                    UserName = person.Email,
                    NormalizedUserName = person.Email.ToUpperInvariant(),
                    Email = person.Email,
                    NormalizedEmail = person.Email.ToUpperInvariant(),
                    EmailConfirmed = true,
                    LockoutEnabled = true,
                    PasswordHash = hash,
                    SecurityStamp = NextGuid().ToString("N").ToUpperInvariant(),
                    ConcurrencyStamp = NextGuid().ToString(),
                };
                person.Id = user.Id = NextGuid().ToString();
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = $"role-{person.Role.ToString().ToLowerInvariant()}" });
                var member = new StaffMember(user.Id, _faker.Name.FullName(), person.Email);
                member.AssignWorkplaces(person.Locations, person.Groups);
                db.StaffMembers.Add(member);
                foreach (var group in person.Groups)
                {
                    _mentorOfGroup[group.Id] = user.Id;
                }
            }
        });
        Counts.Staff = _staff.Count;
        var first = _locations[0].Id;
        _facts["COORDINATOR"] = StaffAt(first, StaffRole.Coordinator)[0].Email;
        var worker = StaffAt(first, StaffRole.CareWorkerA)[0];
        _facts["CAREWORKER"] = worker.Email;
        _facts["CAREWORKER_ID"] = worker.Id;
        _facts["MENTOR"] = StaffAt(first, StaffRole.Mentor)[0].Email;
        _facts["LEADER"] = $"schoolleiding-bestuur@{Domain}";
    }

    private async Task AddPupilsAsync()
    {
        var byLocation = _groups.GroupBy(g => g.LocationId).ToDictionary(g => g.Key, g => g.ToList());
        string[] prefixes = ["van", "de", "van der", "van den", "ter", "van de"];
        for (var done = 0; done < sizes.Pupils; done += Batch)
        {
            var batch = new List<Pupil>();
            for (var i = done; i < Math.Min(sizes.Pupils, done + Batch); i++)
            {
                var location = _locations[i % BoardSizes.Locations];
                var groups = byLocation[location.Id];
                var group = groups[i / BoardSizes.Locations % groups.Count];
                var year = group.Name[0] - '0';
                var prefix = _faker.Random.Bool(0.25f) ? _faker.PickRandom(prefixes) : null;
                var lastName = _faker.Name.LastName();
                var name = new PersonName(_faker.Name.FirstName(), prefix, lastName);
                var pupil = new Pupil($"{300000 + i}", name, Today.AddYears(-(11 + year)).AddDays(-_faker.Random.Int(0, 364)), location);
                pupil.PlaceInMentorGroup(group);
                pupil.AddGuardian($"{_faker.Name.FirstName()} {(prefix is null ? lastName : $"{prefix} {lastName}")}",
                    _faker.PickRandom(GuardianRelationship.Mother, GuardianRelationship.Father), $"06-{_faker.Random.Number(10000000, 99999999)}",
                    _faker.Internet.Email(name.FirstName, lastName, "ouders.example"), hasParentalAuthority: true);
                Counts.Guardians++;
                if (_faker.Random.Bool(0.6f))
                {
                    pupil.AddGuardian($"{_faker.Name.FirstName()} {_faker.Name.LastName()}", GuardianRelationship.Parent,
                        $"06-{_faker.Random.Number(10000000, 99999999)}", null, hasParentalAuthority: true);
                    Counts.Guardians++;
                }

                batch.Add(pupil);
            }

            await SaveAsync(db => db.Pupils.AddRange(batch), existing: true);
            Counts.Pupils += batch.Count;
        }

        await using var scope = scopes.CreateAsyncScope();
        var read = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        _pupils = await read.Pupils.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    /// <summary>
    /// The worst case for the timeline: one pupil (mentored by the benchmark mentor, cared for by the benchmark
    /// care worker) with three cases full of notes and action items and a stack of incidents: 300 entries.
    /// </summary>
    private async Task AddWorstCasePupilAsync()
    {
        var pupil = _pupils[0];
        var worker = _facts["CAREWORKER_ID"];
        var coordinator = StaffAt(pupil.LocationId, StaffRole.Coordinator)[0].Id;
        var mentor = _mentorOfGroup[pupil.MentorGroupId!.Value];
        var referrals = new List<Referral>();
        for (var r = 0; r < 3; r++)
        {
            var submitted = now.AddDays(-400 + (r * 120));
            var referral = Referral.Draft(pupil, mentor, NextGuid(), Details(submitted), submitted.AddHours(-1));
            referral.Submit(mentor, submitted);
            referral.Triage(coordinator, worker, SupportLevel.Extra, submitted.AddDays(2));
            var notes = r == 0 ? 59 : 58;
            var moment = submitted.AddDays(3);
            for (var n = 0; n < notes; n++)
            {
                moment = moment.AddHours(30);
                referral.AddNote(worker, new NoteDetails(DateOnly.FromDateTime(moment.UtcDateTime), ContactParties.Pupil | ContactParties.Parents,
                    "Gesprek (gegenereerd)", "Afspraken (gegenereerd)", false), moment);
                if (n % 2 == 0)
                {
                    referral.AddActionItem(worker, worker, "Actiepunt (gegenereerd)", DateOnly.FromDateTime(moment.UtcDateTime).AddDays(14), moment);
                }
            }

            if (r == 0)
            {
                referral.Close(worker, CaseOutcome.PartlyReached, "Afgesloten (gegenereerd)", moment.AddDays(1));
            }

            referrals.Add(referral);
        }

        await SaveAsync(db => db.Referrals.AddRange(referrals), existing: true);
        foreach (var referral in referrals)
        {
            _cases.Add(new CaseRef(referral.Id, pupil.Id, pupil.LocationId, worker, referral.IsOpenCase, referral.TriagedAt!.Value));
            Counted(referral);
        }

        // 13 status steps + 175 notes + 88 action items + 1 plan version + 23 incidents = 300 timeline entries.
        var incidents = Enumerable.Range(0, 23).Select(i =>
        {
            var at = now.AddDays(-5 - (i * 15));
            return Incident.Report(pupil.LocationId, new IncidentDetails(at, "Aula", IncidentCategory.Bullying, IncidentSeverity.Medium,
                "Voorval (gegenereerd)", null, false, false), [(pupil.Id, i % 2 == 0 ? IncidentRole.Victim : IncidentRole.Involved)], mentor, at.AddHours(1));
        }).ToList();
        await SaveAsync(db => db.Incidents.AddRange(incidents));
        Counts.Incidents += incidents.Count;
        Counts.IncidentPupils += incidents.Count;
        _facts["TIMELINE_PUPIL"] = pupil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task AddReferralsAsync()
    {
        var remaining = sizes.Referrals - 3;
        var notesPerCase = (double)sizes.Notes / (remaining * 0.78);
        for (var done = 0; done < remaining; done += Batch)
        {
            var batch = new List<Referral>();
            for (var i = done; i < Math.Min(remaining, done + Batch); i++)
            {
                batch.Add(NewReferral(_pupils[1 + _random.Next(_pupils.Count - 1)], notesPerCase));
            }

            await SaveAsync(db => db.Referrals.AddRange(batch), existing: true, audit: batch.SelectMany(AuditFor).ToList);
            foreach (var referral in batch.Where(r => r.TriagedAt is not null))
            {
                _cases.Add(new CaseRef(referral.Id, referral.PupilId, referral.LocationId, referral.AssignedCareWorkerId!, referral.IsOpenCase,
                    referral.TriagedAt!.Value));
            }

            batch.ForEach(Counted);
        }
    }

    private Referral NewReferral(Pupil pupil, double notesPerCase)
    {
        var mentor = _mentorOfGroup[pupil.MentorGroupId!.Value];
        var coordinator = Pick(StaffAt(pupil.LocationId, StaffRole.Coordinator)).Id;
        var worker = Pick(StaffAt(pupil.LocationId, _random.Next(3) switch
        {
            0 => StaffRole.CareWorkerB,
            _ => StaffRole.CareWorkerA,
        })).Id;
        var submitted = now.AddMinutes(-_random.Next(60 * 24, 60 * 24 * 470));
        var referral = Referral.Draft(pupil, mentor, NextGuid(), Details(submitted), submitted.AddHours(-1));
        var roll = _random.Next(100);
        if (roll < 4)
        {
            return referral;
        }

        referral.Submit(mentor, submitted);
        if (roll < 12)
        {
            return referral;
        }

        var triaged = Earliest(submitted.AddMinutes(_random.Next(30, 60 * 24 * 12)));
        if (roll < 17)
        {
            referral.ReturnToMentor(coordinator, "Advies aan de mentor (gegenereerd)", triaged);
            return referral;
        }

        referral.Triage(coordinator, worker, _random.Next(4) == 0 ? SupportLevel.Extra : SupportLevel.Basic, triaged);
        if (roll < 22)
        {
            return referral;
        }

        var notes = Math.Max(1, (int)Math.Round(notesPerCase * (0.5 + _random.NextDouble())));
        var span = Math.Max(60.0, Math.Min((now - triaged).TotalMinutes - 60, 60 * 24 * 200));
        var moment = triaged;
        for (var n = 0; n < notes; n++)
        {
            moment = Earliest(moment.AddMinutes(span / (notes + 1)));
            var note = referral.AddNote(worker, new NoteDetails(DateOnly.FromDateTime(moment.UtcDateTime), ContactParties.Pupil,
                "Gesprek (gegenereerd)", "Afspraken (gegenereerd)", _random.Next(20) == 0), moment);
            if (_random.Next(100) < 50)
            {
                var item = referral.AddActionItem(worker, _random.Next(5) == 0 ? mentor : worker, "Actiepunt (gegenereerd)",
                    DateOnly.FromDateTime(moment.UtcDateTime).AddDays(_random.Next(3, 30)), moment, note);
                if (_random.Next(2) == 0)
                {
                    item.MarkDone(moment);
                }
            }
        }

        if (roll < 60)
        {
            return referral;
        }

        var end = Earliest(moment.AddDays(1));
        if (roll < 94)
        {
            referral.Close(worker, Pick(Enum.GetValues<CaseOutcome>()), "Doelen besproken (gegenereerd)", end);
        }
        else
        {
            referral.ReferOut(worker, "Wijkteam", "Specialistische hulp nodig (gegenereerd)", end);
        }

        return referral;
    }

    private async Task AddIncidentsAsync()
    {
        var byLocation = _pupils.Skip(1).GroupBy(p => p.LocationId).ToDictionary(g => g.Key, g => g.ToList());
        var count = sizes.Incidents - Counts.Incidents;
        var categories = Enum.GetValues<IncidentCategory>().Where(c => c != IncidentCategory.Other).ToArray();
        for (var done = 0; done < count; done += Batch)
        {
            var batch = new List<Incident>();
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var location = Pick(_locations).Id;
                var pupils = byLocation[location];
                var involvedCount = _random.Next(4) switch { 0 => 1, 1 => 2, _ => 3 };
                var involved = Enumerable.Range(0, involvedCount).Select(_ => Pick(pupils).Id).Distinct()
                    .Select((id, index) => (id, index == 0 ? IncidentRole.Victim : IncidentRole.Perpetrator)).ToList();
                var occurred = now.AddMinutes(-_random.Next(60 * 2, 60 * 24 * 470));
                batch.Add(Incident.Report(location, new IncidentDetails(occurred, "Schoolplein", Pick(categories), Pick(Enum.GetValues<IncidentSeverity>()),
                    "Voorval (gegenereerd)", null, false, false), involved, Pick(StaffAt(location, StaffRole.Mentor)).Id, occurred.AddHours(1)));
                Counts.IncidentPupils += involved.Count;
            }

            await SaveAsync(db => db.Incidents.AddRange(batch), audit: () => batch.Select(i =>
                new AuditEntry(i.ReportedAt, i.ReportedById, AuditAction.Create, "Incident", Id(i.Id), i.Involved.First().PupilId)).ToList());
            Counts.Incidents += batch.Count;
        }
    }

    private async Task AddMeetingsAsync()
    {
        var casesByLocation = _cases.Where(c => c.PupilId != _pupils[0].Id).GroupBy(c => c.LocationId).ToDictionary(g => g.Key, g => g.ToList());
        var meetings = new List<Meeting>();
        for (var i = 0; i < sizes.Meetings; i++)
        {
            var location = _locations[i % BoardSizes.Locations].Id;
            var future = i % 7 == 0;
            var starts = future
                ? now.AddDays(1 + _random.Next(60)).Date.AddHours(13 + _random.Next(3))
                : now.AddDays(-2 - _random.Next(470)).Date.AddHours(9 + _random.Next(6));
            var startsAt = new DateTimeOffset(starts, TimeSpan.Zero);
            var chair = Pick(StaffAt(location, StaffRole.Coordinator)).Id;
            var minuteTaker = Pick(StaffAt(location, StaffRole.CareWorkerA)).Id;
            var meeting = Meeting.Plan(location, _random.Next(2) == 0 ? MeetingType.InternalCareMeeting : MeetingType.PupilDiscussion, startsAt,
                chair, minuteTaker, [Pick(StaffAt(location, StaffRole.CareWorkerB)).Id], [], (future ? now : startsAt).AddDays(-14))[0];
            var candidates = casesByLocation[location].Where(c => c.TriagedAt < startsAt).ToList();
            var items = new List<AgendaItem>();
            foreach (var item in Enumerable.Range(0, candidates.Count == 0 ? 0 : 6).Select(_ => Pick(candidates)).DistinctBy(c => c.PupilId).Take(5))
            {
                items.Add(meeting.AddToAgenda(item.Id, item.PupilId, "Wat is de volgende stap? (gegenereerd)", item.WorkerId, ConsentCheck.NotNeeded));
            }

            if (!future)
            {
                foreach (var item in items)
                {
                    meeting.RecordMinutes(item, "Besproken (gegenereerd)", "Besluit (gegenereerd)");
                }

                meeting.Close(startsAt.AddHours(2));
            }

            Counts.AgendaItems += items.Count;
            meetings.Add(meeting);
        }

        for (var done = 0; done < meetings.Count; done += Batch / 4)
        {
            var batch = meetings.Skip(done).Take(Batch / 4).ToList();
            await SaveAsync(db => db.Meetings.AddRange(batch), audit: () => batch.Select(m =>
                new AuditEntry(m.StartsAt.AddDays(-14), m.ChairId, AuditAction.Create, "Meeting", Id(m.Id), null)).ToList());
        }

        Counts.Meetings = meetings.Count;
        _facts["MEETING"] = Id(meetings.First(m => m.LocationId == _locations[0].Id && m.Status == MeetingStatus.Planned && m.Agenda.Count > 0).Id);
    }

    private async Task AddCarePlansAsync()
    {
        var withWork = _cases.Where(c => c.TriagedAt < now.AddDays(-7)).ToList();
        var chosen = withWork.Take(1).Concat(withWork.Skip(3).OrderBy(_ => _random.Next()).Take(sizes.CarePlans - 1)).ToList();
        for (var done = 0; done < chosen.Count; done += Batch)
        {
            var batch = chosen.Skip(done).Take(Batch).Select(c =>
            {
                var at = c.TriagedAt.AddDays(3) < now ? c.TriagedAt.AddDays(3) : now;
                var start = DateOnly.FromDateTime(at.UtcDateTime);
                var content = new PlanContent("Ondersteuningsplan (gegenereerd)", start, start.AddMonths(3),
                    [new PlanGoal(NextGuid(), "Doel (gegenereerd)", start.AddMonths(2)), new PlanGoal(NextGuid(), "Tweede doel (gegenereerd)", start.AddMonths(3))],
                    [new PlanMeasure(NextGuid(), "Wekelijks gesprek", "Medewerker leerlingzorg", c.WorkerId, "wekelijks", "dit schooljaar", false)], null);
                var plan = CarePlan.Start(c.Id, c.PupilId, c.WorkerId, content, at);
                if (_random.Next(2) == 0)
                {
                    plan.Activate(c.WorkerId, at);
                }

                return plan;
            }).ToList();
            await SaveAsync(db => db.CarePlans.AddRange(batch), audit: () => batch.Select(p =>
                new AuditEntry(now, p.ResponsibleId, AuditAction.Create, "CarePlan", Id(p.Id), p.PupilId)).ToList());
            Counts.CarePlans += batch.Count;
        }
    }

    /// <summary>Creating the referral, each note and action item, and one read of the case by its care worker.</summary>
    private IEnumerable<AuditEntry> AuditFor(Referral referral)
    {
        yield return new AuditEntry(referral.CreatedAt, referral.ReferredById, AuditAction.Create, "Referral", Id(referral.Id), referral.PupilId);
        if (referral.AssignedCareWorkerId is { } worker)
        {
            yield return new AuditEntry(referral.TriagedAt!.Value, worker, AuditAction.Read, "Referral", Id(referral.Id), referral.PupilId);
        }

        foreach (var note in referral.Notes)
        {
            yield return new AuditEntry(note.CreatedAt, note.AuthorId, AuditAction.Create, "ContactNote", Id(note.Id), referral.PupilId);
        }

        foreach (var item in referral.ActionItems)
        {
            yield return new AuditEntry(item.CreatedAt, item.CreatedById, AuditAction.Create, "ActionItem", Id(item.Id), referral.PupilId);
        }
    }

    private void Counted(Referral referral)
    {
        Counts.Referrals++;
        Counts.Notes += referral.Notes.Count;
        Counts.ActionItems += referral.ActionItems.Count;
    }

    private ReferralDetails Details(DateTimeOffset submitted) =>
        new(Pick(Enum.GetValues<ReferralCategory>()), Pick(Enum.GetValues<Urgency>()), "Hulpvraag (gegenereerd)", "Gesprekken met de leerling",
            true, DateOnly.FromDateTime(submitted.AddHours(-1).UtcDateTime));

    private List<Staff> StaffAt(int locationId, StaffRole role) =>
        _staff.Where(s => s.Role == role && s.Locations.Count == 1 && s.Locations.Contains(locationId)).ToList();

    private DateTimeOffset Earliest(DateTimeOffset moment) => moment < now ? moment : now;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Id<T>(T id) where T : IFormattable => id.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One batch in a fresh context with change detection off. With <paramref name="existing"/>, the locations,
    /// mentor groups and pupils the new rows point at are marked as already stored. The audit rows are made
    /// after the save, when the new rows have their ids.
    /// </summary>
    private async Task SaveAsync(Action<PortalDbContext> add, bool existing = false, Func<List<AuditEntry>>? audit = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        add(db);
        if (existing)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Location or MentorGroup or Pupil && e.State == EntityState.Added
                                                                     && e.Entity is not Pupil { Id: 0 }))
            {
                entry.State = EntityState.Unchanged;
            }
        }

        await db.SaveChangesAsync();
        if (audit is not null)
        {
            db.ChangeTracker.Clear();
            var entries = audit();
            db.AuditEntries.AddRange(entries);
            await db.SaveChangesAsync();
            Counts.AuditEntries += entries.Count;
        }
    }

    private sealed record Staff(string Email, StaffRole Role, IReadOnlyCollection<int> Locations, IReadOnlyCollection<MentorGroup> Groups)
    {
        public string Id { get; set; } = string.Empty;
    }

    private sealed record CaseRef(int Id, int PupilId, int LocationId, string WorkerId, bool Open, DateTimeOffset TriagedAt);
}
