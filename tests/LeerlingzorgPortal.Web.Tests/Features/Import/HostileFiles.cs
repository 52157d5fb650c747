using System.IO.Compression;
using System.Text;

namespace LeerlingzorgPortal.Web.Tests.Features.Import;

/// <summary>
/// Import files built to exhaust the server (ADR 0037), made here rather than stored, so each shows what it does.
/// The .xlsx files are written by hand as zips, with only the parts a workbook needs.
/// </summary>
public static class HostileFiles
{
    private const string SheetMl = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>How far the zip bombs inflate: five times the import's limit.</summary>
    public const long BombBytes = 5 * LeerlingzorgPortal.Web.Features.Import.ImportFileReader.MaxUnpackedBytes;

    private static readonly Lazy<byte[]> Bomb = new(() => Xlsx(WhitespaceSheet(BombBytes)));

    private static readonly Lazy<byte[]> LyingBomb = new(() => DeclareSmallSize(Bomb.Value, "xl/worksheets/sheet1.xml", 1_000));

    /// <summary>Case name, file name, the file, and a part of the Dutch refusal.</summary>
    public static readonly IReadOnlyDictionary<string, (string FileName, Func<byte[]> Build, string Message)> Cases =
        new Dictionary<string, (string, Func<byte[]>, string)>
        {
            ["column beyond Excel (ZZZZ1)"] = ("export.xlsx", () => Xlsx(Rows(Row(1, Cell("ZZZZ1", "Leerlingnummer")))), "bestaat niet in Excel"),
            ["reference that overflows a number"] = ("export.xlsx", () => Xlsx(Rows(Row(1, Cell(new string('Z', 40) + "1", "x")))), "bestaat niet in Excel"),
            ["row beyond Excel"] = ("export.xlsx", () => Xlsx(Rows(Row(1, Cell("A1", "Leerlingnummer")), Row(99_999_999, Cell("A2", "1")))), "bestaat niet in Excel"),
            ["Excel's last cell (XFD1048576)"] = ("export.xlsx", () => Xlsx(Rows(Row(1, Cell("A1", "Leerlingnummer")), Row(1_048_576, Cell("XFD1048576", "x")))), "meer dan 100 kolommen"),
            ["one far-right cell"] = ("export.xlsx", () => Xlsx(Rows(
                Row(1, Cell("A1", "Leerlingnummer"), Cell("B1", "Roepnaam"), Cell("C1", "Achternaam")),
                Row(2, Cell("A2", "1"), Cell("B2", "Anna"), Cell("C2", "Jong"), Cell("XFD2", "x")))), "meer dan 100 kolommen"),
            ["too many columns in a workbook"] = ("export.xlsx", () => Xlsx(Rows(Row(1, Enumerable.Range(0, 101).Select(i => Cell(null, "Kolom" + i)).ToArray()))), "meer dan 100 kolommen"),
            ["too many rows in a workbook"] = ("export.xlsx", () => Xlsx(Rows([Row(1, Cell("A1", "Leerlingnummer")),
                .. Enumerable.Range(2, 50_001).Select(i => Row(i, Cell("A" + i, "1")))])), "meer dan 50.000 leerlingen"),
            ["zip bomb"] = ("export.xlsx", () => Bomb.Value, "uitgepakt groter dan 50 MB"),
            ["zip bomb whose headers lie about its size"] = ("export.xlsx", () => LyingBomb.Value, "kan niet worden gelezen"),
            ["shared string repeated in every cell"] = ("export.xlsx", () => Xlsx(Rows(Enumerable.Range(1, 20)
                .Select(r => Row(r, Enumerable.Range(0, 20).Select(_ => "<c t=\"s\"><v>0</v></c>").ToArray())).ToArray()),
                sharedStrings: new string('x', 1_000_000)), "tekens aan gegevens"),
            ["not a zip"] = ("export.xlsx", () => Encoding.ASCII.GetBytes("Leerlingnummer;Roepnaam\n1;Anna\n"), "kan niet worden gelezen"),
            ["zip without a workbook"] = ("export.xlsx", ZipWithoutWorkbook, "geen Excelwerkmap"),
            ["zip with too many parts"] = ("export.xlsx", ZipWithManyParts, "meer dan 1.000 onderdelen"),
            ["too many rows in a CSV"] = ("export.csv", () => Encoding.UTF8.GetBytes("Leerlingnummer;Roepnaam\n" + string.Concat(Enumerable.Repeat("1;Anna\n", 50_001))), "meer dan 50.000 leerlingen"),
            ["too many columns in a CSV"] = ("export.csv", () => Encoding.UTF8.GetBytes(string.Join(';', Enumerable.Range(0, 101).Select(i => "Kolom" + i)) + "\n1\n"), "meer dan 100 kolommen"),
            ["a million separators on one CSV line"] = ("export.csv", () => Encoding.UTF8.GetBytes("Leerlingnummer;Roepnaam\n" + new string(';', 1_000_000) + "\n"), "meer dan 100 kolommen"),
        };

