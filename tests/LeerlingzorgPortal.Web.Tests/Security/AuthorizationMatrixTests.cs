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
/// coordinator (Noord), school leader, admin. L = sent to sign in (the code steps of a sign-in also
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
    ];

    public static readonly IReadOnlyDictionary<string, Expectation> Matrix = new Dictionary<string, Expectation>
    {
        ["GET Triage.Index"] = new("/Triage", "LDDDOODD"),
        ["POST Triage.Assign"] = new("/Triage/Assign/{case}", "LDDDOODD"),
        ["POST Triage.Return"] = new("/Triage/Return/{case}", "LDDDOODD"),
        ["GET CoordinatorReports.Index"] = new("/Reports/Coordinator/actiepunten", "LNNNOONN"),
        ["GET CoordinatorReports.Export"] = new("/Reports/Coordinator/actiepunten/Export?format=csv", "LNNNOONN"),
        ["GET Reports.CareOffering"] = new("/Reports/CareOffering", "LDDDOOOD"),
        ["GET Reports.CareOfferingExport"] = new("/Reports/CareOfferingExport?table=interventies&format=csv", "LDDDOOOD"),
        ["GET Reports.Care"] = new("/Reports/Care", "LDDDOOOD"),
        ["GET Reports.CareExport"] = new("/Reports/CareExport?table=caseload&format=csv", "LDDDOOOD"),
        ["GET Reports.Index"] = new("/Reports", "LDDDOOOD"),
        ["GET Reports.DashboardExport"] = new("/Reports/DashboardExport?table=aanmeldingen&format=csv", "LDDDOOOD"),
        ["GET YearReports.Index"] = new("/Reports/YearReport", "LDDDOOOD"),
        ["GET YearReports.Edit"] = new("/Reports/YearReport/Edit?locationId={north}&year=2026", "LDDDNOND"),
        ["POST YearReports.Edit"] = new("/Reports/YearReport/Edit?locationId={north}&year=2026", "LDDDNOND"),
        ["GET Referrals.Index"] = new("/Referrals", "LOOOOODD"),
        ["GET Referrals.Create"] = new("/Referrals/Create?pupilId={pupil}", "LOOOOODD"),
        ["POST Referrals.Create"] = new("/Referrals/Create", "LOOOOODD"),
        ["GET Referrals.Edit"] = new("/Referrals/Edit/{draft}", "LONNNNNN"),
        ["POST Referrals.Edit"] = new("/Referrals/Edit/{draft}", "LONNNNNN"),
        ["POST Referrals.Submit"] = new("/Referrals/Submit/{draft}", "LONNNNNN"),
        ["GET Referrals.Details"] = new("/Referrals/Details/{case}", "LOONOONN"),
        ["GET Pupils.Index"] = new("/Pupils", "LOOOOODD"),
        ["GET Pupils.Details"] = new("/Pupils/Details/{pupil}", "LOONOONN"),
        ["GET Pupils.Timeline"] = new("/Pupils/Timeline/{pupil}", "LOONOONN"),
        ["GET Protocols.Index"] = new("/Protocols", "LOOOOOOO"),
        ["GET Protocols.Details"] = new("/Protocols/{protocol}", "LOOOOOOO"),
        ["GET Protocols.Version"] = new("/Protocols/{protocol}/Versions/1", "LOOOOOOO"),
        ["GET Protocols.Print"] = new("/Protocols/{protocol}/Print", "LOOOOOOO"),
        ["GET Protocols.Topic"] = new("/Protocols/Topic/Bullying", "LOOOOOOO"),
        ["GET Protocols.Create"] = new("/Protocols/Create", "LDDOOODD"),
        ["POST Protocols.Create"] = new("/Protocols/Create", "LDDOOODD"),
        ["GET Protocols.Edit"] = new("/Protocols/{protocol}/Edit", "LDDOOODD"),
        ["POST Protocols.Edit"] = new("/Protocols/{protocol}/Edit", "LDDOOODD"),
        ["GET Protocols.Assign"] = new("/Protocols/{protocol}/Assign", "LDDOOODD"),
        ["POST Protocols.Assign"] = new("/Protocols/{protocol}/Assign", "LDDOOODD"),
        ["POST Protocols.SetActive"] = new("/Protocols/{protocol}/SetActive", "LDDOOODD"),
        ["GET Notifications.Index"] = new("/Notifications", "LOOOOOOO"),
        ["POST Notifications.Open"] = new("/Notifications/Open/{notification}", "LNNNNNNN"),
        ["POST Notifications.ReadAll"] = new("/Notifications/ReadAll", "LOOOOOOO"),
        ["GET Meldcode.Index"] = new("/Meldcode", "LOOOOOOO"),
        ["POST Meldcode.Start"] = new("/Meldcode/Start?referralId={case}", "LNONOONN"),
        ["GET Meldcode.Details"] = new("/Meldcode/Details/{track}", "LNONNONN"),
        ["POST Meldcode.Step"] = new("/Meldcode/Step/{track}?step=1", "LNONNONN"),
        ["POST Meldcode.AddMember"] = new("/Meldcode/AddMember/{track}", "LNONNONN"),
        ["POST Meldcode.Close"] = new("/Meldcode/Close/{track}", "LNONNONN"),
        ["POST Consents.Record"] = new("/Consents/Record?pupilId={pupil}", "LNONOONN"),
        ["POST Consents.Withdraw"] = new("/Consents/Withdraw/{consent}", "LNONOONN"),
        ["GET Meetings.Index"] = new("/Meetings", "LOOOOODD"),
        ["GET Meetings.Create"] = new("/Meetings/Create", "LDDOOODD"),
        ["POST Meetings.Create"] = new("/Meetings/Create", "LDDOOODD"),
        ["GET Meetings.Details"] = new("/Meetings/Details/{meeting}", "LNNNOONN"),
        ["GET Meetings.Agenda"] = new("/Meetings/Agenda/{meeting}", "LNNNOONN"),
        ["GET Meetings.Minutes"] = new("/Meetings/Minutes/{meeting}", "LNNNOONN"),
        ["POST Meetings.AddItem"] = new("/Meetings/AddItem/{meeting}", "LNNNOONN"),
        ["POST Meetings.RemoveItem"] = new("/Meetings/RemoveItem/{meeting}?itemId=999999", "LNNNNNNN"),
        ["POST Meetings.RecordMinutes"] = new("/Meetings/RecordMinutes/{meeting}", "LNNNOONN"),
        ["POST Meetings.AddActionItem"] = new("/Meetings/AddActionItem/{meeting}", "LNNNNNNN"),
        ["POST Meetings.Close"] = new("/Meetings/Close/{meeting}", "LNNNOONN"),
        ["POST Meetings.AddAddendum"] = new("/Meetings/AddAddendum/{meeting}", "LNNNOONN"),
        ["GET Interventions.Index"] = new("/Interventions", "LOOOOOOO"),
        ["GET Interventions.Details"] = new("/Interventions/Details/{intervention}", "LOOOOOOO"),
        ["GET Interventions.Create"] = new("/Interventions/Create", "LDDOOODD"),
        ["POST Interventions.Create"] = new("/Interventions/Create", "LDDOOODD"),
        ["GET Interventions.Edit"] = new("/Interventions/Edit/{intervention}", "LDDOOODD"),
        ["POST Interventions.Edit"] = new("/Interventions/Edit/{intervention}", "LDDOOODD"),
        ["POST Interventions.SetActive"] = new("/Interventions/SetActive/{intervention}", "LDDOOODD"),
        ["POST Interventions.Enrol"] = new("/Interventions/Enrol?referralId={case}", "LNONOONN"),
        ["POST Interventions.Admit"] = new("/Interventions/Admit/{intervention}?EnrolmentId={enrolment}", "LNONOONN"),
        ["POST Interventions.Finish"] = new("/Interventions/Finish/{intervention}?EnrolmentId={enrolment}", "LNONOONN"),
        ["POST Interventions.Withdraw"] = new("/Interventions/Withdraw/{intervention}?EnrolmentId={enrolment}", "LNONOONN"),
        ["GET Incidents.Index"] = new("/Incidents", "LOOOOOOO"),
        ["GET Incidents.Create"] = new("/Incidents/Create?pupilId={pupil}", "LOOOOODD"),
        ["POST Incidents.Create"] = new("/Incidents/Create", "LOOOOODD"),
        ["POST Incidents.PupilSearch"] = new("/Incidents/PupilSearch?choose={pupil}", "LOOOOODD"),
        ["GET Incidents.Details"] = new("/Incidents/Details/{incident}", "LOONOONN"),
        ["POST Incidents.ChangeRole"] = new("/Incidents/ChangeRole/{incident}?pupilId={pupil}&role=Victim", "LOONOONN"),
        ["POST Incidents.FollowUp"] = new("/Incidents/FollowUp/{incident}", "LOONOONN"),
        ["GET Import.Index"] = new("/Import", "LDDDDODO"),
        ["POST Import.Upload"] = new("/Import/Upload", "LDDDDODO"),
        ["GET Import.Preview"] = new("/Import/Preview/{upload}", "LDDDDNDN"),
        ["POST Import.Map"] = new("/Import/Map/{upload}", "LDDDDNDN"),
        ["POST Import.Confirm"] = new("/Import/Confirm/{upload}", "LDDDDNDN"),
        ["POST Import.Cancel"] = new("/Import/Cancel/{upload}", "LDDDDNDN"),
        ["GET Home.Index"] = new("/", "LOOOOOOO"),
        ["ANY Home.Status"] = new("/Home/Status/404", "NNNNNNNN"),
        ["GET Home.Error"] = new("/Home/Error", "55555555"),
        ["POST Handovers.Record"] = new("/Handovers/Record?pupilId={pupil}", "LNONOONN"),
        ["GET CarePlans.Create"] = new("/CarePlans/Create?referralId={case}", "LNNNOONN"),
        ["POST CarePlans.Create"] = new("/CarePlans/Create?referralId={case}", "LNNNOONN"),
        ["GET CarePlans.Details"] = new("/CarePlans/Details/{plan}", "LNONOONN"),
        ["GET CarePlans.Print"] = new("/CarePlans/Print/{plan}", "LNONOONN"),
        ["GET CarePlans.Compare"] = new("/CarePlans/Compare/{plan}?version=2", "LNONOONN"),
        ["GET CarePlans.Edit"] = new("/CarePlans/Edit/{plan}", "LNNNOONN"),
        ["POST CarePlans.Edit"] = new("/CarePlans/Edit/{plan}", "LNNNOONN"),
        ["POST CarePlans.MakeOpp"] = new("/CarePlans/MakeOpp/{plan}", "LNONOONN"),
        ["POST CarePlans.Consent"] = new("/CarePlans/Consent/{plan}", "LNONOONN"),
        ["POST CarePlans.PupilView"] = new("/CarePlans/PupilView/{plan}", "LNONOONN"),
        ["POST CarePlans.Activate"] = new("/CarePlans/Activate/{plan}", "LNNNOONN"),
        ["POST CarePlans.Evaluate"] = new("/CarePlans/Evaluate/{plan}", "LNONOONN"),
        ["POST CarePlans.Close"] = new("/CarePlans/Close/{plan}", "LNNNOONN"),
        ["POST CarePlans.EvaluateMeasure"] = new("/CarePlans/EvaluateMeasure/{plan}", "LNONOONN"),
        ["GET CareCases.Index"] = new("/CareCases", "LDOOOODD"),
        ["POST CareCases.AddNote"] = new("/CareCases/AddNote/{case}", "LNONOONN"),
        ["POST CareCases.AddActionItem"] = new("/CareCases/AddActionItem/{case}", "LNONOONN"),
        ["POST CareCases.Close"] = new("/CareCases/Close/{case}", "LOONOONN"),
        ["POST CareCases.ReferOut"] = new("/CareCases/ReferOut/{case}", "LOONOONN"),
        ["POST CareCases.Reassign"] = new("/CareCases/Reassign/{case}", "LNNNOONN"),
        ["POST CareCases.AddExternalReferral"] = new("/CareCases/AddExternalReferral/{case}", "LNONOONN"),
        ["POST CareCases.UpdateExternalReferral"] = new("/CareCases/UpdateExternalReferral/{case}", "LOONOONN"),
        ["POST CareCases.Flag"] = new("/CareCases/Flag/{case}", "LNONOONN"),
        ["GET Agencies.Index"] = new("/Agencies", "LOOOOOOO"),
        ["GET Agencies.Moved"] = new("/Admin/ExternalOrganisations", "LOOOOOOO"),
        ["GET Agencies.Details"] = new("/Agencies/Details/{agency}", "LOOOOOOO"),
        ["GET Agencies.Create"] = new("/Agencies/Create", "LDDOOODD"),
        ["POST Agencies.Create"] = new("/Agencies/Create", "LDDOOODD"),
        ["GET Agencies.Edit"] = new("/Agencies/Edit/{agency}", "LDDOOODD"),
        ["POST Agencies.Edit"] = new("/Agencies/Edit/{agency}", "LDDOOODD"),
        ["POST Agencies.SetActive"] = new("/Agencies/SetActive/{agency}", "LDDOOODD"),
        ["GET Users.Index"] = new("/Admin/Users", "LDDDDDDO"),
        ["GET Users.Create"] = new("/Admin/Users/Create", "LDDDDDDO"),
        ["POST Users.Create"] = new("/Admin/Users/Create", "LDDDDDDO"),
        ["GET Users.Edit"] = new("/Admin/Users/Edit/{user}", "LDDDDDDO"),
        ["POST Users.Edit"] = new("/Admin/Users/Edit/{user}", "LDDDDDDO"),
        ["POST Users.Deactivate"] = new("/Admin/Users/Deactivate/{user}", "LDDDDDDO"),
        ["POST Users.Reactivate"] = new("/Admin/Users/Reactivate/{user}", "LDDDDDDO"),
        ["GET Users.ResetPassword"] = new("/Admin/Users/ResetPassword/{user}", "LDDDDDDO"),
        ["POST Users.ResetPassword"] = new("/Admin/Users/ResetPassword/{user}", "LDDDDDDO"),
        ["GET Organisation.Index"] = new("/Admin/Organisation", "LDDDDDDO"),
        ["POST Organisation.CreateBoard"] = new("/Admin/Organisation/CreateBoard", "LDDDDDDO"),
        ["POST Organisation.AddLocation"] = new("/Admin/Organisation/AddLocation", "LDDDDDDO"),
        ["POST Organisation.AddMentorGroup"] = new("/Admin/Organisation/AddMentorGroup", "LDDDDDDO"),
        ["POST Organisation.RollOver"] = new("/Admin/Organisation/RollOver", "LDDDDDDN"),
        ["GET IncidentCategories.Index"] = new("/Admin/IncidentCategories", "LDDDDDDO"),
        ["POST IncidentCategories.Add"] = new("/Admin/IncidentCategories/Add", "LDDDDDDO"),
        ["POST IncidentCategories.SetActive"] = new("/Admin/IncidentCategories/SetActive/{category}", "LDDDDDDN"),
        ["GET ActionItems.Index"] = new("/ActionItems", "LOOOOOOO"),
        ["POST ActionItems.Done"] = new("/ActionItems/Done/{item}", "LNONOONN"),
        ["POST ActionItems.Reopen"] = new("/ActionItems/Reopen/{item}", "LNONOONN"),
        ["GET Account.Login"] = new("/Account/Login", "OOOOOOOO"),
        ["POST Account.Login"] = new("/Account/Login", "OOOOOOOO"),
        ["POST Account.Logout"] = new("/Account/Logout", "LOOOOOOO"),
        ["GET Account.LoginWithCode"] = new("/Account/LoginWithCode", "LLLLLLLL"),
        ["POST Account.LoginWithCode"] = new("/Account/LoginWithCode", "OLLLLLLL"),
        ["GET Account.LoginWithRecoveryCode"] = new("/Account/LoginWithRecoveryCode", "LLLLLLLL"),
        ["POST Account.LoginWithRecoveryCode"] = new("/Account/LoginWithRecoveryCode", "OLLLLLLL"),
        ["GET TwoFactor.Index"] = new("/Account/TwoFactor", "LOOOOOOO"),
        ["GET TwoFactor.Setup"] = new("/Account/TwoFactor/Setup", "LOOOOOOO"),
        ["POST TwoFactor.Setup"] = new("/Account/TwoFactor/Setup", "LOOOOOOO"),
        ["POST TwoFactor.RecoveryCodes"] = new("/Account/TwoFactor/RecoveryCodes", "LOOOOOOO"),
        ["POST TwoFactor.Disable"] = new("/Account/TwoFactor/Disable", "LOOOOOOO"),
        ["GET Password.Index"] = new("/Account/Password", "LOOOOOOO"),
        ["POST Password.Index"] = new("/Account/Password", "LOOOOOOO"),
        ["POST Users.ResetTwoFactor"] = new("/Admin/Users/ResetTwoFactor/{user}", "LDDDDDDO"),
        ["GET Account.AccessDenied"] = new("/Account/AccessDenied", "LOOOOOOO"),
        ["GET Accommodations.Create"] = new("/Accommodations/Create?pupilId={pupil}", "LNONOONN"),
        ["POST Accommodations.Create"] = new("/Accommodations/Create?pupilId={pupil}", "LNONOONN"),
        ["GET Accommodations.Edit"] = new("/Accommodations/Edit/{accommodation}", "LNONOONN"),
        ["POST Accommodations.Edit"] = new("/Accommodations/Edit/{accommodation}", "LNONOONN"),
        ["POST Accommodations.Withdraw"] = new("/Accommodations/Withdraw/{accommodation}", "LNONOONN"),
        ["GET Accommodations.Card"] = new("/Accommodations/Card/{pupil}", "LOONOONN"),
        ["GET Accommodations.Group"] = new("/Accommodations/Group/{group}", "LOONOONN"),
        ["GET Accommodations.Expiring"] = new("/Accommodations/Expiring", "LDOOOODD"),
        ["GET Retention.Index"] = new("/Retention", "LDDDDODD"),
        ["GET Retention.Review"] = new("/Retention/Review/{review}", "LDDDDODD"),
        ["POST Retention.Confirm"] = new("/Retention/Confirm/{review}", "LDDDDODD"),
        ["POST Retention.Postpone"] = new("/Retention/Postpone/{review}", "LDDDDODD"),
        ["GET Retention.LeavingDate"] = new("/Retention/LeavingDate/{pupil}", "LDDDDODO"),
        ["POST Retention.LeavingDate"] = new("/Retention/LeavingDate/{pupil}", "LDDDDODO"),
        ["GET RetentionPeriods.Index"] = new("/Admin/RetentionPeriods", "LDDDDDDO"),
        ["POST RetentionPeriods.Index"] = new("/Admin/RetentionPeriods", "LDDDDDDO"),
        ["GET RetentionPeriods.Pupil"] = new("/Admin/RetentionPeriods/Pupil?number=T1001", "LDDDDDDO"),
        ["GET Inzage.Index"] = new("/Inzage/{pupil}", "LDDDDODD"),
        ["GET Inzage.Download"] = new("/Inzage/{pupil}/Download", "LDDDDODD"),
        ["GET Audit.Index"] = new("/Audit", "LDDDDODO"),
        ["GET Audit.Export"] = new("/Audit/Export?format=csv", "LDDDDODO"),
        ["GET Audit.Unusual"] = new("/Audit/Unusual", "LDDDDODO"),
        ["GET Sessions.Index"] = new("/Account/Sessions", "LOOOOOOO"),
        ["POST Sessions.Index"] = new("/Account/Sessions", "LOOOOOOO"),
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
