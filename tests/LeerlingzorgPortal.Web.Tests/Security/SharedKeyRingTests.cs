using System.Net;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Tests.Security;

/// <summary>Two instances of the portal on one database share the Data Protection keys, so cookies and tokens travel between them.</summary>
public abstract partial class SharedKeyRingTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task A_form_from_one_instance_signs_in_on_another_and_that_cookie_is_accepted_by_the_first()
    {
        await using var second = new PortalFactory(Fixture.Database, Fixture.Clock);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var first = Fixture.Factory.CreateClient(options);
        using var other = second.CreateClient(options);

        // The sign-in form and its antiforgery cookie come from the first instance ...
        var form = await first.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        var antiforgery = Cookie(form, "lzp.af");
        var token = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value);

        // ... the second instance accepts them and signs in ...
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = TestOrganisation.MentorA,
                ["Password"] = TestOrganisation.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await other.SendAsync(post, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("/Account/Login", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // ... and the first instance reads the sign-in cookie the second one wrote.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Pupils");
        page.Headers.Add("Cookie", Cookie(signedIn, "lzp.auth"));
        var pupils = await first.SendAsync(page, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, pupils.StatusCode);
        // The keys came from the database, not from a folder both test hosts happen to share on this machine.
        Assert.True(await Fixture.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.IsType<EntityFrameworkCoreXmlRepository<PortalDbContext>>(Fixture.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Assert.IsType<EntityFrameworkCoreXmlRepository<PortalDbContext>>(second.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
    }

    private static string Cookie(HttpResponseMessage response, string name)
    {
        var header = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(name + "=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SharedKeyRingTests_Sqlite(SqlitePortalFixture fixture) : SharedKeyRingTests<SqlitePortalFixture>(fixture);

public sealed class SharedKeyRingTests_PostgreSql(PostgreSqlPortalFixture fixture) : SharedKeyRingTests<PostgreSqlPortalFixture>(fixture);

public sealed class SharedKeyRingTests_SqlServer(SqlServerPortalFixture fixture) : SharedKeyRingTests<SqlServerPortalFixture>(fixture);
