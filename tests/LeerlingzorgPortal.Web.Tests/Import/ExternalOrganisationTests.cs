using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.Import;

/// <summary>The admin's list of external organisations, offered when a care worker refers a pupil.</summary>
public abstract class ExternalOrganisationTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private const string Page = "/Admin/ExternalOrganisations";

    [Fact]
    public async Task The_admin_adds_an_organisation_that_care_workers_are_offered_until_it_is_taken_out_of_use()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        var name = $"Wijkteam {Guid.NewGuid():N}"[..17];
        var referralId = await Fixture.SeedReferralAsync("Bram", TestOrganisation.MentorA, ReferralStatus.InProgress, TestOrganisation.CareWorkerNorth);
        var worker = await Fixture.ClientForAsync(TestOrganisation.CareWorkerNorth);
        var casePage = $"/Referrals/Details/{referralId.ToString(CultureInfo.InvariantCulture)}";

        await admin.PostFormAsync(Page, $"{Page}/Add", [new("name", name), new("kind", "Wijkteam")]);
        var offered = await worker.GetPageAsync(casePage);
        var id = await Fixture.QueryAsync(db => db.ExternalOrganisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
        await admin.PostFormAsync(Page, $"{Page}/SetActive/{id.ToString(CultureInfo.InvariantCulture)}", [new("active", "false")]);
        var notOffered = await worker.GetPageAsync(casePage);

        Assert.Contains($"<option value=\"{name}\">", offered, StringComparison.Ordinal);
        Assert.DoesNotContain(name, notOffered, StringComparison.Ordinal);
        Assert.Contains($"{name} (Wijkteam) (uit gebruik)", await admin.GetPageAsync(Page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Wijkteam", "Vul de naam van de instantie in.")]
    [InlineData("Zonder soort", "", "Kies het soort instantie.")]
    [InlineData("GGD Bestaand", "Ggd", "Deze instantie staat al in de lijst.")]
    public async Task Bad_input_gets_a_Dutch_message(string name, string kind, string message)
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);
        await admin.PostFormAsync(Page, $"{Page}/Add", [new("name", "GGD Bestaand"), new("kind", "Ggd")]);

        var response = await admin.PostFormAsync(Page, $"{Page}/Add", [new("name", name), new("kind", kind)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(message, await admin.GetPageAsync(Page), StringComparison.Ordinal);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.ExternalOrganisations.CountAsync(o => o.Name == "GGD Bestaand")));
    }

    [Theory]
    [InlineData(TestOrganisation.CoordinatorNorth)]
    [InlineData(TestOrganisation.CareWorkerC)]
    public async Task Only_the_admin_maintains_the_list(string email)
    {
        var client = await Fixture.ClientForAsync(email);

        var page = await client.GetAsync(new Uri(Page, UriKind.Relative), TestContext.Current.CancellationToken);
        var post = await client.PostFormAsync("/", $"{Page}/Add", [new("name", "Indringer"), new("kind", "Other")]);

        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.False(await Fixture.QueryAsync(db => db.ExternalOrganisations.AnyAsync(o => o.Name == "Indringer")));
    }

    [Fact]
    public async Task An_unknown_organisation_answers_404()
    {
        var admin = await Fixture.ClientForAsync(TestOrganisation.Admin);

        var response = await admin.PostFormAsync(Page, $"{Page}/SetActive/987654", [new("active", "false")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class ExternalOrganisationTests_Sqlite(SqlitePortalFixture fixture) : ExternalOrganisationTests<SqlitePortalFixture>(fixture);

public sealed class ExternalOrganisationTests_PostgreSql(PostgreSqlPortalFixture fixture) : ExternalOrganisationTests<PostgreSqlPortalFixture>(fixture);
