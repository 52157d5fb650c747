namespace LeerlingzorgPortal.Data;

/// <summary>
/// An uploaded export between its preview and its confirmation. Kept in the database (not on one
/// server's disk), so any instance can show the preview; removed once applied. The file itself is not
/// kept: it is read once, at upload, within the limits of <c>ImportFileReader</c>, and the table it held
/// is stored instead (ADR 0037).
/// </summary>
public sealed class ImportUpload
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string UploadedById { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    /// <summary>
    /// The table read from the file, as JSON (<c>ImportTable.ToJson</c>). Null only for uploads stored before
    /// ADR 0037, which kept the raw file; those are asked to be uploaded again.
    /// </summary>
    public string? Table { get; set; }

    public int? LocationId { get; set; }

    public bool FullImport { get; set; }

    public DateOnly LeavingDate { get; set; }

    /// <summary>The user's column mapping, as field names separated by '|'.</summary>
    public string? Mapping { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}
