using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LeerlingzorgPortal.Data;
using Microsoft.AspNetCore.DataProtection;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// The Data Protection key ring that signs and encrypts cookies and antiforgery tokens (ADR 0042): kept in the portal's
/// database by DataProtection.EntityFrameworkCore, so every instance shares it, and encrypted at rest with a certificate
/// from configuration when one is named. Without one the keys are stored readable, with a warning at every start
/// outside Development.
/// </summary>
public static class KeyRing
{
    /// <summary>Unchanged since the first release: a new name would make every existing cookie unreadable.</summary>
    public const string ApplicationName = "LeerlingzorgPortal";

    public const string PathSetting = "DataProtection:Certificate:Path";
    public const string PasswordSetting = "DataProtection:Certificate:Password";
    public const string ThumbprintSetting = "DataProtection:Certificate:Thumbprint";

    public static WebApplicationBuilder AddPortalKeyRing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        var certificate = Certificate(builder.Configuration);
        if (certificate is not null)
        {
            // New keys are encrypted with it; keys it encrypted are decrypted with it (no certificate store needed).
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        builder.Services.AddSingleton(new KeyRingProtection(certificate?.Thumbprint));
        builder.Services.AddHostedService<KeyRingWarning>();
        return builder;
    }

    /// <summary>The certificate named in configuration (a PFX file with its password, or a thumbprint in the "My" store), or null.</summary>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[PathSetting];
        var thumbprint = configuration[ThumbprintSetting];
        X509Certificate2? certificate;
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting]);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"{PathSetting}: the certificate {path} cannot be read ({e.Message}).", e);
            }
        }
        else if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            certificate = FromStore(StoreLocation.CurrentUser, thumbprint) ?? FromStore(StoreLocation.LocalMachine, thumbprint)
                ?? throw new InvalidOperationException($"{ThumbprintSetting}: no certificate {thumbprint} in the CurrentUser or LocalMachine 'My' store.");
        }
        else
        {
            return null;
        }

        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"DataProtection:Certificate: the certificate {certificate.Thumbprint} has no private key, so the key ring could not be read back.");
    }

    private static X509Certificate2? FromStore(StoreLocation location, string thumbprint)
    {
        using var store = new X509Store(StoreName.My, location);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            // No such store (Linux has no machine "My" store, and a user's exists only once something was put in it).
            return null;
        }

        return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint.Replace(" ", string.Empty, StringComparison.Ordinal), validOnly: false)
            .OfType<X509Certificate2>().FirstOrDefault();
    }
}

/// <summary>Whether the key ring is encrypted at rest, and with which certificate (its thumbprint).</summary>
public sealed record KeyRingProtection(string? CertificateThumbprint)
{
    public bool Encrypted => CertificateThumbprint is not null;
}

/// <summary>
/// Says at every start outside Development that the key ring is stored readable: whoever can read the database (or a
/// backup of it) could then forge sign-in cookies. It does not refuse to start (ADR 0042).
/// </summary>
public sealed partial class KeyRingWarning(KeyRingProtection protection, IHostEnvironment environment, ILogger<KeyRingWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (protection.Encrypted)
        {
            Encrypted(logger, protection.CertificateThumbprint!);
        }
        else if (!environment.IsDevelopment())
        {
            NotEncrypted(logger, KeyRing.PathSetting, KeyRing.ThumbprintSetting);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The Data Protection key ring is encrypted with certificate {Thumbprint}")]
    private static partial void Encrypted(ILogger logger, string thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key ring is stored unencrypted in the database: whoever reads the database or a backup of it can forge sign-in cookies. Name a certificate in {PathSetting} (with its password) or {ThumbprintSetting} (docs/operations.md)")]
    private static partial void NotEncrypted(ILogger logger, string pathSetting, string thumbprintSetting);
}