    public static string Cell(string? reference, string text) =>
        $"<c{(reference is null ? "" : $" r=\"{reference}\"")} t=\"inlineStr\"><is><t>{text}</t></is></c>";

    public static string Row(int index, params string[] cells) => $"<row r=\"{index}\">{string.Concat(cells)}</row>";

    public static Action<Stream> Rows(params string[] rows) => stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{SheetMl}\"><sheetData>");
        foreach (var row in rows)
        {
            writer.Write(row);
        }

        writer.Write("</sheetData></worksheet>");
    };

    /// <summary>A header row, then whitespace until the sheet is <paramref name="bytes"/> long: compresses about a thousandfold.</summary>
    private static Action<Stream> WhitespaceSheet(long bytes) => stream =>
    {
        var head = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{SheetMl}\"><sheetData>{Row(1, Cell("A1", "Leerlingnummer"))}");
        stream.Write(head);
        var spaces = new byte[1 << 20];
        Array.Fill(spaces, (byte)' ');
        for (var written = (long)head.Length; written < bytes; written += spaces.Length)
        {
            stream.Write(spaces);
        }

        stream.Write("</sheetData></worksheet>"u8);
    };

    /// <summary>A workbook with one sheet (and optionally one shared string).</summary>
    public static byte[] Xlsx(Action<Stream> writeSheet, string? sharedStrings = null)
    {
        var types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
                    (sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>") +
                    "</Types>";
        const string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
        var workbook = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{SheetMl}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                       "<sheets><sheet name=\"Leerlingen\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
        var workbookRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
                           (sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
                           "</Relationships>";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", types);
            Add(zip, "_rels/.rels", rels);
            Add(zip, "xl/workbook.xml", workbook);
            Add(zip, "xl/_rels/workbook.xml.rels", workbookRels);
            if (sharedStrings is not null)
            {
                Add(zip, "xl/sharedStrings.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{SheetMl}\"><si><t>{sharedStrings}</t></si></sst>");
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            writeSheet(sheet);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static byte[] ZipWithoutWorkbook()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "leerlingen.txt", "Leerlingnummer;Roepnaam\n1;Anna\n");
        }

        return buffer.ToArray();
    }

    private static byte[] ZipWithManyParts()
    {
        var workbook = Xlsx(Rows(Row(1, Cell("A1", "Leerlingnummer")), Row(2, Cell("A2", "1"))));
        using var buffer = new MemoryStream();
        buffer.Write(workbook);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < 1_000; i++)
            {
                Add(zip, $"xl/media/empty{i}.xml", "");
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Rewrites the uncompressed size an entry declares, in its local header and in the central directory.</summary>
    private static byte[] DeclareSmallSize(byte[] zip, string entry, uint size)
    {
        var copy = (byte[])zip.Clone();
        var name = Encoding.ASCII.GetBytes(entry);
        for (var i = 0; i + 46 + name.Length <= copy.Length; i++)
        {
            if (copy[i] == 0x50 && copy[i + 1] == 0x4B && copy[i + 2] == 0x03 && copy[i + 3] == 0x04
                && copy.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(copy.AsSpan(i + 22, 4), size);
            }
            else if (copy[i] == 0x50 && copy[i + 1] == 0x4B && copy[i + 2] == 0x01 && copy[i + 3] == 0x02
                     && copy.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(copy.AsSpan(i + 24, 4), size);
            }
        }

        return copy;
    }
}
