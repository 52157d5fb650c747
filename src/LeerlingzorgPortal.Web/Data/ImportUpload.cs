namespace LeerlingzorgPortal.Web.Data;

/// <summary>
/// An uploaded export between its preview and its confirmation. Kept in the database (not on one
/// server's disk), so any instance can show the preview; removed once applied.
/// </summary>
public sealed class ImportUpload
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string UploadedById { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];

    public int? LocationId { get; set; }

    public bool FullImport { get; set; }

    public DateOnly LeavingDate { get; set; }

    /// <summary>The user's column mapping, as field names separated by '|'.</summary>
    public string? Mapping { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
