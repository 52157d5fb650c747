using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Plans;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.CarePlans;

/// <summary>Plans and OPPs through the real endpoints: who may read, write and evaluate; conflicts; print.</summary>
public abstract class CarePlanTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_coordinator_writes_a_plan_with_two_goals_as_version_one()
    {
        var (_, planId) = await CaseWithPlanAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var html = await coordinator.GetPageAsync($"/CarePlans/Details/{planId}");

        Assert.Contains("Leest 80 woorden per minuut", html, StringComparison.Ordinal);
        Assert.Contains("Schrijft een half A4 zonder hulp", html, StringComparison.Ordinal);
        Assert.Contains("Versie 1", html, StringComparison.Ordinal);
        Assert.Contains("Concept", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Care_worker_a_reads_the_plan_but_cannot_write_or_activate_it()
    {
        var (_, planId) = await CaseWithPlanAsync();
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        await worker.GetPageAsync($"/CarePlans/Details/{planId}");
        await worker.GetPageAsync($"/CarePlans/Edit/{planId}", HttpStatusCode.NotFound);
        var activate = await worker.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Activate/{planId}",
            [new("concurrencyToken", (await TokenAsync(planId)).ToString())]);

        Assert.Equal(HttpStatusCode.NotFound, activate.StatusCode);
        Assert.Equal(PlanStatus.Draft, await StatusAsync(planId));
    }

    [Fact]
    public async Task Care_worker_a_evaluates_the_measure_they_carry_out_and_no_other()
    {
        var (_, planId) = await CaseWithPlanAsync(activate: true);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var measures = await Fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => p.Content).SingleAsync());
        var own = measures.Measures.Single(m => m.ByWhomId == Org.UserIds[TestOrganisation.CareWorkerNorth]).Key;
        var other = measures.Measures.Single(m => m.ByWhomId is null).Key;

        var mine = await worker.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/EvaluateMeasure/{planId}",
            [new("MeasureKey", own.ToString()), new("On", Iso(Today)), new("Note", "Gaat goed")]);
        var theirs = await worker.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/EvaluateMeasure/{planId}",
            [new("MeasureKey", other.ToString()), new("On", Iso(Today)), new("Note", "Niet van mij")]);

        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task The_mentor_reads_only_the_classroom_measures_of_an_active_plan()
    {
        var (referralId, planId) = await CaseWithPlanAsync(activate: true);
        var (_, draftId) = await CaseWithPlanAsync();
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var plan = await mentor.GetPageAsync($"/CarePlans/Details/{planId}");
        var casePage = await mentor.GetPageAsync($"/Referrals/Details/{referralId}");

        Assert.Contains("Duolezen in de les", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Leest 80 woorden per minuut", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Wekelijkse leesbegeleiding", plan, StringComparison.Ordinal);
        Assert.Contains("Duolezen in de les", casePage, StringComparison.Ordinal);
        await mentor.GetPageAsync($"/CarePlans/Details/{draftId}", HttpStatusCode.NotFound);
        await mentor.GetPageAsync($"/CarePlans/Print/{planId}", HttpStatusCode.NotFound);
    }

    public static TheoryData<string> Outsiders => new()
    {
        TestOrganisation.MentorB, TestOrganisation.CareWorkerSouth, TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Outsiders_get_404_on_every_plan_endpoint(string email)
    {
        var (referralId, planId) = await CaseWithPlanAsync(activate: true);
        var client = await Fixture.ClientForAsync(email);
        var token = (await TokenAsync(planId)).ToString();

        foreach (var url in new[] { $"/CarePlans/Details/{planId}", $"/CarePlans/Print/{planId}", $"/CarePlans/Compare/{planId}?version=2",
                     $"/CarePlans/Edit/{planId}", $"/CarePlans/Create?referralId={referralId}" })
        {
            await client.GetPageAsync(url, HttpStatusCode.NotFound);
        }

        foreach (var action in new[] { "Edit", "MakeOpp", "Consent", "PupilView", "Activate", "Evaluate", "Close", "EvaluateMeasure" })
        {
            var response = await client.PostFormAsync("/", $"/CarePlans/{action}/{planId}",
            [
                new("concurrencyToken", token), new("Title", "Indringer"), new("StartDate", Iso(Today)), new("EvaluationDate", Iso(Today.AddDays(30))),
                new("Goals[0].Description", "Doel"), new("Goals[0].TargetDate", Iso(Today.AddDays(10))), new("NeedEstablishedOn", Iso(Today)),
                new("ExitProfile", "havo"), new("ExitProfileReasoning", "x"), new("SupportSection", "x"), new("Agreed", "true"),
                new("On", Iso(Today)), new("GivenBy", "x"), new("View", "x"), new("Note", "x"), new("MeasureKey", Guid.NewGuid().ToString()),
            ]);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} {action}: {response.StatusCode}");
        }

        var create = await client.PostFormAsync("/", $"/CarePlans/Create?referralId={referralId}",
            [new("Title", "Indringer"), new("StartDate", Iso(Today)), new("EvaluationDate", Iso(Today.AddDays(30))),
             new("Goals[0].Description", "Doel"), new("Goals[0].TargetDate", Iso(Today.AddDays(10)))]);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(PlanStatus.Active, await StatusAsync(planId));
    }

    [Fact]
    public async Task Bad_plan_input_gets_Dutch_messages_and_keeps_what_was_typed()
    {
        var referralId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync($"/CarePlans/Create?referralId={referralId}", $"/CarePlans/Create?referralId={referralId}",
        [
            new("Title", "Plan met fouten"), new("StartDate", Iso(Today)), new("EvaluationDate", Iso(Today.AddDays(60))),
            new("Goals[0].Description", ""), new("Goals[0].TargetDate", Iso(Today.AddDays(10))),
            new("Goals[1].Description", "Te vroeg doel"), new("Goals[1].TargetDate", Iso(Today.AddDays(-3))),
        ]);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Beschrijf het doel meetbaar.", html, StringComparison.Ordinal);
        Assert.Contains("De streefdatum van een doel kan niet voor de start van het plan liggen.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Te vroeg doel\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measure_performer_from_another_location_is_refused()
    {
        var referralId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync($"/CarePlans/Create?referralId={referralId}", $"/CarePlans/Create?referralId={referralId}",
        [
            new("Title", "Plan"), new("StartDate", Iso(Today)), new("EvaluationDate", Iso(Today.AddDays(60))),
            new("Goals[0].Description", "Doel"), new("Goals[0].TargetDate", Iso(Today.AddDays(10))),
            new("Measures[0].What", "Begeleiding"), new("Measures[0].ByWhom", "Zuid"), new("Measures[0].HowOften", "wekelijks"),
            new("Measures[0].ByWhomId", Org.UserIds[TestOrganisation.CareWorkerSouth]),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies als uitvoerder een medewerker van deze locatie.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_cannot_be_evaluated_and_consent_cannot_be_dated_in_the_future()
    {
        var (_, planId) = await CaseWithPlanAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var goal = (await Fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => p.Content).SingleAsync())).Goals[0].Key;

        var evaluate = await coordinator.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Evaluate/{planId}",
            [new("On", Iso(Today)), new("Results[0].GoalKey", goal.ToString()), new("Results[0].Result", "Reached"),
             new("concurrencyToken", (await TokenAsync(planId)).ToString())]);
        Assert.Contains("Een plan met status &#x27;concept&#x27; kun je niet evalueren.",
            await evaluate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await MakeOppAsync(coordinator, planId);
        var consent = await coordinator.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Consent/{planId}",
            [new("Agreed", "true"), new("On", Iso(Today.AddDays(2))), new("GivenBy", "Moeder"), new("concurrencyToken", (await TokenAsync(planId)).ToString())]);
        Assert.Contains("De datum van de toestemming kan niet in de toekomst liggen.",
            await consent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opp_is_set_only_after_the_parents_consent_and_prints_for_the_parents()
    {
        var (_, planId) = await CaseWithPlanAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        await MakeOppAsync(coordinator, planId);

        var refused = await coordinator.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Activate/{planId}",
            [new("concurrencyToken", (await TokenAsync(planId)).ToString())]);
        Assert.Contains("zonder instemming van de ouders", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        await coordinator.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Consent/{planId}",
            [new("Agreed", "true"), new("On", Iso(Today)), new("GivenBy", "Moeder en vader"), new("concurrencyToken", (await TokenAsync(planId)).ToString())]);
        var set = await coordinator.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Activate/{planId}",
            [new("concurrencyToken", (await TokenAsync(planId)).ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(PlanStatus.Active, await StatusAsync(planId));
        var print = await coordinator.GetPageAsync($"/CarePlans/Print/{planId}");
        Assert.Contains("Ontwikkelingsperspectiefplan – Anna de Jong", print, StringComparison.Ordinal);
        Assert.Contains("Stichting Test – Locatie Noord", print, StringComparison.Ordinal);
        Assert.Contains("vmbo kader", print, StringComparison.Ordinal);
        Assert.Contains("instemming van Moeder en vader", print, StringComparison.Ordinal);
        Assert.Contains("versie 2", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_support_plan_prints_with_school_date_and_version()
    {
        var (_, planId) = await CaseWithPlanAsync(activate: true);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var print = await coordinator.GetPageAsync($"/CarePlans/Print/{planId}");

        Assert.Contains("Ondersteuningsplan – Anna de Jong", print, StringComparison.Ordinal);
        Assert.Contains("versie 1", print, StringComparison.Ordinal);
        Assert.Contains("afgedrukt op 22 november 2026", print, StringComparison.Ordinal);
        Assert.Contains("print.css", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_editing_the_same_plan_the_second_sees_what_changed_and_loses_nothing()
    {
        var (_, planId) = await CaseWithPlanAsync();
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var levelC = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);
        var token = (await TokenAsync(planId)).ToString();
        var content = await Fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => p.Content).SingleAsync());

        List<KeyValuePair<string, string>> Form(string title) =>
        [
            new("Title", title), new("StartDate", Iso(content.StartDate)), new("EvaluationDate", Iso(content.EvaluationDate)),
            new("Goals[0].Key", content.Goals[0].Key.ToString()), new("Goals[0].Description", content.Goals[0].Description),
            new("Goals[0].TargetDate", Iso(content.Goals[0].TargetDate)), new("BaseVersion", "1"), new("ConcurrencyToken", token),
        ];

        var first = await coordinator.PostFormAsync($"/CarePlans/Edit/{planId}", $"/CarePlans/Edit/{planId}", Form("Titel van de coördinator"));
        var second = await levelC.PostFormAsync($"/CarePlans/Edit/{planId}", $"/CarePlans/Edit/{planId}", Form("Titel van niveau c"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Iemand anders heeft dit plan intussen gewijzigd.", html, StringComparison.Ordinal);
        Assert.Contains("Titel van de coördinator", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Titel van niveau c\"", html, StringComparison.Ordinal);
        Assert.Equal("Titel van de coördinator",
            await Fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => p.Content).SingleAsync()).ContinueWith(t => t.Result.Title, TaskScheduler.Default));
    }

    [Fact]
    public async Task After_an_evaluation_the_plan_continues_as_version_two_which_can_be_compared()
    {
        var (_, planId) = await CaseWithPlanAsync(activate: true);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var content = await Fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => p.Content).SingleAsync());

        var evaluated = await coordinator.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Evaluate/{planId}",
        [
            new("On", Iso(Today)), new("Results[0].GoalKey", content.Goals[0].Key.ToString()), new("Results[0].Result", "PartlyReached"),
            new("Results[1].GoalKey", content.Goals[1].Key.ToString()), new("Results[1].Result", "Reached"),
            new("concurrencyToken", (await TokenAsync(planId)).ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, evaluated.StatusCode);
        var continued = await coordinator.PostFormAsync($"/CarePlans/Edit/{planId}", $"/CarePlans/Edit/{planId}",
        [
            new("Title", content.Title), new("StartDate", Iso(content.StartDate)), new("EvaluationDate", Iso(content.EvaluationDate)),
            new("Goals[0].Key", content.Goals[0].Key.ToString()), new("Goals[0].Description", "Leest 100 woorden per minuut"),
            new("Goals[0].TargetDate", Iso(content.Goals[0].TargetDate)), new("BaseVersion", "1"),
            new("ConcurrencyToken", (await TokenAsync(planId)).ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        Assert.Equal(PlanStatus.Draft, await StatusAsync(planId));
        var compare = await coordinator.GetPageAsync($"/CarePlans/Compare/{planId}?version=2");
        Assert.Contains("Doel gewijzigd: &#x27;Leest 80 woorden per minuut&#x27;", compare, StringComparison.Ordinal);
        Assert.Contains("Doel verwijderd: Schrijft een half A4 zonder hulp", compare, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_reads_and_changes_are_audited_and_appear_on_the_timeline_for_care_staff_only()
    {
        var (_, planId) = await CaseWithPlanAsync(activate: true);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var subject = planId.ToString(CultureInfo.InvariantCulture);

        await coordinator.GetPageAsync($"/CarePlans/Details/{planId}");

        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.SubjectType == "CarePlan" && a.SubjectId == subject && a.Action == AuditAction.Read)));
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.SubjectType == "CarePlan" && a.SubjectId == subject && a.Action == AuditAction.Update)));
        var timeline = await coordinator.GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Anna"]}?kind=Plan");
        Assert.Contains("Plan &#x27;Beter lezen&#x27; versie 1 opgeslagen", timeline, StringComparison.Ordinal);
        var mentorTimeline = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync($"/Pupils/Timeline/{Org.Pupils["Anna"]}?kind=Plan");
        Assert.DoesNotContain("Beter lezen", mentorTimeline, StringComparison.Ordinal);
    }

    /// <summary>A case of Anna (care worker north) with a plan written by the coordinator through the form.</summary>
    private async Task<(int ReferralId, int PlanId)> CaseWithPlanAsync(bool activate = false)
    {
        var referralId = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var response = await coordinator.PostFormAsync($"/CarePlans/Create?referralId={referralId}", $"/CarePlans/Create?referralId={referralId}",
        [
            new("Title", "Beter lezen"), new("StartDate", Iso(Today)), new("EvaluationDate", Iso(Today.AddDays(90))),
            new("Goals[0].Description", "Leest 80 woorden per minuut"), new("Goals[0].TargetDate", Iso(Today.AddDays(60))),
            new("Goals[1].Description", "Schrijft een half A4 zonder hulp"), new("Goals[1].TargetDate", Iso(Today.AddDays(80))),
            new("Measures[0].What", "Duolezen in de les"), new("Measures[0].ByWhom", "Mentor"), new("Measures[0].HowOften", "dagelijks"),
            new("Measures[0].ForClassroom", "true"),
            new("Measures[1].What", "Wekelijkse leesbegeleiding"), new("Measures[1].ByWhom", "Zorg Noord"),
            new("Measures[1].ByWhomId", Org.UserIds[TestOrganisation.CareWorkerNorth]), new("Measures[1].HowOften", "wekelijks"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var planId = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        if (activate)
        {
            var activated = await coordinator.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/Activate/{planId}",
                [new("concurrencyToken", (await TokenAsync(planId)).ToString())]);
            Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        }

        return (referralId, planId);
    }

    private async Task MakeOppAsync(HttpClient client, int planId)
    {
        var response = await client.PostFormAsync($"/CarePlans/Details/{planId}", $"/CarePlans/MakeOpp/{planId}",
        [
            new("NeedEstablishedOn", Iso(Today.AddDays(-7))), new("ExitProfile", "vmbo kader"), new("ExitProfileReasoning", "Past bij de resultaten"),
            new("SupportSection", "Remedial teaching, twee uur per week, een jaar"), new("ConcurrencyToken", (await TokenAsync(planId)).ToString()),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<Guid> TokenAsync(int planId) =>
        Fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => p.ConcurrencyToken).SingleAsync());

    private Task<PlanStatus> StatusAsync(int planId) =>
        Fixture.QueryAsync(db => db.CarePlans.Where(p => p.Id == planId).Select(p => p.Status).SingleAsync());
}

public sealed class CarePlanTests_Sqlite(SqlitePortalFixture fixture) : CarePlanTests<SqlitePortalFixture>(fixture);

public sealed class CarePlanTests_PostgreSql(PostgreSqlPortalFixture fixture) : CarePlanTests<PostgreSqlPortalFixture>(fixture);

public sealed class CarePlanTests_SqlServer(SqlServerPortalFixture fixture) : CarePlanTests<SqlServerPortalFixture>(fixture);
