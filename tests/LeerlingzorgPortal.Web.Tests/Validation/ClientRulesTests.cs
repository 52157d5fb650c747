using System.Net;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests.Validation;

/// <summary>
/// FluentValidation's client adapters (ADR 0041): the rules a browser can check are written into the form as
/// data-val-* attributes with the validator's own Dutch message, and the server still checks every post with
/// the same message; rules that depend on the pressed button stay server-side only.
/// </summary>
public abstract class ClientRulesTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task The_referral_form_carries_the_validators_Dutch_messages_for_the_browser()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var form = await client.GetPageAsync("/Referrals/Create");

        Assert.Matches("<select[^>]*data-val-required=\"Kies de leerling.\"[^>]*name=\"PupilId\"", form);
        Assert.Matches("<select[^>]*data-val-required=\"Kies een categorie.\"[^>]*name=\"Category\"", form);
        Assert.Matches("<select[^>]*data-val-required=\"Kies de urgentie.\"[^>]*name=\"Urgency\"", form);
        Assert.Matches("<textarea[^>]*data-val-maxlength=\"De hulpvraag is hoogstens 2000 tekens lang.\"", form);

        // Needed only when submitting (the pressed button): not a browser rule.
        Assert.DoesNotContain("Vul de hulpvraag in voordat je de aanmelding indient.", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_still_refuses_an_empty_referral_with_the_same_messages()
    {
        var client = await Fixture.ClientForAsync(TestOrganisation.MentorA);

        var response = await client.PostFormAsync("/Referrals/Create", "/Referrals/Create",
            new Dictionary<string, string> { ["Intent"] = "submit", ["RequestId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(">Kies de leerling.</span>", page, StringComparison.Ordinal);
        Assert.Contains(">Kies een categorie.</span>", page, StringComparison.Ordinal);
        Assert.Contains(">Kies de urgentie.</span>", page, StringComparison.Ordinal);
        Assert.Contains(">Vul de hulpvraag in voordat je de aanmelding indient.</span>", page, StringComparison.Ordinal);
    }
}

public sealed class ClientRulesTests_Sqlite(SqlitePortalFixture fixture) : ClientRulesTests<SqlitePortalFixture>(fixture);

public sealed class ClientRulesTests_PostgreSql(PostgreSqlPortalFixture fixture) : ClientRulesTests<PostgreSqlPortalFixture>(fixture);

public sealed class ClientRulesTests_SqlServer(SqlServerPortalFixture fixture) : ClientRulesTests<SqlServerPortalFixture>(fixture);
