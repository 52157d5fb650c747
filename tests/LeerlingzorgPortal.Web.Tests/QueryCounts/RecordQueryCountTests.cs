using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Incidents;
using LeerlingzorgPortal.Domain.Meetings;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.QueryCounts;

/// <summary>
/// The pages of one record send a fixed number of SQL commands whatever the record holds: a record
/// with a little and one with much more (notes, action items, timeline entries, agenda items, pupils
/// involved) cost the same, audit line included.
/// </summary>
public abstract class RecordQueryCountTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const int Many = 25;

    /// <summary>The most pupils one incident may involve.</summary>
    private const int MostInvolved = 20;

    [Theory]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.MentorA)]
    public async Task The_case_page_issues_a_fixed_number_of_queries_whatever_the_number_of_notes_and_action_items(string account)
    {
        var few = await CaseWithAsync(2);
        var many = await CaseWithAsync(Many);

        await AssertFixedAsync("Case page", account, $"/Referrals/Details/{few}", $"/Referrals/Details/{many}");
    }

    [Theory]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    public async Task The_pupil_page_issues_a_fixed_number_of_queries_whatever_the_size_of_the_dossier(string account)
    {
        var (few, many) = await Fixture.OnceAsync("dossiers", DossiersAsync);

        await AssertFixedAsync("Pupil page", account, $"/Pupils/Details/{few}", $"/Pupils/Details/{many}");
    }

    [Theory]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    public async Task The_timeline_issues_a_fixed_number_of_queries_whatever_the_number_of_entries(string account)
    {
        var (few, many) = await Fixture.OnceAsync("dossiers", DossiersAsync);

        await AssertFixedAsync("Timeline", account, $"/Pupils/Timeline/{few}", $"/Pupils/Timeline/{many}");
    }

    [Theory]
    [InlineData("Agenda")]
    [InlineData("Details")]
    [InlineData("Minutes")]
    public async Task The_meeting_pages_issue_a_fixed_number_of_queries_whatever_the_number_of_agenda_items(string page)
    {
        var (few, many) = await Fixture.OnceAsync("meetings", MeetingsAsync);

        await AssertFixedAsync($"Meeting {page}", TestOrganisation.CoordinatorNorth, $"/Meetings/{page}/{few}", $"/Meetings/{page}/{many}");
    }

    [Theory]
    [InlineData("Agenda")]
    [InlineData("Details")]
    [InlineData("Minutes")]
    public async Task The_pages_of_a_meeting_with_external_partners_issue_a_fixed_number_of_queries_whatever_the_number_of_agenda_items(string page)
    {
        var (few, many) = await Fixture.OnceAsync("zat meetings", ZatMeetingsAsync);

        await AssertFixedAsync($"Meeting {page}", TestOrganisation.CoordinatorNorth, $"/Meetings/{page}/{few}", $"/Meetings/{page}/{many}");
    }

    [Fact]
    public async Task The_incident_page_issues_a_fixed_number_of_queries_whatever_the_number_of_pupils_involved()
    {
        var (few, many) = await Fixture.OnceAsync("incidents", IncidentsAsync);

        var (fewCount, manyCount) = await MeasureAsync(TestOrganisation.CoordinatorNorth, $"/Incidents/Details/{few}", $"/Incidents/Details/{many}");

        // Reading an incident writes one audit line per pupil involved, so each pupil's inzage shows the read.
        // PostgreSQL sends them in one batched command; EF Core's SQLite provider sends one INSERT per row
        // (in-process, no network round trip), so there the extra pupils' lines are taken off.
        var extraAuditInserts = Fixture.Database.Provider == DatabaseProvider.Sqlite ? MostInvolved - 2 : 0;
        QueryBudget.AssertFixed("Incident page", fewCount, manyCount - extraAuditInserts);
    }

    [Fact]
    public async Task The_care_plan_page_issues_a_fixed_number_of_queries_whatever_the_size_of_the_dossier()
    {
        var (few, many) = await Fixture.OnceAsync("dossiers", DossiersAsync);
        var plans = await Fixture.QueryAsync(db => db.CarePlans.Where(p => p.PupilId == few || p.PupilId == many)
            .ToDictionaryAsync(p => p.PupilId, p => p.Id, TestContext.Current.CancellationToken));

        await AssertFixedAsync("Care plan page", TestOrganisation.CoordinatorNorth, $"/CarePlans/Details/{plans[few]}", $"/CarePlans/Details/{plans[many]}");
    }

    private async Task AssertFixedAsync(string page, string account, string fewUrl, string manyUrl)
    {
        var (few, many) = await MeasureAsync(account, fewUrl, manyUrl);
        QueryBudget.AssertFixed(page, few, many);
    }

    private async Task<(int Few, int Many)> MeasureAsync(string account, string fewUrl, string manyUrl)
    {
        var client = await Fixture.ClientForAsync(account);
        // Once each to warm up (first use of a query, a view), then measured.
        await Fixture.SqlCommandsOfAsync(client, fewUrl);
        await Fixture.SqlCommandsOfAsync(client, manyUrl);
        return (await Fixture.SqlCommandsOfAsync(client, fewUrl), await Fixture.SqlCommandsOfAsync(client, manyUrl));
    }

    private Task<int> CaseWithAsync(int count) =>
        Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth, (r, now) =>
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            for (var i = 0; i < count; i++)
            {
                r.AddNote(r.AssignedCareWorkerId!, new NoteDetails(today, ContactParties.Pupil, $"Gesprek {i}", $"Afspraak {i}", false), now);
                r.AddActionItem(r.AssignedCareWorkerId!, r.AssignedCareWorkerId!, $"Actie {i}", today.AddDays(i + 1), now);
            }
        });

    /// <summary>Two full dossiers at Noord; the second with many more notes, action items, incidents and accommodations.</summary>
    private async Task<(int Few, int Many)> DossiersAsync()
    {
        var few = await Fixture.SeedFullDossierAsync(Org.NorthId);
        var many = await Fixture.SeedFullDossierAsync(Org.NorthId);
        await Fixture.QueryAsync(async db =>
        {
            var now = Fixture.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var worker = Org.UserIds[TestOrganisation.CareWorkerNorth];
            var referral = await db.Referrals.Include(r => r.Notes).Include(r => r.ActionItems).SingleAsync(r => r.Id == many.ReferralId);
            for (var i = 0; i < Many; i++)
            {
                referral.AddNote(worker, new NoteDetails(today, ContactParties.Pupil, $"Gesprek {i}", $"Afspraak {i}", false), now);
                referral.AddActionItem(worker, worker, $"Actie {i}", today.AddDays(i + 1), now);
                db.Incidents.Add(Incident.Report(Org.NorthId, new IncidentDetails(now.AddHours(-i - 1), "Gang", IncidentCategory.Bullying,
                    IncidentSeverity.Low, $"Incident {i}", null, true, false), [(many.PupilId, IncidentRole.Victim)],
                    Org.UserIds[TestOrganisation.MentorA], now));
                db.Accommodations.Add(new Accommodation(many.PupilId, new AccommodationTerms(AccommodationKind.ExtraTime, $"Extra tijd {i}",
                    "Verklaring", null, today.AddDays(-7), today.AddDays(90)), worker, now));
            }

            return await db.SaveChangesAsync();
        });
        return (few.PupilId, many.PupilId);
    }

    /// <summary>Two meetings at Noord, one with 2 pupils' cases on the agenda and one with many.</summary>
    private async Task<(int Few, int Many)> MeetingsAsync()
    {
        var dossiers = new List<SeededDossier>();
        for (var i = 0; i < Many; i++)
        {
            dossiers.Add(await Fixture.SeedFullDossierAsync(Org.NorthId));
        }

        return await Fixture.QueryAsync(async db =>
        {
            var now = Fixture.Clock.GetUtcNow();
            var coordinator = Org.UserIds[TestOrganisation.CoordinatorNorth];
            Meeting MeetingWith(IEnumerable<SeededDossier> onAgenda)
            {
                var meeting = Meeting.Plan(Org.NorthId, MeetingType.InternalCareMeeting, now.AddDays(3), coordinator, null,
                    [Org.UserIds[TestOrganisation.CareWorkerNorth]], [], now)[0];
                foreach (var dossier in onAgenda)
                {
                    meeting.AddToAgenda(dossier.ReferralId, dossier.PupilId, $"Vraag over {dossier.Marker}", coordinator, ConsentCheck.NotNeeded);
                }

                db.Meetings.Add(meeting);
                return meeting;
            }

            var few = MeetingWith(dossiers.Take(2));
            var many = MeetingWith(dossiers);
            await db.SaveChangesAsync();
            return (few.Id, many.Id);
        });
    }

    /// <summary>
    /// Two ZATs at Noord with external partners, over the same cases as the meetings above (2 and many on the agenda),
    /// their pupils with consent for them.
    /// </summary>
    private async Task<(int Few, int Many)> ZatMeetingsAsync()
    {
        var (_, withMany) = await Fixture.OnceAsync("meetings", MeetingsAsync);
        return await Fixture.QueryAsync(async db =>
        {
            var now = Fixture.Clock.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var coordinator = Org.UserIds[TestOrganisation.CoordinatorNorth];
            var cases = await db.Set<AgendaItem>().Where(a => a.MeetingId == withMany).OrderBy(a => a.Order)
                .Select(a => new { a.ReferralId, a.PupilId }).ToListAsync(TestContext.Current.CancellationToken);
            foreach (var dossier in cases)
            {
                db.PupilConsents.Add(new PupilConsent(dossier.PupilId, today.AddDays(-1), "Ouders", false, [MeetingType.Zat],
                    [PartnerKind.Ggd, PartnerKind.Wijkteam], coordinator, now));
            }

            Meeting ZatWith(int count)
            {
                var meeting = Meeting.Plan(Org.NorthId, MeetingType.Zat, now.AddDays(4), coordinator, null,
                    [Org.UserIds[TestOrganisation.CareWorkerNorth]],
                    [new ExternalParticipant("Dr. Bos", PartnerKind.Ggd, "GGD Rijnstreek", "jeugdarts"),
                        new ExternalParticipant("Mevr. Smit", PartnerKind.Wijkteam, "Wijkteam Noord", null)], now)[0];
                foreach (var dossier in cases.Take(count))
                {
                    meeting.AddToAgenda(dossier.ReferralId, dossier.PupilId, "Vraag voor het ZAT", coordinator, ConsentCheck.Given);
                }

                db.Meetings.Add(meeting);
                return meeting;
            }

            var few = ZatWith(2);
            var many = ZatWith(cases.Count);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return (few.Id, many.Id);
        });
    }

    /// <summary>Two incidents at Noord, one with 2 pupils involved and one with many.</summary>
    private async Task<(int Few, int Many)> IncidentsAsync()
    {
        var (_, _) = await Fixture.OnceAsync("meetings", MeetingsAsync);
        return await Fixture.QueryAsync(async db =>
        {
            var now = Fixture.Clock.GetUtcNow();
            var pupils = await db.Pupils.Where(p => p.LocationId == Org.NorthId).OrderBy(p => p.Id).Select(p => p.Id)
                .Take(MostInvolved).ToListAsync(TestContext.Current.CancellationToken);
            Incident IncidentWith(IEnumerable<int> involved)
            {
                var incident = Incident.Report(Org.NorthId, new IncidentDetails(now.AddHours(-2), "Aula", IncidentCategory.PhysicalViolence,
                    IncidentSeverity.Medium, "Vechtpartij", null, true, false),
                    involved.Select(id => (id, IncidentRole.Perpetrator)).ToList(), Org.UserIds[TestOrganisation.MentorA], now);
                db.Incidents.Add(incident);
                return incident;
            }

            var few = IncidentWith(pupils.Take(2));
            var many = IncidentWith(pupils);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return (few.Id, many.Id);
        });
    }
}

public sealed class RecordQueryCountTests_Sqlite(SqlitePortalFixture fixture) : RecordQueryCountTests<SqlitePortalFixture>(fixture);

public sealed class RecordQueryCountTests_PostgreSql(PostgreSqlPortalFixture fixture) : RecordQueryCountTests<PostgreSqlPortalFixture>(fixture);

public sealed class RecordQueryCountTests_SqlServer(SqlServerPortalFixture fixture) : RecordQueryCountTests<SqlServerPortalFixture>(fixture);
