using System.Text.Json;

namespace LeerlingzorgPortal.Web.Features.Import;

/// <summary>
/// A table read from an export: the header and the data rows with their line numbers. Read once, at upload, and
/// stored as JSON with the upload (ADR 0037), so the preview and the confirmation never open the file again.
/// </summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Rows)
{
    public string ToJson() =>
        JsonSerializer.Serialize(new StoredTable(Headers, Rows.Select(r => new StoredRow(r.Line, r.Cells)).ToList()));

    public static ImportTable FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var stored = JsonSerializer.Deserialize<StoredTable>(json) ?? throw new JsonException("An import table was stored as null.");
        return new ImportTable(stored.Headers, stored.Rows.Select(r => (r.Line, r.Cells)).ToList());
    }

    private sealed record StoredTable(IReadOnlyList<string> Headers, IReadOnlyList<StoredRow> Rows);

    private sealed record StoredRow(int Line, IReadOnlyList<string> Cells);
}
