namespace LeerlingzorgPortal.Web.Infrastructure.Logging;

/// <summary>
/// Where and how the portal writes its log file ("Logging:File", README "Configuration"). A relative path
/// is resolved against the content root, so the file does not move with the working directory of whoever
/// starts the portal. Serilog adds the date before the extension (<c>portal-20261122.log</c>).
/// </summary>
public sealed record LogFileSettings(string Path, bool Json, int RetainedDays)
{
    public const string Section = "Logging:File";
    public const string DefaultPath = "logs/portal-.log";
    public const int DefaultRetainedDays = 14;

    public static LogFileSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var format = section["Format"];
        var json = format?.Trim().ToUpperInvariant() switch
        {
            null or "" or "TEXT" => false,
            "JSON" => true,
            _ => throw new InvalidOperationException(
                $"{Section}:Format must be 'text' or 'json', not '{format}'."),
        };
        var days = section.GetValue("RetainedDays", DefaultRetainedDays);
        if (days < 1)
        {
            throw new InvalidOperationException($"{Section}:RetainedDays must be at least 1, not {days}.");
        }

        return new LogFileSettings(Resolve(section["Path"], contentRoot), json, days);
    }

    /// <summary>The absolute file path: a relative one (or none, meaning <see cref="DefaultPath"/>) under <paramref name="contentRoot"/>.</summary>
    public static string Resolve(string? path, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentRoot);
        var configured = string.IsNullOrWhiteSpace(path) ? DefaultPath : path.Trim();
        return System.IO.Path.GetFullPath(configured, contentRoot);
    }
}
