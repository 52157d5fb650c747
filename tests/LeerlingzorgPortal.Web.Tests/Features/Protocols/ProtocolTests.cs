using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Protocols;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Protocols;

/// <summary>
/// Protocols: every staff member reads them, the coordinator and care workers b and c write them,
/// versions stay readable, hostile Markdown renders inert, and an overdue review is signalled.
/// </summary>
public abstract class ProtocolTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string BullyingTitle = "Pestprotocol";

    public static TheoryData<string> Everyone => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerSouth, TestOrganisation.CareWorkerC,
        TestOrganisation.CoordinatorNorth, TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    /// <summary>They read protocols but may not write them.</summary>
    public static TheoryData<string> ReadersOnly => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.SchoolLeader, TestOrganisation.Admin,
    };

    /// <summary>Coordinator, care worker b (South) and care worker c.</summary>
    public static TheoryData<string> Maintainers => new()
    {
        TestOrganisation.CareWorkerSouth, TestOrganisation.CareWorkerC, TestOrganisation.CoordinatorNorth,
    };

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Every_staff_member_reads_the_list_a_protocol_and_its_older_versions(string email)
    {
        var (bullying, _) = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var list = await client.GetPageAsync("/Protocols");
        var details = await client.GetPageAsync($"/Protocols/{bullying}");
        var first = await client.GetPageAsync($"/Protocols/{bullying}/Versions/1");

        Assert.Contains(BullyingTitle, list, StringComparison.Ordinal);
        Assert.Contains("Pesten", details, StringComparison.Ordinal);
        Assert.Contains("Coördinator Noord", details, StringComparison.Ordinal);
        Assert.Contains("Wij pesten niet.", first, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadersOnly))]
    public async Task Readers_without_a_maintaining_role_are_refused_every_writing_screen(string email)
    {
        var (bullying, _) = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);
        var before = await SnapshotAsync(bullying);

        foreach (var url in new[] { "/Protocols/Create", $"/Protocols/{bullying}/Edit", $"/Protocols/{bullying}/Assign" })
        {
            var page = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            AssertAccessDenied(page);
        }

        var token = await TokenAsync(bullying);
        foreach (var url in new[] { "/Protocols/Create", $"/Protocols/{bullying}/Edit", $"/Protocols/{bullying}/Assign", $"/Protocols/{bullying}/SetActive" })
        {
            var post = await client.PostFormAsync("/Protocols", url,
            [
                new("Topic", "Other"), new("Title", "Indringer"), new("Body", "Overschreven"), new("OwnerId", Org.UserIds[email]),
                new("ReviewOn", "2027-06-01"), new("ConcurrencyToken", token.ToString()), new("concurrencyToken", token.ToString()),
                new("active", "false"),
            ]);
            AssertAccessDenied(post);
        }

        Assert.Equal(before, await SnapshotAsync(bullying));
        Assert.False(await Fixture.QueryAsync(db => db.ProtocolVersions.AnyAsync(v => v.Title == "Indringer", TestContext.Current.CancellationToken)));
    }

    [Theory]
    [MemberData(nameof(ReadersOnly))]
    public async Task Readers_without_a_maintaining_role_see_no_writing_buttons(string email)
    {
        var (bullying, _) = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        var list = await client.GetPageAsync("/Protocols");
        var details = await client.GetPageAsync($"/Protocols/{bullying}");

        Assert.DoesNotContain("Nieuw protocol", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Nieuwe versie schrijven", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Uit gebruik nemen", details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Maintainers))]
    public async Task Maintainers_open_every_writing_screen(string email)
    {
        var (bullying, _) = await SeedAsync();
        var client = await Fixture.ClientForAsync(email);

        Assert.Contains("Nieuw protocol", await client.GetPageAsync("/Protocols"), StringComparison.Ordinal);
        Assert.Contains("Onderwerp", await client.GetPageAsync("/Protocols/Create"), StringComparison.Ordinal);
        Assert.Contains("Nieuwe versie schrijven</h1>", await client.GetPageAsync($"/Protocols/{bullying}/Edit"), StringComparison.Ordinal);
        Assert.Contains("Evalueren uiterlijk op", await client.GetPageAsync($"/Protocols/{bullying}/Assign"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Maintainers))]
    public async Task Maintainers_create_a_protocol_that_starts_at_version_1(string email)
    {
        var client = await Fixture.ClientForAsync(email);
        var title = $"Protocol schoolreis {Guid.NewGuid():N}";

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create", CreateForm(title, "## Vertrek\n\nOm **8 uur** bij school."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Het protocol is opgeslagen (versie 1).", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Vertrek</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>8 uur</strong>", html, StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ProtocolVersions.CountAsync(v => v.Title == title, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_protocol_without_title_gets_a_Dutch_message_and_nothing_is_saved()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var body = $"Tekst zonder titel {Guid.NewGuid():N}";
        var form = CreateForm("", body);

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Geef het protocol een titel.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.ProtocolVersions.AnyAsync(v => v.Body == body, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_next_to_the_fields()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create",
            [new("Topic", ""), new("Title", new string('a', 201)), new("Body", ""), new("OwnerId", ""), new("ReviewOn", "2026-11-21")]);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies het onderwerp.", html, StringComparison.Ordinal);
        Assert.Contains("De titel is hoogstens 200 tekens lang.", html, StringComparison.Ordinal);
        Assert.Contains("Schrijf de tekst van het protocol.", html, StringComparison.Ordinal);
        Assert.Contains("Kies een eigenaar.", html, StringComparison.Ordinal);
        Assert.Contains("De evaluatiedatum kan niet in het verleden liggen.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_do_not_bind_get_Dutch_messages_not_the_framework_s_English_ones()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create",
            [new("Topic", "Geen"), new("Title", "Titel"), new("Body", "Tekst"), new("OwnerId", Org.UserIds[TestOrganisation.CoordinatorNorth]),
             new("ReviewOn", "morgen")]);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Kies het onderwerp.", html, StringComparison.Ordinal);
        Assert.Contains("Vul de evaluatiedatum in.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_without_a_maintaining_role_is_refused()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var title = $"Protocol {Guid.NewGuid():N}";
        var form = CreateForm(title, "Tekst").Where(f => f.Key != "OwnerId").Append(new("OwnerId", Org.UserIds[TestOrganisation.MentorA]));

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create", form);

        Assert.Contains("Kies als eigenaar een zorgcoördinator of een medewerker leerlingzorg b of c.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.ProtocolVersions.AnyAsync(v => v.Title == title, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_second_active_protocol_on_a_named_topic_is_refused_with_a_message_naming_the_first()
    {
        await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);
        var form = CreateForm("Tweede pestprotocol", "Tekst").Where(f => f.Key != "Topic").Append(new("Topic", "Bullying"));

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create", form);

        Assert.Contains($"Er is al een actief protocol over pesten: “{BullyingTitle}”.",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.Protocols.CountAsync(p => p.Topic == ProtocolTopic.Bullying, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Hostile_markdown_is_kept_as_written_and_rendered_inert()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        const string hostile = """
            <script>alert('xss')</script>

            <img src=x onerror=alert(1)>

            [klik](javascript:alert(1)) [klik2](JaVaScRiPt:alert(2)) [klik3](java&#x73;cript:alert(3))
            [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![plaatje](javascript:alert(4)) <javascript:alert(5)>
            """;

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create", CreateForm("Vijandig protocol", hostile));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        var body = html[html.IndexOf("data-testid=\"protocol-body\"", StringComparison.Ordinal)..html.IndexOf("</article>", StringComparison.Ordinal)];

        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", body, StringComparison.Ordinal);
        Assert.Contains("klik2", body, StringComparison.Ordinal);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(hostile, await Fixture.QueryAsync(db => db.ProtocolVersions.Where(v => v.ProtocolId == id).Select(v => v.Body)
            .SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Editing_adds_version_2_and_version_1_stays_readable_as_an_old_version()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerSouth);
        var id = await CreateViaFormAsync(client, "Protocol excursies", "Eerste tekst van de excursies.");

        var saved = await client.PostFormAsync($"/Protocols/{id}/Edit", $"/Protocols/{id}/Edit",
        [
            new("Title", "Protocol excursies en werkweken"), new("Body", "Tweede tekst, nu met werkweken."),
            new("ChangeNote", "Werkweken toegevoegd"), new("ConcurrencyToken", (await TokenAsync(id)).ToString()), new("BaseNumber", "1"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var current = await client.GetPageAsync($"/Protocols/{id}");
        Assert.Contains("De nieuwe versie is opgeslagen (versie 2).", current, StringComparison.Ordinal);
        Assert.Contains("Tweede tekst, nu met werkweken.", current, StringComparison.Ordinal);
        Assert.Contains("Werkweken toegevoegd", current, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Protocols/{id}/Versions/1\"", current, StringComparison.Ordinal);
        var old = await client.GetPageAsync($"/Protocols/{id}/Versions/1");
        Assert.Contains("Eerste tekst van de excursies.", old, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"old-version\"", old, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Protocols/{id}\"", old, StringComparison.Ordinal);
        Assert.Equal([1, 2], await Fixture.QueryAsync(db => db.ProtocolVersions.Where(v => v.ProtocolId == id).OrderBy(v => v.Number)
            .Select(v => v.Number).ToListAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_stale_version_token_is_refused_with_a_Dutch_message_and_the_text_is_kept()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CareWorkerC);
        var id = await CreateViaFormAsync(client, "Protocol gelijktijdig", "Begintekst.");
        var stale = await TokenAsync(id);
        await client.PostFormAsync($"/Protocols/{id}/Edit", $"/Protocols/{id}/Edit",
            [new("Title", "Protocol gelijktijdig"), new("Body", "Eerst opgeslagen."), new("ConcurrencyToken", stale.ToString())]);

        var response = await client.PostFormAsync($"/Protocols/{id}/Edit", $"/Protocols/{id}/Edit",
            [new("Title", "Protocol gelijktijdig"), new("Body", "Later opgeslagen."), new("ConcurrencyToken", stale.ToString())]);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Iemand anders heeft dit protocol intussen gewijzigd.", html, StringComparison.Ordinal);
        Assert.Contains("Later opgeslagen.", html, StringComparison.Ordinal);
        Assert.Equal(2, await Fixture.QueryAsync(db => db.ProtocolVersions.CountAsync(v => v.ProtocolId == id, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_preview_renders_the_markdown_without_saving()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var title = $"Voorbeeld {Guid.NewGuid():N}";

        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create",
            CreateForm(title, "Dit is **vet**.").Append(new("preview", "true")));

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"protocol-preview\"><p>Dit is <strong>vet</strong>.</p>", html, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.ProtocolVersions.AnyAsync(v => v.Title == title, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_topic_link_leads_to_the_newest_version_of_the_active_protocol()
    {
        var (bullying, _) = await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var sentence = $"Nieuwe afspraak {Guid.NewGuid():N}.";
        await client.PostFormAsync($"/Protocols/{bullying}/Edit", $"/Protocols/{bullying}/Edit",
            [new("Title", BullyingTitle), new("Body", sentence), new("ConcurrencyToken", (await TokenAsync(bullying)).ToString())]);
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var response = await mentor.GetAsync(new Uri("/Protocols/Topic/Bullying", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Protocols/{bullying}", response.Headers.Location!.OriginalString);
        Assert.Contains(sentence, await mentor.GetPageAsync(response.Headers.Location.OriginalString), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Protocols/Topic/SupportProfile")]
    [InlineData("/Protocols/Topic/Other")]
    [InlineData("/Protocols/Topic/Onbekend")]
    [InlineData("/Protocols/Topic/0")]
    [InlineData("/Protocols/Topic/Bullying,Meldcode")]
    [InlineData("/Protocols/999999")]
    [InlineData("/Protocols/999999/Versions/1")]
    [InlineData("/Protocols/999999/Print")]
    [InlineData("/Protocols/{bullying}/Versions/99")]
    [InlineData("/Protocols/{bullying}/Versions/0")]
    public async Task A_topic_protocol_or_version_that_does_not_exist_answers_404(string url)
    {
        var (bullying, _) = await SeedAsync();
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        await client.GetPageAsync(url.Replace("{bullying}", bullying.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_incident_form_and_the_meldcode_pages_link_to_their_protocols()
    {
        await SeedAsync();
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);

        var incident = await mentor.GetPageAsync("/Incidents/Create");
        var meldcode = await coordinator.GetPageAsync("/Meldcode");

        Assert.Contains($"<a href=\"/Protocols/Topic/Bullying\">{BullyingTitle}</a>", incident, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Protocols/Topic/Meldcode\">Meldcodeprotocol</a>", meldcode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_referral_form_links_to_the_absence_protocol()
    {
        await Fixture.OnceAsync("absence", () => SeedProtocolAsync(ProtocolTopic.Absence, "Verzuimprotocol", TestOrganisation.CoordinatorNorth,
            new DateOnly(2027, 8, 1)));
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var html = await mentor.GetPageAsync("/Referrals/Create");

        Assert.Contains("<a href=\"/Protocols/Topic/Absence\">Verzuimprotocol</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overdue_review_is_signalled_to_every_coordinator_and_to_the_owner_only()
    {
        var (_, meldcode) = await SeedAsync();

        var coordinator = await (await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth)).GetPageAsync("/");
        var owner = await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerSouth)).GetPageAsync("/");
        var workerC = await (await Fixture.ClientForAsync(TestOrganisation.CareWorkerC)).GetPageAsync("/");
        var mentor = await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync("/");

        Assert.Contains("data-testid=\"protocol-signals\"", coordinator, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Protocols/{meldcode}\">Meldcodeprotocol</a> – evalueren uiterlijk 01-11-2026", coordinator, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Protocols/{meldcode}\">Meldcodeprotocol</a>", owner, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"protocol-signals\"", workerC, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"protocol-signals\"", mentor, StringComparison.Ordinal);
        Assert.Contains("evaluatie verlopen", await (await Fixture.ClientForAsync(TestOrganisation.MentorA)).GetPageAsync("/Protocols"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_owner_and_review_date_end_the_signal_and_a_past_date_is_refused_in_Dutch()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var id = await SeedProtocolAsync(ProtocolTopic.Other, "Protocol achterstallig", TestOrganisation.CoordinatorNorth, new DateOnly(2026, 10, 1));
        Assert.Contains($"/Protocols/{id}\">Protocol achterstallig", await client.GetPageAsync("/"), StringComparison.Ordinal);

        var refused = await client.PostFormAsync($"/Protocols/{id}/Assign", $"/Protocols/{id}/Assign",
        [
            new("OwnerId", Org.UserIds[TestOrganisation.CareWorkerC]), new("ReviewOn", "2026-11-21"),
            new("ConcurrencyToken", (await TokenAsync(id)).ToString()),
        ]);
        Assert.Contains("De evaluatiedatum kan niet in het verleden liggen.", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);

        var saved = await client.PostFormAsync($"/Protocols/{id}/Assign", $"/Protocols/{id}/Assign",
        [
            new("OwnerId", Org.UserIds[TestOrganisation.CareWorkerC]), new("ReviewOn", "2027-11-22"),
            new("ConcurrencyToken", (await TokenAsync(id)).ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain($"/Protocols/{id}\">Protocol achterstallig", await client.GetPageAsync("/"), StringComparison.Ordinal);
        var row = await Fixture.QueryAsync(db => db.Protocols.AsNoTracking().SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken));
        Assert.Equal(Org.UserIds[TestOrganisation.CareWorkerC], row.OwnerId);
        Assert.Equal(new DateOnly(2027, 11, 22), row.ReviewOn);
    }

    [Fact]
    public async Task An_inactive_protocol_is_hidden_from_readers_and_marked_for_maintainers()
    {
        var coordinator = await Fixture.ClientForAsync(TestOrganisation.CoordinatorNorth);
        var mentor = await Fixture.ClientForAsync(TestOrganisation.MentorA);
        var title = $"Oud protocol {Guid.NewGuid():N}";
        var id = await SeedProtocolAsync(ProtocolTopic.Other, title, TestOrganisation.CoordinatorNorth, new DateOnly(2027, 1, 1));

        var response = await coordinator.PostFormAsync($"/Protocols/{id}", $"/Protocols/{id}/SetActive",
            [new("active", "false"), new("concurrencyToken", (await TokenAsync(id)).ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(title, await mentor.GetPageAsync("/Protocols"), StringComparison.Ordinal);
        await mentor.GetPageAsync($"/Protocols/{id}", HttpStatusCode.NotFound);
        Assert.Contains("niet in gebruik", await coordinator.GetPageAsync($"/Protocols/{id}"), StringComparison.Ordinal);
        Assert.Contains(title, await coordinator.GetPageAsync("/Protocols"), StringComparison.Ordinal);
    }

    private static void AssertAccessDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private List<KeyValuePair<string, string>> CreateForm(string title, string body) =>
    [
        new("Topic", "Other"), new("Title", title), new("Body", body), new("ChangeNote", "Eerste versie"),
        new("OwnerId", Org.UserIds[TestOrganisation.CoordinatorNorth]), new("ReviewOn", "2027-09-01"),
    ];

    private async Task<int> CreateViaFormAsync(HttpClient client, string title, string body)
    {
        var response = await client.PostFormAsync("/Protocols/Create", "/Protocols/Create", CreateForm(title, body));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>The bullying protocol (owner: the coordinator) and an overdue meldcode protocol (owner: care worker b, South).</summary>
    private Task<(int Bullying, int Meldcode)> SeedAsync() => Fixture.OnceAsync("protocols", async () =>
    {
        var bullying = await SeedProtocolAsync(ProtocolTopic.Bullying, BullyingTitle, TestOrganisation.CoordinatorNorth, new DateOnly(2027, 6, 1),
            "# Pestprotocol\n\nWij pesten niet.");
        var meldcode = await SeedProtocolAsync(ProtocolTopic.Meldcode, "Meldcodeprotocol", TestOrganisation.CareWorkerSouth, new DateOnly(2026, 11, 1));
        return (bullying, meldcode);
    });

    private async Task<int> SeedProtocolAsync(ProtocolTopic topic, string title, string ownerEmail, DateOnly reviewOn, string body = "Tekst.")
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var owner = Org.UserIds[ownerEmail];
        var protocol = new Protocol(topic, owner, reviewOn, new ProtocolText(title, body, null), owner, Fixture.Clock.GetUtcNow().AddDays(-100));
        db.Protocols.Add(protocol);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return protocol.Id;
    }

    private Task<Guid> TokenAsync(int id) =>
        Fixture.QueryAsync(db => db.Protocols.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(TestContext.Current.CancellationToken));

    private Task<string> SnapshotAsync(int id) => Fixture.QueryAsync(async db =>
    {
        var protocol = await db.Protocols.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == id, TestContext.Current.CancellationToken);
        return $"{protocol.Version}|{protocol.OwnerId}|{protocol.ReviewOn}|{protocol.IsActive}|{protocol.Versions.Count}";
    });
}

public sealed class ProtocolTests_Sqlite(SqlitePortalFixture fixture) : ProtocolTests<SqlitePortalFixture>(fixture);

public sealed class ProtocolTests_PostgreSql(PostgreSqlPortalFixture fixture) : ProtocolTests<PostgreSqlPortalFixture>(fixture);

public sealed class ProtocolTests_SqlServer(SqlServerPortalFixture fixture) : ProtocolTests<SqlServerPortalFixture>(fixture);
