using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Accommodations;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Features.Accommodations;

/// <summary>
/// Faciliteiten: care staff grant, change and withdraw them; the mentor sees them without the ground; the
/// faciliteitenpas and the teachers' group overview carry no care data; expiry signals on the home page.
/// </summary>
public abstract class AccommodationTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string SecretGround = "Dyslexieverklaring GEHEIM-7781 van het onderwijsbureau";
    private const string TeacherDetail = "Dertig procent extra tijd bij toetsen";

    private DateOnly Today => DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Nl(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private List<KeyValuePair<string, string>> Form(string kind = "ExtraTime", string detail = "25% extra tijd bij toetsen",
        string ground = "Dyslexieverklaring (2023, Onderwijsbureau Rijnstreek)", DateOnly? from = null, DateOnly? until = null,
        DateOnly? statementUntil = null) =>
    [
        new("Kind", kind), new("Detail", detail), new("Ground", ground),
        new("StatementValidUntil", statementUntil is { } s ? Iso(s) : ""),
        new("ValidFrom", Iso(from ?? Today)), new("ValidUntil", Iso(until ?? Today.AddMonths(6))),
    ];

    private Task<int> SeedAsync(string pupil, string granterEmail, AccommodationTerms terms, DateOnly? endedOn = null) =>
        Fixture.QueryAsync(async db =>
        {
            var accommodation = new Accommodation(Org.Pupils[pupil], terms, Org.UserIds[granterEmail], Fixture.Clock.GetUtcNow());
            if (endedOn is { } ended)
            {
                accommodation.End(ended);
            }

            db.Accommodations.Add(accommodation);
            await db.SaveChangesAsync();
            return accommodation.Id;
        });

    /// <summary>Anna (group A) has an accommodation with a distinctive ground and a referral with care text; seeded once.</summary>
    private Task<int> AnnaAsync() => Fixture.OnceAsync("anna-accommodation", async () =>
    {
        await Fixture.SeedReferralAsync("Anna", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        await SeedAsync("Anna", TestOrganisation.CareWorkerNorth, new AccommodationTerms(AccommodationKind.ReadAloudSoftware,
            "Oude voorleessoftware", "Oude verklaring", null, Today.AddDays(-200), Today.AddDays(-20)));
        await SeedAsync("Anna", TestOrganisation.CareWorkerNorth, new AccommodationTerms(AccommodationKind.Laptop,
            "Ingetrokken laptop", "Tijdelijk", null, Today.AddDays(-30), Today.AddDays(100)), endedOn: Today.AddDays(-2));
        return await SeedAsync("Anna", TestOrganisation.CareWorkerNorth, new AccommodationTerms(AccommodationKind.ExtraTime,
            TeacherDetail, SecretGround, Today.AddYears(2), Today.AddDays(-60), Today.AddDays(200)));
    });

    private Task<int> CountAsync(string pupil) =>
        Fixture.QueryAsync(db => db.Accommodations.CountAsync(a => a.PupilId == Org.Pupils[pupil]));

    [Fact]
    public async Task A_care_worker_grants_an_accommodation_and_sees_it_with_its_ground_on_the_pupil_page()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var bram = Id(Org.Pupils["Bram"]);

        var response = await client.PostFormAsync($"/Accommodations/Create?pupilId={bram}", $"/Accommodations/Create?pupilId={bram}",
            Form(kind: "EnlargedPrint", detail: "Toetsen in lettergrootte 14", ground: "Advies oogarts Bram 2026", until: Today.AddDays(150)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Pupils/Details/{bram}#faciliteiten", response.Headers.Location!.OriginalString);
        var saved = await Fixture.QueryAsync(db => db.Accommodations.AsNoTracking()
            .SingleAsync(a => a.PupilId == Org.Pupils["Bram"] && a.Detail == "Toetsen in lettergrootte 14"));
        Assert.Equal(AccommodationKind.EnlargedPrint, saved.Kind);
        Assert.Equal(Org.UserIds[TestOrganisation.CareWorkerNorth], saved.GrantedById);
        Assert.Equal(Today.AddDays(150), saved.ValidUntil);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.Create && a.SubjectType == "Accommodation" && a.SubjectId == Id(saved.Id))));

        var page = await client.GetPageAsync($"/Pupils/Details/{bram}");
        Assert.Contains("De faciliteit is toegekend.", page, StringComparison.Ordinal);
        Assert.Contains("Vergroot lettertype", page, StringComparison.Ordinal);
        Assert.Contains("Toetsen in lettergrootte 14", page, StringComparison.Ordinal);
        Assert.Contains("Advies oogarts Bram 2026", page, StringComparison.Ordinal);
        Assert.Contains("Zorg Noord", page, StringComparison.Ordinal);
        Assert.Contains($"t/m {Nl(Today.AddDays(150))}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accommodation_that_ends_before_it_starts_gets_a_Dutch_message_and_nothing_is_saved()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var carmen = Id(Org.Pupils["Carmen"]);
        var before = await CountAsync("Carmen");

        var response = await client.PostFormAsync($"/Accommodations/Create?pupilId={carmen}", $"/Accommodations/Create?pupilId={carmen}",
            Form(from: Today.AddDays(10), until: Today.AddDays(9)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("De einddatum van de faciliteit ligt voor de begindatum.", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("Carmen"));
    }

    [Fact]
    public async Task A_missing_ground_or_kind_and_an_exemption_without_detail_get_Dutch_messages_and_nothing_is_saved()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var carmen = Id(Org.Pupils["Carmen"]);
        var before = await CountAsync("Carmen");

        var noGround = await client.PostFormAsync($"/Accommodations/Create?pupilId={carmen}", $"/Accommodations/Create?pupilId={carmen}",
            Form(ground: "  "));
        var noKind = await client.PostFormAsync($"/Accommodations/Create?pupilId={carmen}", $"/Accommodations/Create?pupilId={carmen}",
            Form(kind: ""));
        var exemption = await client.PostFormAsync($"/Accommodations/Create?pupilId={carmen}", $"/Accommodations/Create?pupilId={carmen}",
            Form(kind: "Exemption", detail: ""));

        Assert.Contains("Vul de reden of verklaring in.", await noGround.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Contains("Kies de soort faciliteit.", await noKind.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Contains("Geef bij een vrijstelling of een andere faciliteit aan wat die precies inhoudt.",
            await exemption.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("Carmen"));
    }

    [Fact]
    public async Task Values_that_cannot_be_read_get_Dutch_messages_not_the_frameworks_English_ones()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var carmen = Id(Org.Pupils["Carmen"]);
        var before = await CountAsync("Carmen");

        var response = await client.PostFormAsync($"/Accommodations/Create?pupilId={carmen}", $"/Accommodations/Create?pupilId={carmen}",
        [
            new("Kind", "Toverstaf"), new("Detail", "x"), new("Ground", "y"), new("ValidFrom", "gisteren"), new("ValidUntil", "2027-07-31"),
        ]);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies de soort faciliteit.", html, StringComparison.Ordinal);
        Assert.Contains("Vul in vanaf wanneer de faciliteit geldt.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("Carmen"));
    }

    [Fact]
    public async Task The_mentor_sees_the_accommodations_on_the_pupil_page_without_ground_or_granter_and_cannot_grant()
    {
        await AnnaAsync();
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var page = await mentor.GetPageAsync($"/Pupils/Details/{Id(Org.Pupils["Anna"])}");

        Assert.Contains(TeacherDetail, page, StringComparison.Ordinal);
        Assert.Contains("Ingetrokken per", page, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretGround, page, StringComparison.Ordinal);
        Assert.DoesNotContain("GEHEIM-7781", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Reden of verklaring", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Faciliteit toekennen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Zorg Noord", page, StringComparison.Ordinal);
        Assert.Contains($"/Accommodations/Group/{Id(Org.GroupA)}", page, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, HttpStatusCode> Screens => new()
    {
        // who, which screen ({anna}, {sem}, {groupA}, {groupSouth}, {acc}), answer
        { TestOrganisation.CareWorkerNorth, "/Accommodations/Create?pupilId={anna}", HttpStatusCode.OK },
        { TestOrganisation.CoordinatorNorth, "/Accommodations/Create?pupilId={anna}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerC, "/Accommodations/Create?pupilId={sem}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerSouth, "/Accommodations/Create?pupilId={sem}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerSouth, "/Accommodations/Create?pupilId={anna}", HttpStatusCode.NotFound },
        { TestOrganisation.MentorA, "/Accommodations/Create?pupilId={anna}", HttpStatusCode.NotFound },
        { TestOrganisation.SchoolLeader, "/Accommodations/Create?pupilId={anna}", HttpStatusCode.NotFound },
        { TestOrganisation.Admin, "/Accommodations/Create?pupilId={anna}", HttpStatusCode.NotFound },
        { TestOrganisation.CareWorkerNorth, "/Accommodations/Edit/{acc}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerC, "/Accommodations/Edit/{acc}", HttpStatusCode.OK },
        { TestOrganisation.MentorA, "/Accommodations/Edit/{acc}", HttpStatusCode.NotFound },
        { TestOrganisation.CareWorkerSouth, "/Accommodations/Edit/{acc}", HttpStatusCode.NotFound },
        { TestOrganisation.SchoolLeader, "/Accommodations/Edit/{acc}", HttpStatusCode.NotFound },
        { TestOrganisation.MentorA, "/Accommodations/Card/{anna}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerNorth, "/Accommodations/Card/{anna}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerC, "/Accommodations/Card/{anna}", HttpStatusCode.OK },
        { TestOrganisation.MentorB, "/Accommodations/Card/{anna}", HttpStatusCode.NotFound },
        { TestOrganisation.CareWorkerSouth, "/Accommodations/Card/{anna}", HttpStatusCode.NotFound },
        { TestOrganisation.SchoolLeader, "/Accommodations/Card/{anna}", HttpStatusCode.NotFound },
        { TestOrganisation.Admin, "/Accommodations/Card/{anna}", HttpStatusCode.NotFound },
        { TestOrganisation.MentorA, "/Accommodations/Group/{groupA}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerNorth, "/Accommodations/Group/{groupA}", HttpStatusCode.OK },
        { TestOrganisation.CoordinatorNorth, "/Accommodations/Group/{groupA}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerC, "/Accommodations/Group/{groupSouth}", HttpStatusCode.OK },
        { TestOrganisation.CareWorkerSouth, "/Accommodations/Group/{groupSouth}", HttpStatusCode.OK },
        { TestOrganisation.MentorB, "/Accommodations/Group/{groupA}", HttpStatusCode.NotFound },
        { TestOrganisation.MentorA, "/Accommodations/Group/{groupSouth}", HttpStatusCode.NotFound },
        { TestOrganisation.CareWorkerSouth, "/Accommodations/Group/{groupA}", HttpStatusCode.NotFound },
        { TestOrganisation.CoordinatorNorth, "/Accommodations/Group/{groupSouth}", HttpStatusCode.NotFound },
        { TestOrganisation.SchoolLeader, "/Accommodations/Group/{groupA}", HttpStatusCode.NotFound },
        { TestOrganisation.Admin, "/Accommodations/Group/{groupA}", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Each_screen_opens_for_those_who_may_and_answers_404_to_everyone_else(string email, string template,
        HttpStatusCode expected)
    {
        var acc = await AnnaAsync();
        var client = await Fixture.ClientForAsync(email);
        var url = template
            .Replace("{anna}", Id(Org.Pupils["Anna"]), StringComparison.Ordinal)
            .Replace("{sem}", Id(Org.Pupils["Sem"]), StringComparison.Ordinal)
            .Replace("{groupA}", Id(Org.GroupA), StringComparison.Ordinal)
            .Replace("{groupSouth}", Id(Org.GroupSouth), StringComparison.Ordinal)
            .Replace("{acc}", Id(acc), StringComparison.Ordinal);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    public async Task The_teachers_group_overview_shows_the_accommodation_but_no_ground_and_no_care_text(string email)
    {
        await AnnaAsync();
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync($"/Accommodations/Group/{Id(Org.GroupA)}");

        Assert.Contains("Faciliteiten in mentorgroep 1A", html, StringComparison.Ordinal);
        Assert.Contains("Anna de Jong", html, StringComparison.Ordinal);
        Assert.Contains(TeacherDetail, html, StringComparison.Ordinal);
        Assert.Contains("Extra tijd", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        AssertNoCareData(html);
        // Only what is valid today: not the expired or the withdrawn one.
        Assert.DoesNotContain("Oude voorleessoftware", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingetrokken laptop", html, StringComparison.Ordinal);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read
            && a.SubjectType == "AccommodationGroupOverview" && a.PupilId == Org.Pupils["Anna"]
            && a.UserId == Org.UserIds[email])));
    }

    [Theory]
    [InlineData(TestOrganisation.MentorA)]
    [InlineData(TestOrganisation.CareWorkerNorth)]
    public async Task The_faciliteitenpas_shows_school_group_and_current_accommodations_but_no_ground_and_no_care_text(string email)
    {
        await AnnaAsync();
        var client = await Fixture.ClientForAsync(email);

        var html = await client.GetPageAsync($"/Accommodations/Card/{Id(Org.Pupils["Anna"])}");

        Assert.Contains("Faciliteitenpas", html, StringComparison.Ordinal);
        Assert.Contains("Locatie Noord", html, StringComparison.Ordinal);
        Assert.Contains("Anna de Jong", html, StringComparison.Ordinal);
        Assert.Contains("1A", html, StringComparison.Ordinal);
        Assert.Contains("2026-2027", html, StringComparison.Ordinal);
        Assert.Contains(TeacherDetail, html, StringComparison.Ordinal);
        Assert.Contains(Today.AddDays(200).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("/js/print.js", html, StringComparison.Ordinal);
        AssertNoCareData(html);
        Assert.DoesNotContain("Ingetrokken laptop", html, StringComparison.Ordinal);
        Assert.True(await Fixture.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read
            && a.SubjectType == "AccommodationCard" && a.PupilId == Org.Pupils["Anna"] && a.UserId == Org.UserIds[email])));
    }

    private static void AssertNoCareData(string html)
    {
        Assert.DoesNotContain(SecretGround, html, StringComparison.Ordinal);
        Assert.DoesNotContain("GEHEIM-7781", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dyslexieverklaring", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hulpvraag over Anna", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Gesprekken gevoerd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sociaal-emotioneel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Zorg Noord", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/Referrals/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_based_on_an_outdated_version_is_refused_and_the_colleagues_change_stays()
    {
        var id = await SeedAsync("Bram", TestOrganisation.CareWorkerNorth, new AccommodationTerms(AccommodationKind.QuietRoom,
            "Toetsen in lokaal 0.14", "Advies orthopedagoog", null, Today.AddDays(-10), Today.AddDays(100)));
        var seen = await Fixture.QueryAsync(db => db.Accommodations.AsNoTracking().Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var colleague = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var first = await colleague.PostFormAsync($"/Accommodations/Edit/{Id(id)}", $"/Accommodations/Edit/{Id(id)}",
            [.. Form(kind: "QuietRoom", detail: "Toetsen in lokaal 0.16", ground: "Advies orthopedagoog", from: Today.AddDays(-10), until: Today.AddDays(100)),
                new("Version", seen.ToString())]);
        var late = await client.PostFormAsync($"/Accommodations/Edit/{Id(id)}", $"/Accommodations/Edit/{Id(id)}",
            [.. Form(kind: "QuietRoom", detail: "Toetsen in de mediatheek", ground: "Advies orthopedagoog", from: Today.AddDays(-10), until: Today.AddDays(100)),
                new("Version", seen.ToString())]);
        var lateWithdrawal = await client.PostFormAsync($"/Accommodations/Edit/{Id(id)}", $"/Accommodations/Withdraw/{Id(id)}",
            [new("WithdrawOn", Iso(Today)), new("Version", seen.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Iemand anders heeft deze faciliteit intussen gewijzigd.", await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Contains("Iemand anders heeft deze faciliteit intussen gewijzigd.",
            await lateWithdrawal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var saved = await Fixture.QueryAsync(db => db.Accommodations.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("Toetsen in lokaal 0.16", saved.Detail);
        Assert.Null(saved.EndedOn);
    }

    [Fact]
    public async Task A_care_worker_changes_and_then_withdraws_an_accommodation()
    {
        var id = await SeedAsync("Carmen", TestOrganisation.CareWorkerNorth, new AccommodationTerms(AccommodationKind.Laptop,
            "Laptop bij schrijftoetsen", "Advies ergotherapeut", null, Today.AddDays(-10), Today.AddDays(100)));
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var changed = await client.PostFormAsync($"/Accommodations/Edit/{Id(id)}", $"/Accommodations/Edit/{Id(id)}",
            Form(kind: "Laptop", detail: "Laptop bij alle toetsen", ground: "Advies ergotherapeut", from: Today.AddDays(-10), until: Today.AddDays(120)));
        var tooEarly = await client.PostFormAsync($"/Accommodations/Edit/{Id(id)}", $"/Accommodations/Withdraw/{Id(id)}",
            [new("WithdrawOn", Iso(Today.AddDays(-11)))]);
        var withdrawn = await client.PostFormAsync($"/Accommodations/Edit/{Id(id)}", $"/Accommodations/Withdraw/{Id(id)}",
            [new("WithdrawOn", Iso(Today.AddDays(1)))]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Een faciliteit kan niet worden ingetrokken voor de dag waarop ze ingaat.",
            await tooEarly.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var saved = await Fixture.QueryAsync(db => db.Accommodations.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal("Laptop bij alle toetsen", saved.Detail);
        Assert.Equal(Today.AddDays(120), saved.ValidUntil);
        Assert.Equal(Today.AddDays(1), saved.EndedOn);
        Assert.Equal(2, await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditAction.Update && a.SubjectType == "Accommodation" && a.SubjectId == Id(id))));

        var edit = await client.GetPageAsync($"/Accommodations/Edit/{Id(id)}");
        Assert.Contains("kan niet meer worden gewijzigd", edit, StringComparison.Ordinal);
        var refused = await client.PostFormAsync($"/Accommodations/Edit/{Id(id)}", $"/Accommodations/Withdraw/{Id(id)}",
            [new("WithdrawOn", Iso(Today))]);
        Assert.Contains("Deze faciliteit is al ingetrokken.", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_cannot_change_or_withdraw_and_nothing_changes()
    {
        var acc = await AnnaAsync();
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var change = await mentor.PostFormAsync("/", $"/Accommodations/Edit/{Id(acc)}", Form(detail: "Door de mentor veranderd"));
        var withdraw = await mentor.PostFormAsync("/", $"/Accommodations/Withdraw/{Id(acc)}", [new("WithdrawOn", Iso(Today))]);
        var grant = await mentor.PostFormAsync("/", $"/Accommodations/Create?pupilId={Id(Org.Pupils["Anna"])}", Form());

        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode);
        var saved = await Fixture.QueryAsync(db => db.Accommodations.AsNoTracking().SingleAsync(a => a.Id == acc));
        Assert.Equal(TeacherDetail, saved.Detail);
        Assert.Null(saved.EndedOn);
    }

    [Fact]
    public async Task Expiry_signals_reach_the_granting_care_worker_and_the_coordinator_but_not_others_and_move_with_the_clock()
    {
        await SeedAsync("Bram", TestOrganisation.CareWorkerNorth, new AccommodationTerms(AccommodationKind.QuietRoom,
            "Toetsen in het stiltelokaal", "Advies orthopedagoog", null, Today.AddDays(-30), Today.AddDays(10)));
        await SeedAsync("Bram", TestOrganisation.CareWorkerNorth, new AccommodationTerms(AccommodationKind.ReadAloudSoftware,
            "Voorleessoftware later", "Verklaring die later verloopt", Today.AddDays(60), Today.AddDays(-30), Today.AddDays(300)));
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);

        var home = await worker.GetPageAsync("/");

        Assert.Contains("Faciliteiten die binnenkort verlopen", home, StringComparison.Ordinal);
        Assert.Contains($"Rustige ruimte: Toetsen in het stiltelokaal – loopt af: geldig tot en met {Nl(Today.AddDays(10))}", home,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Voorleessoftware later", home, StringComparison.Ordinal);
        Assert.Contains($"/Pupils/Details/{Id(Org.Pupils["Bram"])}#faciliteiten", home, StringComparison.Ordinal);

        var coordinator = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync("/");
        Assert.Contains("Toetsen in het stiltelokaal", coordinator, StringComparison.Ordinal);
        Assert.Contains("(Zorg Noord)", coordinator, StringComparison.Ordinal);
        foreach (var other in new[] { TestOrganisation.CareWorkerSouth, TestOrganisation.CareWorkerC, TestOrganisation.MentorA })
        {
            var page = await (await Fixture.ClientForAsync(other)).GetPageAsync("/");
            Assert.DoesNotContain("Toetsen in het stiltelokaal", page, StringComparison.Ordinal);
        }

        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        try
        {
            // Twenty days on, today's session has expired: sign in again.
            using var workerLater = await Fixture.SignInAsync(TestOrganisation.CareWorkerNorth);
            var later = await workerLater.GetPageAsync("/");
            Assert.DoesNotContain("Toetsen in het stiltelokaal", later, StringComparison.Ordinal);
            Assert.Contains($"Voorleessoftware: Voorleessoftware later – verklaring verloopt op {Nl(Today.AddDays(40))}", later,
                StringComparison.Ordinal);
        }
        finally
        {
            Fixture.Clock.Advance(TimeSpan.FromDays(-20));
        }
    }

    [Fact]
    public async Task The_home_page_shows_the_first_expiry_signals_and_the_rest_are_on_a_paged_list_without_pupils_who_left()
    {
        var (stays, left) = await Fixture.QueryAsync(async db =>
        {
            var north = await db.Locations.SingleAsync(l => l.Id == Org.NorthId);
            var stays = new Pupil("T9001", new PersonName("Signe", null, "Veel"), new DateOnly(2012, 5, 1), north);
            var left = new Pupil("T9002", new PersonName("Vera", null, "Vertrokken"), new DateOnly(2012, 5, 1), north);
            left.MarkLeft(Today.AddDays(-1));
            db.Pupils.AddRange(stays, left);
            await db.SaveChangesAsync();
            return (stays.Id, left.Id);
        });
        // Granted by the coordinator, so the care worker's own signals in the other test stay as they are.
        var granter = Org.UserIds[TestOrganisation.CoordinatorNorth];
        await Fixture.QueryAsync(async db =>
        {
            db.Accommodations.AddRange(Enumerable.Range(1, 10).Select(i => new Accommodation(stays, new AccommodationTerms(AccommodationKind.Other,
                $"Afspraak nummer {i:00}", "Advies", null, Today.AddDays(-30), Today.AddDays(40)), granter, Fixture.Clock.GetUtcNow())));
            db.Accommodations.Add(new Accommodation(left, new AccommodationTerms(AccommodationKind.Laptop, "Laptop van vertrokken leerling",
                "Advies", null, Today.AddDays(-30), Today.AddDays(20)), granter, Fixture.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var home = await coordinator.GetPageAsync("/");
        var list = await coordinator.GetPageAsync("/Accommodations/Expiring");
        var mentor = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetAsync(new Uri("/Accommodations/Expiring", UriKind.Relative),
            TestContext.Current.CancellationToken);

        Assert.InRange(System.Text.RegularExpressions.Regex.Count(home, "Afspraak nummer"), 1, 8);
        Assert.Contains("verlopende faciliteiten bekijken", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Laptop van vertrokken leerling", home, StringComparison.Ordinal);
        for (var i = 1; i <= 10; i++)
        {
            Assert.Contains($"Afspraak nummer {i:00}", list, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Laptop van vertrokken leerling", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, mentor.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", mentor.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Accommodations/Card/999999")]
    [InlineData("/Accommodations/Group/999999")]
    [InlineData("/Accommodations/Edit/999999")]
    [InlineData("/Accommodations/Create?pupilId=999999")]
    public async Task Ids_that_do_not_exist_answer_404(string url)
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class AccommodationTests_Sqlite(SqlitePortalFixture fixture) : AccommodationTests<SqlitePortalFixture>(fixture);

public sealed class AccommodationTests_PostgreSql(PostgreSqlPortalFixture fixture) : AccommodationTests<PostgreSqlPortalFixture>(fixture);

public sealed class AccommodationTests_SqlServer(SqlServerPortalFixture fixture) : AccommodationTests<SqlServerPortalFixture>(fixture);
