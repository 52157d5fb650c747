using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LeerlingzorgPortal.SystemTests;

/// <summary>
/// A self-signed certificate for 127.0.0.1, made once per test run: the portal runs as Production, which
/// only works over https (Secure cookies, antiforgery refuses plain http), so the instances serve https
/// with it and the test clients trust exactly this certificate.
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<(string Path, string Password, string Thumbprint)> Made = new(Make);

    public static string PfxPath => Made.Value.Path;

    public static string Password => Made.Value.Password;

    public static SocketsHttpHandler Handler() => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 64,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.GetCertHashString(), Made.Value.Thumbprint, StringComparison.OrdinalIgnoreCase),
        },
    };

    private static (string, string, string) Make()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        var password = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(Path.GetTempPath(), "lzp-system");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"cert-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return (path, password, certificate.GetCertHashString());
    }
}
