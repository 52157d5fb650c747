using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Organisation;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Features.Admin;

/// <summary>The functional administrator's screens: users, roles, workplaces and the organisation.</summary>
public abstract class AdminTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    public static TheoryData<string> NonAdmins => new()
    {
        TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerC,
        TestOrganisation.CoordinatorNorth, TestOrganisation.SchoolLeader,
    };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task Only_the_admin_reaches_the_admin_pages(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/Create", $"/Admin/Users/Edit/{Org.UserIds[TestOrganisation.MentorB]}", "/Admin/Organisation" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string> AdminPosts => new()
    {
        { TestOrganisation.CoordinatorNorth, "/Admin/Users/Create" },
        { TestOrganisation.CoordinatorNorth, "/Admin/Users/Edit/{mentorB}" },
        { TestOrganisation.CoordinatorNorth, "/Admin/Users/Reactivate/{mentorB}" },
        { TestOrganisation.CoordinatorNorth, "/Admin/Users/ResetPassword/{mentorB}" },
        { TestOrganisation.CareWorkerC, "/Admin/Users/ResetTwoFactor/{mentorB}" },
        { TestOrganisation.SchoolLeader, "/Admin/Organisation/CreateBoard" },
        { TestOrganisation.SchoolLeader, "/Admin/Organisation/AddLocation" },
        { TestOrganisation.CareWorkerC, "/Admin/Organisation/AddMentorGroup" },
        { TestOrganisation.MentorA, "/Admin/Users/Create" },
    };

    [Theory]
    [MemberData(nameof(AdminPosts))]
    public async Task Every_admin_post_refuses_a_non_admin(string email, string action)
    {
        var client = await Fixture.ClientForAsync(email);

        var response = await client.PostFormAsync("/", action.Replace("{mentorB}", Org.UserIds[TestOrganisation.MentorB], StringComparison.Ordinal),
            [new("Name", "Indringer"), new("Code", "X"), new("DisplayName", "Indringer"), new("Roles", "Admin")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_board_is_refused()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/CreateBoard", [new("Name", "Tweede stichting")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Er is al een stichting vastgelegd.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task A_non_admin_cannot_post_to_the_admin_pages(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        var response = await client.PostFormAsync("/", $"/Admin/Users/Deactivate/{Org.UserIds[TestOrganisation.MentorB]}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var mentorB = Org.UserIds[TestOrganisation.MentorB];
        Assert.True(await Fixture.QueryAsync(db => db.StaffMembers.Where(s => s.Id == mentorB).Select(s => s.IsActive)
            .SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_admin_sees_every_account_with_roles_and_locations()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var html = await client.GetPageAsync("/Admin/Users?search=zorg");

        Assert.Contains("Zorg Noord", html, StringComparison.Ordinal);
        Assert.Contains("Medewerker leerlingzorg a", html, StringComparison.Ordinal);
        Assert.Contains("Locatie Zuid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mentor A", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_account_can_sign_in_with_its_roles_and_groups()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var email = $"nieuw-{Guid.NewGuid():N}@test.example";

        var response = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
        [
            new("Email", email), new("DisplayName", "Nieuwe Mentor"), new("Password", "NieuwWachtwoord1"),
            new("ConfirmPassword", "NieuwWachtwoord1"), new("Roles", "Mentor"), new("Roles", "CareWorkerA"),
            new("LocationIds", Org.NorthId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("MentorGroupIds", Org.GroupB.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$",
            TwoFactorSteps.EnrolmentCodeFrom(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        using var newcomer = await Fixture.SignInAsync(email, "NieuwWachtwoord1");
        var first = await newcomer.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("/Account/Password", first.Headers.Location!.OriginalString);
        var changed = await newcomer.PostFormAsync("/Account/Password", "/Account/Password",
            [new("CurrentPassword", "NieuwWachtwoord1"), new("NewPassword", "EigenGekozenZin7"), new("ConfirmPassword", "EigenGekozenZin7")]);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var home = await newcomer.GetPageAsync("/");
        Assert.Contains("Welkom, Nieuwe Mentor", home, StringComparison.Ordinal);
        Assert.Contains("Medewerker leerlingzorg a", home, StringComparison.Ordinal);
        Assert.Contains(">2B</a>", home, StringComparison.Ordinal);
        Assert.Equal(1, await CountAuditAsync(AuditAction.Create, await IdOfAsync(email)));
    }

    [Fact]
    public async Task Bad_input_on_create_gets_Dutch_messages_and_keeps_what_was_typed()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
        [
            new("Email", "geen-adres"), new("DisplayName", ""), new("Password", "kort"), new("ConfirmPassword", "anders"),
            new("Roles", "Mentor"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Vul een geldig e-mailadres in.", html, StringComparison.Ordinal);
        Assert.Contains("Vul de naam in.", html, StringComparison.Ordinal);
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", html, StringComparison.Ordinal);
        Assert.Contains("Kies minstens één locatie", html, StringComparison.Ordinal);
        Assert.Contains("Kies minstens één mentorgroep voor een mentor.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"geen-adres\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passphrase_of_plain_words_is_accepted_as_a_password_but_eleven_characters_are_not()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var passphrase = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
            CreateForm($"zin-{Guid.NewGuid():N}@test.example", "paarse fiets op het dak"));
        var short11 = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
            CreateForm($"kort-{Guid.NewGuid():N}@test.example", "Kx7#pq9Lm2z"));

        Assert.Equal(HttpStatusCode.OK, passphrase.StatusCode);
        Assert.Contains("data-testid=\"enrolment-code\"",
            await passphrase.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Het wachtwoord moet minstens 12 tekens lang zijn.",
            await short11.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_or_a_used_email_is_refused_in_Dutch()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var weak = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
            CreateForm($"zwak-{Guid.NewGuid():N}@test.example", "Wachtwoord2026!"));
        var used = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
            CreateForm(TestOrganisation.MentorA, "GoedWachtwoord1"));

        var weakHtml = await weak.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Dit wachtwoord is te voorspelbaar", weakHtml, StringComparison.Ordinal);
        Assert.Contains("Er bestaat al een account met dit e-mailadres.",
            await used.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mentor_group_at_a_location_not_chosen_is_refused()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var form = CreateForm($"grp-{Guid.NewGuid():N}@test.example", "GoedWachtwoord1");
        form.Add(new("Roles", "Mentor"));
        form.Add(new("MentorGroupIds", Org.GroupSouth.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var response = await client.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mentorgroep 3C hoort bij een locatie die niet is gekozen",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_changes_name_roles_and_workplaces()
    {
        var (_, id) = await Fixture.NewAccountAsync(StaffRole.CareWorkerA);
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await client.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
            EditForm(await VersionOfAsync(id), "Hernoemd", "CareWorkerB", Org.SouthId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetPageAsync($"/Admin/Users/Edit/{id}");
        Assert.Contains("De wijzigingen zijn opgeslagen.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"CareWorkerB\" id=\"role-CareWorkerB\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"CareWorkerA\" id=\"role-CareWorkerA\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_admin_saving_an_old_version_gets_a_conflict_and_overwrites_nothing()
    {
        var (_, id) = await Fixture.NewAccountAsync(StaffRole.CareWorkerA);
        var client = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var seen = await VersionOfAsync(id);
        await client.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
            EditForm(seen, "Eerste Beheerder", "CareWorkerA", Org.NorthId));

        var second = await client.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}",
            EditForm(seen, "Tweede Beheerder", "CareWorkerA", Org.NorthId));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Iemand anders heeft deze medewerker intussen gewijzigd.", html, StringComparison.Ordinal);
        Assert.Contains("Naam: Eerste Beheerder", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Tweede Beheerder\"", html, StringComparison.Ordinal);
        Assert.Equal("Eerste Beheerder", await Fixture.QueryAsync(db => db.StaffMembers.Where(s => s.Id == id)
            .Select(s => s.DisplayName).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Deactivating_ends_open_sessions_and_blocks_sign_in()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.CareWorkerA);
        using var victim = await Fixture.SignInAsync(email);
        await victim.GetPageAsync("/");
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Deactivate/{id}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await victim.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var again = Fixture.AnonymousClient();
        var login = await again.PostFormAsync("/Account/Login", "/Account/Login",
            [new("Email", email), new("Password", TestOrganisation.Password)]);
        Assert.Contains("Dit account is geblokkeerd", await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        Assert.Equal(1, await CountAuditAsync(AuditAction.Deactivate, id));
    }

    [Fact]
    public async Task A_reactivated_account_can_sign_in_again()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Deactivate/{id}", []);

        await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Reactivate/{id}", []);

        using var client = await Fixture.SignInAsync(email);
        Assert.Contains("Welkom", await client.GetPageAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_cannot_deactivate_their_own_account()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var id = Org.UserIds[TestOrganisation.Admin];

        await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Deactivate/{id}", []);

        var html = await admin.GetPageAsync($"/Admin/Users/Edit/{id}");
        Assert.Contains("Je kunt je eigen account niet deactiveren.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_reset_replaces_the_old_password_and_ends_sessions()
    {
        var (email, id) = await Fixture.NewAccountAsync(StaffRole.Mentor);
        using var victim = await Fixture.SignInAsync(email);
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await admin.PostFormAsync($"/Admin/Users/ResetPassword/{id}", $"/Admin/Users/ResetPassword/{id}",
            [new("Password", "VolledigNieuw2"), new("ConfirmPassword", "VolledigNieuw2")]);

        // No authenticator app yet: a fresh enrolment code comes with the new password, shown once.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        TwoFactorSteps.EnrolmentCodeFrom(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await victim.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        using var fresh = await Fixture.SignInAsync(email, "VolledigNieuw2");
        Assert.Equal(1, await CountAuditAsync(AuditAction.PasswordReset, id));
    }

    [Fact]
    public async Task Resetting_two_factors_of_an_unknown_account_answers_404()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await admin.PostFormAsync("/Admin/Users", "/Admin/Users/ResetTwoFactor/bestaat-niet", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/Admin/Users/Edit/bestaat-niet")]
    [InlineData("/Admin/Users/ResetPassword/bestaat-niet")]
    public async Task Unknown_account_ids_answer_404(string url)
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        await admin.GetPageAsync(url, HttpStatusCode.NotFound);
        var post = await admin.PostFormAsync("/Admin/Users", "/Admin/Users/Deactivate/bestaat-niet", []);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task The_admin_adds_a_location_and_a_mentor_group()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var code = $"L{Guid.NewGuid():N}"[..8];

        var added = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/AddLocation",
            [new("Name", "Locatie Oost"), new("Code", code)]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var duplicate = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/AddLocation",
            [new("Name", "Locatie Oost bis"), new("Code", code)]);
        Assert.Contains($"Er bestaat al een locatie met code {code.ToUpperInvariant()}.",
            await duplicate.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var group = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/AddMentorGroup",
        [
            new("LocationId", Org.NorthId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Name", $"G{code[..4]}"), new("SchoolYearStart", "2026"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, group.StatusCode);
        var html = await admin.GetPageAsync("/Admin/Organisation");
        Assert.Contains("Locatie Oost", html, StringComparison.Ordinal);
        Assert.Contains($"G{code[..4]} (2026-2027", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_organisation_input_gets_Dutch_messages()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var location = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/AddLocation",
            [new("Name", ""), new("Code", "met spatie")]);
        var group = await admin.PostFormAsync("/Admin/Organisation", "/Admin/Organisation/AddMentorGroup",
            [new("LocationId", "999999"), new("Name", "1A"), new("SchoolYearStart", "2026")]);

        var html = await location.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Vul de naam van de locatie in.", html, StringComparison.Ordinal);
        Assert.Contains("De code bestaat alleen uit letters, cijfers en streepjes.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"met spatie\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, group.StatusCode);
    }

    private List<KeyValuePair<string, string>> CreateForm(string email, string password) =>
    [
        new("Email", email), new("DisplayName", "Test"), new("Password", password), new("ConfirmPassword", password),
        new("Roles", "CareWorkerA"), new("LocationIds", Org.NorthId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private static List<KeyValuePair<string, string>> EditForm(Guid version, string name, string role, int locationId) =>
    [
        new("Version", version.ToString()), new("DisplayName", name), new("Roles", role),
        new("LocationIds", locationId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    private async Task<Guid> VersionOfAsync(string id)
    {
        return await Fixture.QueryAsync(db => db.StaffMembers.Where(s => s.Id == id).Select(s => s.Version).SingleAsync(TestContext.Current.CancellationToken));
    }

    private async Task<string> IdOfAsync(string email)
    {
        return await Fixture.QueryAsync(db => db.StaffMembers.Where(s => s.Email == email).Select(s => s.Id).SingleAsync(TestContext.Current.CancellationToken));
    }

    private async Task<int> CountAuditAsync(AuditAction action, string subjectId)
    {
        return await Fixture.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.SubjectId == subjectId,
            TestContext.Current.CancellationToken));
    }
}

public sealed class AdminTests_Sqlite(SqlitePortalFixture fixture) : AdminTests<SqlitePortalFixture>(fixture);

public sealed class AdminTests_PostgreSql(PostgreSqlPortalFixture fixture) : AdminTests<PostgreSqlPortalFixture>(fixture);

public sealed class AdminTests_SqlServer(SqlServerPortalFixture fixture) : AdminTests<SqlServerPortalFixture>(fixture);
