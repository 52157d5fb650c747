using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Security;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests;

/// <summary>
/// With a certificate in configuration the Data Protection keys are stored encrypted (ADR 0042), and another instance with
/// the same certificate reads them: a sign-in on one is accepted by the other.
/// </summary>
public abstract partial class KeyRingCertificateTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture), IDisposable
    where TFixture : PortalFixture
{
    private const string Password = "sleutelring-test";
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"lzp-keyring-{Guid.NewGuid():N}.pfx");

    [Fact]
    public async Task Stored_keys_are_encrypted_with_the_configured_certificate_and_a_second_instance_with_it_reads_them()
    {
        var thumbprint = WriteCertificate(_pfx);
        var settings = new Dictionary<string, string?> { [KeyRing.PathSetting] = _pfx, [KeyRing.PasswordSetting] = Password };
        // Start from an empty key ring: the fixture's own instance (without a certificate) may have made a key already.
        await Fixture.QueryAsync(db => db.DataProtectionKeys.ExecuteDeleteAsync());
        await using var first = new PortalFactory(Fixture.Database, Fixture.Clock, settings: settings);
        await using var second = new PortalFactory(Fixture.Database, Fixture.Clock, settings: settings);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var one = first.CreateClient(options);
        using var other = second.CreateClient(options);

        // The sign-in form (and so a new key) comes from the first instance, the sign-in happens on the second ...
        var form = await one.GetAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = TestOrganisation.MentorA,
                ["Password"] = TestOrganisation.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", Cookie(form, "lzp.af"));
        var signedIn = await other.SendAsync(post, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("/Account/Login", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // ... and the first instance reads the cookie the second one wrote.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/Pupils");
        page.Headers.Add("Cookie", Cookie(signedIn, "lzp.auth"));
        Assert.Equal(HttpStatusCode.OK, (await one.SendAsync(page, TestContext.Current.CancellationToken)).StatusCode);

        // What the database holds is encrypted to the certificate: no key material in the clear.
        var stored = await Fixture.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
        Assert.Equal(thumbprint, first.Services.GetRequiredService<KeyRingProtection>().CertificateThumbprint);
    }

    public void Dispose()
    {
        File.Delete(_pfx);
        GC.SuppressFinalize(this);
    }

    /// <summary>A self-signed RSA certificate with its private key, as a PFX file; returns its thumbprint.</summary>
    private static string WriteCertificate(string path)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=LeerlingzorgPortal key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // A fixed, wide validity window: the test reads no date and passes on any day of this century.
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return certificate.Thumbprint;
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class KeyRingCertificateTests_Sqlite(SqlitePortalFixture fixture) : KeyRingCertificateTests<SqlitePortalFixture>(fixture);

public sealed class KeyRingCertificateTests_PostgreSql(PostgreSqlPortalFixture fixture) : KeyRingCertificateTests<PostgreSqlPortalFixture>(fixture);

public sealed class KeyRingCertificateTests_SqlServer(SqlServerPortalFixture fixture) : KeyRingCertificateTests<SqlServerPortalFixture>(fixture);
