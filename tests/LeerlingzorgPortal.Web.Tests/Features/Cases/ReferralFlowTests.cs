using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Cases;

/// <summary>From the mentor's signal to a closed case, through the real endpoints.</summary>
public abstract class ReferralFlowTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private string Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_mentor_saves_a_draft_that_nobody_else_sees()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var response = await mentor.PostFormAsync("/Referrals/Create", "/Referrals/Create", ReferralForm("Anna", "draft", question: ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = IdFrom(response);
        Assert.Contains("Concept", await mentor.GetPageAsync($"/Referrals/Details/{id}"), StringComparison.Ordinal);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        await coordinator.GetPageAsync($"/Referrals/Details/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submitting_tells_the_coordinators_of_the_location_and_fills_their_queue()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var response = await mentor.PostFormAsync("/Referrals/Create", "/Referrals/Create", ReferralForm("Bram", "submit"));

        var id = IdFrom(response);
        var status = await Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync());
        Assert.Equal(ReferralStatus.Submitted, status);
        var coordinatorId = Org.UserIds[TestOrganisation.CoordinatorNorth];
        Assert.True(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == coordinatorId && n.Link == $"/Referrals/Details/{id}")));
        var queue = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync("/Triage");
        Assert.Contains($"/Referrals/Details/{id}", queue, StringComparison.Ordinal);
        var southWorker = Org.UserIds[TestOrganisation.CareWorkerSouth];
        Assert.False(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == southWorker && n.Link == $"/Referrals/Details/{id}")));
    }

    [Fact]
    public async Task The_same_form_posted_twice_makes_one_referral()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorB);
        var form = ReferralForm("Carmen", "submit");
        var before = await CountReferralsAsync("Carmen");

        var first = await mentor.PostFormAsync("/Referrals/Create", "/Referrals/Create", form);
        var second = await mentor.PostFormAsync("/Referrals/Create", "/Referrals/Create", form);

        Assert.Equal(IdFrom(first), IdFrom(second));
        Assert.Equal(before + 1, await CountReferralsAsync("Carmen"));
    }

    [Fact]
    public async Task A_mentor_cannot_refer_a_pupil_outside_their_groups()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var before = await CountReferralsAsync("Sem");

        var response = await mentor.PostFormAsync("/Referrals/Create", "/Referrals/Create", ReferralForm("Sem", "submit"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies een leerling uit je eigen mentorgroepen of locaties.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, await CountReferralsAsync("Sem"));
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_keeps_what_was_typed()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var form = ReferralForm("Anna", "submit", question: "", tried: "Al twee gesprekken gevoerd");
        form.RemoveAll(f => f.Key is "ParentsInformedOn" or "Question");
        form.Add(new("ParentsInformedOn", DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        form.Add(new("Question", new string('x', 2001)));

        var response = await mentor.PostFormAsync("/Referrals/Create", "/Referrals/Create", form);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("De hulpvraag is hoogstens 2000 tekens lang.", html, StringComparison.Ordinal);
        Assert.Contains("De datum waarop de ouders zijn geïnformeerd kan niet in de toekomst liggen.", html, StringComparison.Ordinal);
        Assert.Contains("Al twee gesprekken gevoerd", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_assigns_and_the_mentor_sees_status_and_care_worker()
    {
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.Submitted);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var version = await VersionAsync(id);

        var response = await coordinator.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Assign/{id}",
            [new("CareWorkerId", Org.UserIds[TestOrganisation.CareWorkerNorth]), new("SupportLevel", "Extra"), new("Version", version.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mentorPage = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync($"/Referrals/Details/{id}");
        Assert.Contains("Toegewezen", mentorPage, StringComparison.Ordinal);
        Assert.Contains("Zorg Noord", mentorPage, StringComparison.Ordinal);
        var workerId = Org.UserIds[TestOrganisation.CareWorkerNorth];
        Assert.True(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == workerId && n.Link == $"/Referrals/Details/{id}")));
    }

    [Fact]
    public async Task Two_coordinators_triaging_at_once_the_second_gets_a_conflict_and_nothing_is_overwritten()
    {
        var id = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.Submitted);
        var seen = await VersionAsync(id);
        var first = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var second = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        await first.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Assign/{id}",
            [new("CareWorkerId", Org.UserIds[TestOrganisation.CareWorkerNorth]), new("SupportLevel", "Basic"), new("Version", seen.ToString())]);
        var late = await second.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Assign/{id}",
            [new("CareWorkerId", Org.UserIds[TestOrganisation.CareWorkerC]), new("SupportLevel", "Extra"), new("Version", seen.ToString())]);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Iemand anders heeft deze aanmelding intussen gewijzigd.",
            await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var assigned = await Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.AssignedCareWorkerId).SingleAsync());
        Assert.Equal(Org.UserIds[TestOrganisation.CareWorkerNorth], assigned);
    }

    [Fact]
    public async Task A_version_changed_in_between_is_a_conflict_even_while_still_submitted()
    {
        var id = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Submitted);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Return/{id}",
            [new("Advice", "Eerst een gesprek met ouders."), new("Version", Guid.NewGuid().ToString())]);

        Assert.Contains("Iemand anders heeft deze aanmelding intussen gewijzigd.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Submitted, await Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Returning_to_the_mentor_needs_advice_which_the_mentor_then_reads()
    {
        var id = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Submitted);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var empty = await coordinator.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Return/{id}",
            [new("Advice", ""), new("Version", (await VersionAsync(id)).ToString())]);
        Assert.Contains("Schrijf het advies aan de mentor.", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await coordinator.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Return/{id}",
            [new("Advice", "Probeer eerst een vaste plek in de klas."), new("Version", (await VersionAsync(id)).ToString())]);

        var page = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync($"/Referrals/Details/{id}");
        Assert.Contains("Teruggestuurd naar mentor", page, StringComparison.Ordinal);
        Assert.Contains("Probeer eerst een vaste plek in de klas.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confidential_notes_reach_the_assigned_worker_and_coordinator_but_never_the_mentor()
    {
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.Triaged, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var response = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/AddNote/{id}",
        [
            new("Date", Today), new("With", "Parents"), new("Summary", "Geheime thuissituatie besproken"),
            new("Agreements", "Geheime afspraak"), new("IsConfidential", "true"),
        ]);
        await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/AddNote/{id}",
            [new("Date", Today), new("With", "Pupil"), new("Summary", "Open gesprek"), new("Agreements", "Open afspraak")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        foreach (var url in new[] { $"/Referrals/Details/{id}", $"/Pupils/Timeline/{Org.Pupils["Anna"]}", "/", "/Notifications" })
        {
            var html = await mentor.GetPageAsync(url);
            Assert.DoesNotContain("Geheime", html, StringComparison.Ordinal);
        }

        var mentorCase = await mentor.GetPageAsync($"/Referrals/Details/{id}");
        Assert.Contains("Open afspraak", mentorCase, StringComparison.Ordinal);
        Assert.DoesNotContain("Open gesprek", mentorCase, StringComparison.Ordinal);
        Assert.Contains("Geheime thuissituatie", await worker.GetPageAsync($"/Referrals/Details/{id}"), StringComparison.Ordinal);
        Assert.Contains("Geheime thuissituatie", await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync($"/Referrals/Details/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime", await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerC)).GetPageAsync($"/Referrals/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_with_an_action_item_lands_on_the_owners_home_page_and_turns_overdue()
    {
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.Triaged, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var due = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime).AddDays(2);

        await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/AddNote/{id}",
        [
            new("Date", Today), new("With", "Mentor"), new("Summary", "Overleg met de mentor"),
            new("ActionDescription", "Rooster van Anna bekijken"), new("ActionOwnerId", Org.UserIds[TestOrganisation.MentorA]),
            new("ActionDueDate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ]);

        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var home = await mentor.GetPageAsync("/");
        Assert.Contains("Rooster van Anna bekijken", home, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.InProgress, await Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        try
        {
            // Three days on, yesterday's sessions have expired: sign in again.
            using var mentorLater = await Fixture.SignInAsync(TestOrganisation.MentorA);
            Assert.Contains("Te laat", await mentorLater.GetPageAsync("/ActionItems"), StringComparison.Ordinal);
            using var coordinator = await Fixture.SignInAsync(TestOrganisation.CoordinatorNorth);
            var caseload = await coordinator.GetPageAsync("/");
            Assert.Matches("<th scope=\"row\">Zorg Noord</th><td>\\d+</td><td>[1-9]", caseload);
        }
        finally
        {
            Fixture.Clock.Advance(TimeSpan.FromDays(-3));
        }
    }

    [Fact]
    public async Task An_action_item_cannot_be_due_before_today_or_go_to_someone_elsewhere()
    {
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var yesterday = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var early = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/AddActionItem/{id}",
            [new("Description", "Te laat gepland"), new("OwnerId", Org.UserIds[TestOrganisation.MentorA]), new("DueDate", yesterday)]);
        var elsewhere = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/AddActionItem/{id}",
            [new("Description", "Voor het zuiden"), new("OwnerId", Org.UserIds[TestOrganisation.CareWorkerSouth]), new("DueDate", Today)]);

        var earlyHtml = await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("De deadline kan niet voor vandaag liggen.", earlyHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Te laat gepland\"", earlyHtml, StringComparison.Ordinal);
        Assert.Contains("Kies een actieve medewerker van deze locatie als eigenaar.",
            await elsewhere.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_completes_their_action_item()
    {
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth,
            (r, now) => r.AddActionItem(r.AssignedCareWorkerId!, Org.UserIds[TestOrganisation.MentorA], "Afronden door mentor",
                DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), now));
        var itemId = await Fixture.QueryAsync(db => db.ActionItems.Where(i => i.ReferralId == id).Select(i => i.Id).SingleAsync());
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var stranger = await Fixture.ClientForAsync(TestOrganisation.MentorB);

        var refused = await stranger.PostFormAsync("/", $"/ActionItems/Done/{itemId}", []);
        var done = await mentor.PostFormAsync("/ActionItems", $"/ActionItems/Done/{itemId}", []);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(ActionItemStatus.Done, await Fixture.QueryAsync(db => db.ActionItems.Where(i => i.Id == itemId).Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Closing_needs_an_outcome_and_summary_and_then_the_case_takes_no_more_notes()
    {
        var id = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var empty = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/Close/{id}", [new("Version", (await VersionAsync(id)).ToString())]);
        Assert.Contains("Kies de uitkomst.", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var closed = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/Close/{id}",
            [new("Outcome", "GoalsReached"), new("Summary", "Het gaat weer goed."), new("Version", (await VersionAsync(id)).ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var note = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/AddNote/{id}",
            [new("Date", Today), new("With", "Pupil"), new("Summary", "Na afsluiten")]);
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        Assert.Contains("Afgesloten", await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync($"/Referrals/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_reassigns_an_open_case_and_the_new_care_worker_is_told()
    {
        var id = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var newWorker = Org.UserIds[TestOrganisation.CareWorkerC];

        var response = await coordinator.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/Reassign/{id}",
            [new("CareWorkerId", newWorker), new("SupportLevel", "Extra"), new("Version", (await VersionAsync(id)).ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(newWorker, await Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.AssignedCareWorkerId).SingleAsync()));
        Assert.True(await Fixture.QueryAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == newWorker && n.Link == $"/Referrals/Details/{id}")));
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        await worker.GetPageAsync($"/Referrals/Details/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_assigned_care_worker_cannot_reassign_the_case()
    {
        var id = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var response = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/Reassign/{id}",
            [new("CareWorkerId", Org.UserIds[TestOrganisation.CareWorkerC]), new("SupportLevel", "Extra"), new("Version", (await VersionAsync(id)).ToString())]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(Org.UserIds[TestOrganisation.CareWorkerNorth],
            await Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.AssignedCareWorkerId).SingleAsync()));
    }

    [Fact]
    public async Task Referring_out_records_the_agency_and_ends_the_case()
    {
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var response = await worker.PostFormAsync($"/Referrals/Details/{id}", $"/CareCases/ReferOut/{id}",
            [new("Agency", "Wijkteam Noord"), new("Reason", "Gezinsondersteuning nodig"), new("Version", (await VersionAsync(id)).ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync($"/Referrals/Details/{id}");
        Assert.Contains("Doorverwezen", page, StringComparison.Ordinal);
        Assert.Contains("Wijkteam Noord", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Gezinsondersteuning nodig", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_without_contact_for_30_days_is_signalled_as_stale_to_the_coordinator()
    {
        var id = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Triaged, TestOrganisation.CareWorkerNorth,
            (r, now) => r.AddNote(r.AssignedCareWorkerId!, new NoteDetails(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-40),
                ContactParties.Pupil, "Lang geleden", null, false), now));
        var fresh = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);

        var home = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync("/");

        var stale = home[home.IndexOf("data-testid=\"home-stale\"", StringComparison.Ordinal)..];
        stale = stale[..stale.IndexOf("</ul>", StringComparison.Ordinal)];
        Assert.Contains($"/Referrals/Details/{id}\"", stale, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Referrals/Details/{fresh}\"", stale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_case_cannot_be_triaged_again()
    {
        var id = await Fixture.SeedReferralAsync("Carmen", TestOrganisation.MentorB, ReferralStatus.Closed, TestOrganisation.CareWorkerNorth);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await coordinator.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Assign/{id}",
            [new("CareWorkerId", Org.UserIds[TestOrganisation.CareWorkerNorth]), new("SupportLevel", "Basic"), new("Version", (await VersionAsync(id)).ToString())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Iemand anders heeft deze aanmelding intussen gewijzigd.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.Closed, await Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Every_case_view_and_timeline_view_writes_an_audit_line()
    {
        var id = await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var pupilId = Org.Pupils["Anna"];
        int Count(PortalFixtureReads reads) => reads.Count;
        var before = await ReadsAsync(pupilId);

        await worker.GetPageAsync($"/Referrals/Details/{id}");
        await worker.GetPageAsync($"/Pupils/Timeline/{pupilId}");

        var after = await ReadsAsync(pupilId);
        Assert.Equal(Count(before) + 2, Count(after));
        Assert.Contains(("Referral", id.ToString(CultureInfo.InvariantCulture)), after.Subjects);
        Assert.Contains(("Timeline", pupilId.ToString(CultureInfo.InvariantCulture)), after.Subjects);
    }

    [Fact]
    public async Task Every_change_to_a_referral_writes_an_audit_line()
    {
        var id = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.Submitted);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var subject = id.ToString(CultureInfo.InvariantCulture);

        await coordinator.PostFormAsync($"/Referrals/Details/{id}", $"/Triage/Assign/{id}",
            [new("CareWorkerId", Org.UserIds[TestOrganisation.CareWorkerNorth]), new("SupportLevel", "Basic"), new("Version", (await VersionAsync(id)).ToString())]);

        Assert.Equal(1, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.SubjectType == "Referral" && a.SubjectId == subject && a.Action == AuditAction.Update)));
    }

    [Fact]
    public async Task Opening_a_notification_marks_it_read_and_foreign_ones_are_not_found()
    {
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        await mentor.PostFormAsync("/Referrals/Create", "/Referrals/Create", ReferralForm("Bram", "submit"));
        var coordinatorId = Org.UserIds[TestOrganisation.CoordinatorNorth];
        var notificationId = await Fixture.QueryAsync(db => db.Notifications.Where(n => n.RecipientId == coordinatorId && n.ReadAt == null)
            .OrderByDescending(n => n.Id).Select(n => n.Id).FirstAsync());
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var foreign = await mentor.PostFormAsync("/Notifications", $"/Notifications/Open/{notificationId}", []);
        var own = await coordinator.PostFormAsync("/Notifications", $"/Notifications/Open/{notificationId}", []);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.StartsWith("/Referrals/Details/", own.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await Fixture.QueryAsync(db => db.Notifications.Where(n => n.Id == notificationId).Select(n => n.ReadAt != null).SingleAsync()));
    }

    private List<KeyValuePair<string, string>> ReferralForm(string pupil, string intent, string question = "Trekt zich terug", string tried = "Gesprek gevoerd") =>
    [
        new("PupilId", Org.Pupils[pupil].ToString(CultureInfo.InvariantCulture)), new("Category", "SocialEmotional"), new("Urgency", "High"),
        new("Question", question), new("AlreadyTried", tried), new("ParentsInformed", "true"), new("ParentsInformedOn", Today),
        new("RequestId", Guid.NewGuid().ToString()), new("Intent", intent),
    ];

    private static int IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private Task<int> CountReferralsAsync(string pupil)
    {
        var pupilId = Org.Pupils[pupil];
        return Fixture.QueryAsync(db => db.Referrals.CountAsync(r => r.PupilId == pupilId));
    }

    private Task<Guid> VersionAsync(int id) => Fixture.QueryAsync(db => db.Referrals.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

    private async Task<PortalFixtureReads> ReadsAsync(int pupilId)
    {
        var subjects = await Fixture.QueryAsync(db => db.AuditEntries.Where(a => a.PupilId == pupilId && a.Action == AuditAction.Read)
            .Select(a => new { a.SubjectType, a.SubjectId }).ToListAsync());
        return new PortalFixtureReads(subjects.Count, subjects.Select(s => (s.SubjectType, s.SubjectId)).ToList());
    }

    private sealed record PortalFixtureReads(int Count, List<(string, string)> Subjects);
}

public sealed class ReferralFlowTests_Sqlite(SqlitePortalFixture fixture) : ReferralFlowTests<SqlitePortalFixture>(fixture);

public sealed class ReferralFlowTests_PostgreSql(PostgreSqlPortalFixture fixture) : ReferralFlowTests<PostgreSqlPortalFixture>(fixture);

public sealed class ReferralFlowTests_SqlServer(SqlServerPortalFixture fixture) : ReferralFlowTests<SqlServerPortalFixture>(fixture);
