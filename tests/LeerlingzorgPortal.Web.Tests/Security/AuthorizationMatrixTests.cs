using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>
/// The authorization matrix: every MVC endpoint of the portal, taken from its own endpoint data source,
/// with what each role must get. An endpoint without a line here fails the build, so no new page can
/// escape it. The records are Anna's (Noord, group 1A, case of the level-a care worker of Noord); the
/// level-b care worker works in Zuid, so her column doubles as the record-level (IDOR) probe.
/// </summary>
/// <remarks>
/// Columns: anonymous, mentor (of 1A), care worker a (Noord), care worker b (Zuid), care worker c,
/// coordinator (Noord), school leader, admin, privacy officer (FG, the whole board, no location). L = sent to sign in (the code steps of a sign-in also
/// send there who has no sign-in waiting for a code), D = access denied, N = 404 with no
/// data of the record in the body, O = served. A POST expected to be served is sent without an
/// antiforgery token and must then be refused with 400, so the matrix never changes data; POSTs
/// expected to be refused carry a valid token and a complete form, so only the access rule refuses.
/// </remarks>
public abstract class AuthorizationMatrixTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly string?[] Accounts =
    [
        null, TestOrganisation.MentorA, TestOrganisation.CareWorkerNorth, TestOrganisation.CareWorkerSouth,
        TestOrganisation.CareWorkerC, TestOrganisation.CoordinatorNorth, TestOrganisation.SchoolLeader, TestOrganisation.Admin,
        TestOrganisation.PrivacyOfficer,
    ];

    public static readonly IReadOnlyDictionary<string, Expectation> Matrix = new Dictionary<string, Expectation>
    {
        ["GET Triage.Index"] = new("/Triage", "LDDDOODDD"),
        ["POST Triage.Assign"] = new("/Triage/Assign/{case}", "LDDDOODDD"),
        ["POST Triage.Return"] = new("/Triage/Return/{case}", "LDDDOODDD"),
        ["GET CoordinatorReports.Index"] = new("/Reports/Coordinator/actiepunten", "LNNNOONNN"),
        ["GET CoordinatorReports.Export"] = new("/Reports/Coordinator/actiepunten/Export?format=csv", "LNNNOONNN"),
        ["GET Reports.CareOffering"] = new("/Reports/CareOffering", "LDDDOOODD"),
        ["GET Reports.CareOfferingExport"] = new("/Reports/CareOfferingExport?table=interventies&format=csv", "LDDDOOODD"),
        ["GET Reports.Care"] = new("/Reports/Care", "LDDDOOODD"),
        ["GET Reports.CareExport"] = new("/Reports/CareExport?table=caseload&format=csv", "LDDDOOODD"),
        ["GET Reports.Index"] = new("/Reports", "LDDDOOODD"),
        ["GET Reports.DashboardExport"] = new("/Reports/DashboardExport?table=aanmeldingen&format=csv", "LDDDOOODD"),
        ["GET YearReports.Index"] = new("/Reports/YearReport", "LDDDOOODD"),
        ["GET YearReports.Edit"] = new("/Reports/YearReport/Edit?locationId={north}&year=2026", "LDDDNONDD"),
        ["POST YearReports.Edit"] = new("/Reports/YearReport/Edit?locationId={north}&year=2026", "LDDDNONDD"),
        ["GET Referrals.Index"] = new("/Referrals", "LOOOOODDD"),
        ["GET Referrals.Create"] = new("/Referrals/Create?pupilId={pupil}", "LOOOOODDD"),
        ["POST Referrals.Create"] = new("/Referrals/Create", "LOOOOODDD"),
        ["GET Referrals.Edit"] = new("/Referrals/Edit/{draft}", "LONNNNNNN"),
        ["POST Referrals.Edit"] = new("/Referrals/Edit/{draft}", "LONNNNNNN"),
        ["POST Referrals.Submit"] = new("/Referrals/Submit/{draft}", "LONNNNNNN"),
        ["GET Referrals.Details"] = new("/Referrals/Details/{case}", "LOONOONNN"),
        ["GET Pupils.Index"] = new("/Pupils", "LOOOOODDD"),
        ["GET Pupils.Details"] = new("/Pupils/Details/{pupil}", "LOONOONNN"),
        ["GET Pupils.Timeline"] = new("/Pupils/Timeline/{pupil}", "LOONOONNN"),
        ["GET Protocols.Index"] = new("/Protocols", "LOOOOOOOO"),
        ["GET Protocols.Details"] = new("/Protocols/{protocol}", "LOOOOOOOO"),
        ["GET Protocols.Version"] = new("/Protocols/{protocol}/Versions/1", "LOOOOOOOO"),
        ["GET Protocols.Print"] = new("/Protocols/{protocol}/Print", "LOOOOOOOO"),
        ["GET Protocols.Topic"] = new("/Protocols/Topic/Bullying", "LOOOOOOOO"),
        ["GET Protocols.Create"] = new("/Protocols/Create", "LDDOOODDD"),
        ["POST Protocols.Create"] = new("/Protocols/Create", "LDDOOODDD"),
        ["GET Protocols.Edit"] = new("/Protocols/{protocol}/Edit", "LDDOOODDD"),
        ["POST Protocols.Edit"] = new("/Protocols/{protocol}/Edit", "LDDOOODDD"),
        ["GET Protocols.Assign"] = new("/Protocols/{protocol}/Assign", "LDDOOODDD"),
        ["POST Protocols.Assign"] = new("/Protocols/{protocol}/Assign", "LDDOOODDD"),
        ["POST Protocols.SetActive"] = new("/Protocols/{protocol}/SetActive", "LDDOOODDD"),
        ["GET Notifications.Index"] = new("/Notifications", "LOOOOOOOO"),
        ["POST Notifications.Open"] = new("/Notifications/Open/{notification}", "LNNNNNNNN"),
        ["POST Notifications.ReadAll"] = new("/Notifications/ReadAll", "LOOOOOOOO"),
        ["GET Meldcode.Index"] = new("/Meldcode", "LOOOOOOOO"),
        ["POST Meldcode.Start"] = new("/Meldcode/Start?referralId={case}", "LNONOONNN"),
        ["GET Meldcode.Details"] = new("/Meldcode/Details/{track}", "LNONNONNN"),
        ["POST Meldcode.Step"] = new("/Meldcode/Step/{track}?step=1", "LNONNONNN"),
        ["POST Meldcode.AddMember"] = new("/Meldcode/AddMember/{track}", "LNONNONNN"),
        ["POST Meldcode.Close"] = new("/Meldcode/Close/{track}", "LNONNONNN"),
        ["POST Consents.Record"] = new("/Consents/Record?pupilId={pupil}", "LNONOONNN"),
        ["POST Consents.Withdraw"] = new("/Consents/Withdraw/{consent}", "LNONOONNN"),
        ["GET Meetings.Index"] = new("/Meetings", "LOOOOODDD"),
        ["GET Meetings.Create"] = new("/Meetings/Create", "LDDOOODDD"),
        ["POST Meetings.Create"] = new("/Meetings/Create", "LDDOOODDD"),
        ["GET Meetings.Details"] = new("/Meetings/Details/{meeting}", "LNNNOONNN"),
        ["GET Meetings.Agenda"] = new("/Meetings/Agenda/{meeting}", "LNNNOONNN"),
        ["GET Meetings.Minutes"] = new("/Meetings/Minutes/{meeting}", "LNNNOONNN"),
        ["POST Meetings.AddItem"] = new("/Meetings/AddItem/{meeting}", "LNNNOONNN"),
        ["POST Meetings.RemoveItem"] = new("/Meetings/RemoveItem/{meeting}?itemId=999999", "LNNNNNNNN"),
        ["POST Meetings.RecordMinutes"] = new("/Meetings/RecordMinutes/{meeting}", "LNNNOONNN"),
        ["POST Meetings.AddActionItem"] = new("/Meetings/AddActionItem/{meeting}", "LNNNNNNNN"),
        ["POST Meetings.Close"] = new("/Meetings/Close/{meeting}", "LNNNOONNN"),
        ["POST Meetings.AddAddendum"] = new("/Meetings/AddAddendum/{meeting}", "LNNNOONNN"),
        ["GET Interventions.Index"] = new("/Interventions", "LOOOOOOOO"),
        ["GET Interventions.Details"] = new("/Interventions/Details/{intervention}", "LOOOOOOOO"),
        ["GET Interventions.Create"] = new("/Interventions/Create", "LDDOOODDD"),
        ["POST Interventions.Create"] = new("/Interventions/Create", "LDDOOODDD"),
        ["GET Interventions.Edit"] = new("/Interventions/Edit/{intervention}", "LDDOOODDD"),
        ["POST Interventions.Edit"] = new("/Interventions/Edit/{intervention}", "LDDOOODDD"),
        ["POST Interventions.SetActive"] = new("/Interventions/SetActive/{intervention}", "LDDOOODDD"),
        ["POST Interventions.Enrol"] = new("/Interventions/Enrol?referralId={case}", "LNONOONNN"),
        ["POST Interventions.Admit"] = new("/Interventions/Admit/{intervention}?EnrolmentId={enrolment}", "LNONOONNN"),
        ["POST Interventions.Finish"] = new("/Interventions/Finish/{intervention}?EnrolmentId={enrolment}", "LNONOONNN"),
        ["POST Interventions.Withdraw"] = new("/Interventions/Withdraw/{intervention}?EnrolmentId={enrolment}", "LNONOONNN"),
        ["GET Incidents.Index"] = new("/Incidents", "LOOOOOOOO"),
        ["GET Incidents.Create"] = new("/Incidents/Create?pupilId={pupil}", "LOOOOODDD"),
        ["POST Incidents.Create"] = new("/Incidents/Create", "LOOOOODDD"),
        ["POST Incidents.PupilSearch"] = new("/Incidents/PupilSearch?choose={pupil}", "LOOOOODDD"),
        ["GET Incidents.Details"] = new("/Incidents/Details/{incident}", "LOONOONNN"),
        ["POST Incidents.ChangeRole"] = new("/Incidents/ChangeRole/{incident}?pupilId={pupil}&role=Victim", "LOONOONNN"),
        ["POST Incidents.FollowUp"] = new("/Incidents/FollowUp/{incident}", "LOONOONNN"),
        ["GET Import.Index"] = new("/Import", "LDDDDODOD"),
        ["POST Import.Upload"] = new("/Import/Upload", "LDDDDODOD"),
        ["GET Import.Preview"] = new("/Import/Preview/{upload}", "LDDDDNDND"),
        ["POST Import.Map"] = new("/Import/Map/{upload}", "LDDDDNDND"),
        ["POST Import.Confirm"] = new("/Import/Confirm/{upload}", "LDDDDNDND"),
        ["POST Import.Cancel"] = new("/Import/Cancel/{upload}", "LDDDDNDND"),
        ["GET Home.Index"] = new("/", "LOOOOOOOO"),
        ["ANY Home.Status"] = new("/Home/Status/404", "NNNNNNNNN"),
        ["GET Home.Error"] = new("/Home/Error", "555555555"),
        ["POST Handovers.Record"] = new("/Handovers/Record?pupilId={pupil}", "LNONOONNN"),
        ["GET CarePlans.Create"] = new("/CarePlans/Create?referralId={case}", "LNNNOONNN"),
        ["POST CarePlans.Create"] = new("/CarePlans/Create?referralId={case}", "LNNNOONNN"),
        ["GET CarePlans.Details"] = new("/CarePlans/Details/{plan}", "LNONOONNN"),
        ["GET CarePlans.Print"] = new("/CarePlans/Print/{plan}", "LNONOONNN"),
        ["GET CarePlans.Compare"] = new("/CarePlans/Compare/{plan}?version=2", "LNONOONNN"),
        ["GET CarePlans.Edit"] = new("/CarePlans/Edit/{plan}", "LNNNOONNN"),
        ["POST CarePlans.Edit"] = new("/CarePlans/Edit/{plan}", "LNNNOONNN"),
        ["POST CarePlans.MakeOpp"] = new("/CarePlans/MakeOpp/{plan}", "LNONOONNN"),
        ["POST CarePlans.Consent"] = new("/CarePlans/Consent/{plan}", "LNONOONNN"),
        ["POST CarePlans.PupilView"] = new("/CarePlans/PupilView/{plan}", "LNONOONNN"),
        ["POST CarePlans.Activate"] = new("/CarePlans/Activate/{plan}", "LNNNOONNN"),
        ["POST CarePlans.Evaluate"] = new("/CarePlans/Evaluate/{plan}", "LNONOONNN"),
        ["POST CarePlans.Close"] = new("/CarePlans/Close/{plan}", "LNNNOONNN"),
        ["POST CarePlans.EvaluateMeasure"] = new("/CarePlans/EvaluateMeasure/{plan}", "LNONOONNN"),
        ["GET CareCases.Index"] = new("/CareCases", "LDOOOODDD"),
        ["POST CareCases.AddNote"] = new("/CareCases/AddNote/{case}", "LNONOONNN"),
        ["POST CareCases.AddActionItem"] = new("/CareCases/AddActionItem/{case}", "LNONOONNN"),
        ["POST CareCases.Close"] = new("/CareCases/Close/{case}", "LOONOONNN"),
        ["POST CareCases.ReferOut"] = new("/CareCases/ReferOut/{case}", "LOONOONNN"),
        ["POST CareCases.Reassign"] = new("/CareCases/Reassign/{case}", "LNNNOONNN"),
        ["POST CareCases.AddExternalReferral"] = new("/CareCases/AddExternalReferral/{case}", "LNONOONNN"),
        ["POST CareCases.UpdateExternalReferral"] = new("/CareCases/UpdateExternalReferral/{case}", "LOONOONNN"),
        ["POST CareCases.Flag"] = new("/CareCases/Flag/{case}", "LNONOONNN"),
        ["GET Agencies.Index"] = new("/Agencies", "LOOOOOOOO"),
        ["GET Agencies.Moved"] = new("/Admin/ExternalOrganisations", "LOOOOOOOO"),
        ["GET Agencies.Details"] = new("/Agencies/Details/{agency}", "LOOOOOOOO"),
        ["GET Agencies.Create"] = new("/Agencies/Create", "LDDOOODDD"),
        ["POST Agencies.Create"] = new("/Agencies/Create", "LDDOOODDD"),
        ["GET Agencies.Edit"] = new("/Agencies/Edit/{agency}", "LDDOOODDD"),
        ["POST Agencies.Edit"] = new("/Agencies/Edit/{agency}", "LDDOOODDD"),
        ["POST Agencies.SetActive"] = new("/Agencies/SetActive/{agency}", "LDDOOODDD"),
        ["GET Users.Index"] = new("/Admin/Users", "LDDDDDDOD"),
        ["GET Users.Create"] = new("/Admin/Users/Create", "LDDDDDDOD"),
        ["POST Users.Create"] = new("/Admin/Users/Create", "LDDDDDDOD"),
        ["GET Users.Edit"] = new("/Admin/Users/Edit/{user}", "LDDDDDDOD"),
        ["POST Users.Edit"] = new("/Admin/Users/Edit/{user}", "LDDDDDDOD"),
        ["POST Users.Deactivate"] = new("/Admin/Users/Deactivate/{user}", "LDDDDDDOD"),
        ["POST Users.Reactivate"] = new("/Admin/Users/Reactivate/{user}", "LDDDDDDOD"),
        ["GET Users.ResetPassword"] = new("/Admin/Users/ResetPassword/{user}", "LDDDDDDOD"),
        ["POST Users.ResetPassword"] = new("/Admin/Users/ResetPassword/{user}", "LDDDDDDOD"),
        ["GET Organisation.Index"] = new("/Admin/Organisation", "LDDDDDDOD"),
        ["POST Organisation.CreateBoard"] = new("/Admin/Organisation/CreateBoard", "LDDDDDDOD"),
        ["POST Organisation.AddLocation"] = new("/Admin/Organisation/AddLocation", "LDDDDDDOD"),
        ["POST Organisation.AddMentorGroup"] = new("/Admin/Organisation/AddMentorGroup", "LDDDDDDOD"),
        ["POST Organisation.RollOver"] = new("/Admin/Organisation/RollOver", "LDDDDDDND"),
        ["GET IncidentCategories.Index"] = new("/Admin/IncidentCategories", "LDDDDDDOD"),
        ["POST IncidentCategories.Add"] = new("/Admin/IncidentCategories/Add", "LDDDDDDOD"),
        ["POST IncidentCategories.SetActive"] = new("/Admin/IncidentCategories/SetActive/{category}", "LDDDDDDND"),
        ["GET ActionItems.Index"] = new("/ActionItems", "LOOOOOOOO"),
        ["POST ActionItems.Done"] = new("/ActionItems/Done/{item}", "LNONOONNN"),
        ["POST ActionItems.Reopen"] = new("/ActionItems/Reopen/{item}", "LNONOONNN"),
        ["GET Account.Login"] = new("/Account/Login", "OOOOOOOOO"),
        ["POST Account.Login"] = new("/Account/Login", "OOOOOOOOO"),
        ["POST Account.Logout"] = new("/Account/Logout", "LOOOOOOOO"),
        ["GET Account.LoginWithCode"] = new("/Account/LoginWithCode", "LLLLLLLLL"),
        ["POST Account.LoginWithCode"] = new("/Account/LoginWithCode", "OLLLLLLLL"),
        ["GET Account.LoginWithRecoveryCode"] = new("/Account/LoginWithRecoveryCode", "LLLLLLLLL"),
        ["POST Account.LoginWithRecoveryCode"] = new("/Account/LoginWithRecoveryCode", "OLLLLLLLL"),
        ["GET TwoFactor.Index"] = new("/Account/TwoFactor", "LOOOOOOOO"),
        ["GET TwoFactor.Setup"] = new("/Account/TwoFactor/Setup", "LOOOOOOOO"),
        ["POST TwoFactor.Setup"] = new("/Account/TwoFactor/Setup", "LOOOOOOOO"),
        ["POST TwoFactor.RecoveryCodes"] = new("/Account/TwoFactor/RecoveryCodes", "LOOOOOOOO"),
        ["POST TwoFactor.Disable"] = new("/Account/TwoFactor/Disable", "LOOOOOOOO"),
        ["GET Password.Index"] = new("/Account/Password", "LOOOOOOOO"),
        ["POST Password.Index"] = new("/Account/Password", "LOOOOOOOO"),
        ["POST Users.ResetTwoFactor"] = new("/Admin/Users/ResetTwoFactor/{user}", "LDDDDDDOD"),
        ["GET Account.AccessDenied"] = new("/Account/AccessDenied", "LOOOOOOOO"),
        ["GET Accommodations.Create"] = new("/Accommodations/Create?pupilId={pupil}", "LNONOONNN"),
        ["POST Accommodations.Create"] = new("/Accommodations/Create?pupilId={pupil}", "LNONOONNN"),
        ["GET Accommodations.Edit"] = new("/Accommodations/Edit/{accommodation}", "LNONOONNN"),
        ["POST Accommodations.Edit"] = new("/Accommodations/Edit/{accommodation}", "LNONOONNN"),
        ["POST Accommodations.Withdraw"] = new("/Accommodations/Withdraw/{accommodation}", "LNONOONNN"),
        ["GET Accommodations.Card"] = new("/Accommodations/Card/{pupil}", "LOONOONNN"),
        ["GET Accommodations.Group"] = new("/Accommodations/Group/{group}", "LOONOONNN"),
        ["GET Accommodations.Expiring"] = new("/Accommodations/Expiring", "LDOOOODDD"),
        ["GET Retention.Index"] = new("/Retention", "LDDDDODDD"),
        ["GET Retention.Review"] = new("/Retention/Review/{review}", "LDDDDODDD"),
        ["POST Retention.Confirm"] = new("/Retention/Confirm/{review}", "LDDDDODDD"),
        ["POST Retention.Postpone"] = new("/Retention/Postpone/{review}", "LDDDDODDD"),
        ["GET Retention.LeavingDate"] = new("/Retention/LeavingDate/{pupil}", "LDDDDODOD"),
        ["POST Retention.LeavingDate"] = new("/Retention/LeavingDate/{pupil}", "LDDDDODOD"),
        ["GET RetentionPeriods.Index"] = new("/Admin/RetentionPeriods", "LDDDDDDOD"),
        ["POST RetentionPeriods.Index"] = new("/Admin/RetentionPeriods", "LDDDDDDOD"),
        ["GET RetentionPeriods.Pupil"] = new("/Admin/RetentionPeriods/Pupil?number=T1001", "LDDDDDDOD"),
        ["GET Inzage.Index"] = new("/Inzage/{pupil}", "LDDDDODDD"),
        ["GET Inzage.Download"] = new("/Inzage/{pupil}/Download", "LDDDDODDD"),
        ["GET Audit.Index"] = new("/Audit", "LDDDDODOO"),
        ["GET Audit.Export"] = new("/Audit/Export?format=csv", "LDDDDODOO"),
        ["GET Audit.Unusual"] = new("/Audit/Unusual", "LDDDDODDO"),
        ["POST Audit.Lookup"] = new("/Audit/Lookup?pupilId={pupil}", "LDDDDDDDO"),
        ["GET Audit.Named"] = new("/Audit/Named/999999", "LDDDDDDDN"),
        ["GET Sessions.Index"] = new("/Account/Sessions", "LOOOOOOOO"),
        ["POST Sessions.Index"] = new("/Account/Sessions", "LOOOOOOOO"),
    };

    internal static string? AccountAt(int column) => Accounts[column];

    public static TheoryData<string> Endpoints => new(Matrix.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_endpoint_of_the_portal_has_a_declared_expectation_and_every_declaration_an_endpoint()
    {
        var actual = EndpointKeys(Fixture.Services);

        Assert.Empty(actual.Except(Matrix.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(Matrix.Keys.Except(actual).Order(StringComparer.Ordinal));
    }

    private static readonly Regex PupilNamePattern = new(@"(?<![A-Za-z0-9_-])Anna(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_gets_what_the_matrix_declares(string endpoint)
    {
        var expectation = Matrix[endpoint];
        var url = (await RecordsAsync()).Url(expectation.Url);
        var method = endpoint.StartsWith("POST ", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;
        var observed = new char[Accounts.Length];
        var failures = new List<string>();

        for (var i = 0; i < Accounts.Length; i++)
        {
            var expected = expectation.Roles[i];
            var (outcome, body) = await RequestAsync(Accounts[i], method, url, expected);
            observed[i] = outcome;
            // As a word: the page's random antiforgery token and CSP nonce can hold the letters "Anna" by chance.
            if (outcome == 'N' && PupilNamePattern.IsMatch(body))
            {
                failures.Add($"{Accounts[i] ?? "anonymous"}: the 404 names the pupil");
            }
        }

        Assert.True(new string(observed) == expectation.Roles && failures.Count == 0,
            $"{endpoint} {url}: declared {expectation.Roles}, observed {new string(observed)} {string.Join("; ", failures)}");
    }

    /// <summary>Every POST endpoint refuses a request without a valid antiforgery token, for a user who may use it.</summary>
    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_post_without_an_antiforgery_token_is_refused(string endpoint)
    {
        if (!endpoint.StartsWith("POST ", StringComparison.Ordinal))
        {
            return;
        }

        var expectation = Matrix[endpoint];
        var index = expectation.Roles.IndexOfAny(['O', 'N']);
        Assert.True(index >= 0, $"{endpoint}: nobody may use it");
        var client = Accounts[index] is { } email ? await Fixture.ClientForAsync(email) : Fixture.AnonymousClient();

        using var response = await client.PostAsync(new Uri((await RecordsAsync()).Url(expectation.Url), UriKind.Relative),
            new FormUrlEncodedContent(CompleteForm.Fields(Fixture).Append(new("__RequestVerificationToken", "vervalst"))),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    internal static HashSet<string> EndpointKeys(IServiceProvider services) => services.GetRequiredService<EndpointDataSource>().Endpoints
        .Select(e => (Action: e.Metadata.GetMetadata<ControllerActionDescriptor>(), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()))
        .Where(e => e.Action is not null)
        .Select(e => $"{(e.Methods is null ? "ANY" : string.Join(',', e.Methods.HttpMethods))} {e.Action!.ControllerName}.{e.Action.ActionName}")
        .ToHashSet(StringComparer.Ordinal);

    private Task<MatrixRecords> RecordsAsync() => Fixture.OnceAsync("matrix", () => MatrixRecords.SeedAsync(Fixture));

    private async Task<(char Outcome, string Body)> RequestAsync(string? email, HttpMethod method, string url, char expected)
    {
        using var anonymous = email is null ? Fixture.AnonymousClient() : null;
        var client = anonymous ?? await Fixture.ClientForAsync(email!);
        HttpResponseMessage response;
        if (method == HttpMethod.Get)
        {
            response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        }
        else if (expected == 'O')
        {
            response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(CompleteForm.Fields(Fixture)),
                TestContext.Current.CancellationToken);
            using (response)
            {
                return (response.StatusCode == HttpStatusCode.BadRequest ? 'O' : Classify(response), "");
            }
        }
        else
        {
            response = email is null
                ? await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(CompleteForm.Fields(Fixture)),
                    TestContext.Current.CancellationToken)
                : await client.PostFormAsync("/", url, CompleteForm.Fields(Fixture));
        }

        using (response)
        {
            return (Classify(response), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    private static char Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } uri ? (uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString) : "";
        return (int)response.StatusCode switch
        {
            302 when location.StartsWith("/Account/Login", StringComparison.Ordinal) => 'L',
            302 when location.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) => 'D',
            404 => 'N',
            >= 200 and < 400 => 'O',
            var code => (char)('0' + (code / 100)),
        };
    }

    public sealed record Expectation(string Url, string Roles);
}

public sealed class AuthorizationMatrixTests_Sqlite(SqlitePortalFixture fixture) : AuthorizationMatrixTests<SqlitePortalFixture>(fixture);

public sealed class AuthorizationMatrixTests_PostgreSql(PostgreSqlPortalFixture fixture) : AuthorizationMatrixTests<PostgreSqlPortalFixture>(fixture);

public sealed class AuthorizationMatrixTests_SqlServer(SqlServerPortalFixture fixture) : AuthorizationMatrixTests<SqlServerPortalFixture>(fixture);
