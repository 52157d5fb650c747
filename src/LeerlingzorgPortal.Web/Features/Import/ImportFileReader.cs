using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LeerlingzorgPortal.Web.Features.Import;

/// <summary>A table read from an export: the header and the data rows with their line numbers.</summary>
public sealed record ImportTable(IReadOnlyList<string> Headers, IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Rows);

/// <summary>
/// Reads CSV (UTF-8 with or without BOM, or Windows-1252; ';' or ',') and Excel (.xlsx) exports.
/// Whatever is wrong with the file as a whole comes back as one Dutch sentence.
/// </summary>
public static class ImportFileReader
{
    public const int MaxBytes = 10 * 1024 * 1024;

    static ImportFileReader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static (ImportTable? Table, string? Problem) Read(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return (null, "Het bestand is leeg.");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"Het bestand is te groot ({content.Length / 1024 / 1024} MB); de grens is {MaxBytes / 1024 / 1024} MB.");
        }

        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        var result = extension switch
        {
            ".CSV" or ".TXT" => ReadCsv(content),
            ".XLSX" => ReadExcel(content),
            _ => (null, $"Bestanden van het type '{extension}' worden niet ondersteund; lever een CSV- of Excelbestand (.xlsx) aan."),
        };
        if (result.Item1 is { } table && table.Rows.Count == 0)
        {
            return (null, "Het bestand heeft alleen een kopregel en geen leerlingen.");
        }

        return result;
    }

    public static string Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            // Not valid UTF-8: older exports are Windows-1252.
            return Encoding.GetEncoding(1252).GetString(content);
        }
    }

    private static (ImportTable?, string?) ReadCsv(byte[] content)
    {
        var text = Decode(content);
        var firstLine = text.Split('\n', 2)[0];
        var semicolons = firstLine.Count(c => c == ';');
        var commas = firstLine.Count(c => c == ',');
        if (semicolons == 0 && commas == 0)
        {
            return (null, "De kopregel heeft geen scheidingstekens (';' of ','); is dit een export van de leerlingadministratie?");
        }

        var separator = semicolons >= commas ? ';' : ',';
        var (records, problem) = Split(text, separator);
        if (problem is not null)
        {
            return (null, problem);
        }

        var headers = records[0].Cells.Select(h => h.Trim()).ToList();
        var rows = records.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        var wrongWidth = rows.FirstOrDefault(r => r.Cells.Count != headers.Count);
        if (wrongWidth.Cells is not null)
        {
            var other = separator == ';' ? ',' : ';';
            return (null, wrongWidth.Cells.Count == 1 && string.Join("", wrongWidth.Cells).Contains(other, StringComparison.Ordinal)
                ? $"Regel {wrongWidth.Line} gebruikt een ander scheidingsteken dan de kopregel ('{other}' in plaats van '{separator}')."
                : $"Regel {wrongWidth.Line} heeft {wrongWidth.Cells.Count} kolommen, de kopregel {headers.Count}.");
        }

        return (new ImportTable(headers, rows), null);
    }

    /// <summary>RFC 4180: quoted fields may hold separators, doubled quotes and line breaks.</summary>
    private static (List<(int Line, IReadOnlyList<string> Cells)> Records, string? Problem) Split(string text, char separator)
    {
        var records = new List<(int, IReadOnlyList<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteStartLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                    if (i + 1 < text.Length && text[i + 1] != separator && text[i + 1] != '\r' && text[i + 1] != '\n')
                    {
                        return (records, $"Regel {line}: na een aanhalingsteken hoort een scheidingsteken of het einde van de regel.");
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    quoteStartLine = line;
                    break;
                case '"':
                    return (records, $"Regel {line}: een aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens.");
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    records.Add((recordLine, cells));
                    cells = [];
                    cell.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (c == separator)
                    {
                        cells.Add(cell.ToString());
                        cell.Clear();
                    }
                    else
                    {
                        cell.Append(c);
                    }

                    break;
            }
        }

        if (quoted)
        {
            return (records, $"Regel {quoteStartLine}: een aanhalingsteken wordt niet gesloten.");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells));
        }

        return records.Count == 0 ? (records, "Het bestand is leeg.") : (records, null);
    }

    private static (ImportTable?, string?) ReadExcel(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException();
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException();
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var rows = new List<(int Line, IReadOnlyList<string> Cells)>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var values = new SortedDictionary<int, string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value ?? "A1");
                    var raw = cell.CellValue?.InnerText ?? cell.InlineString?.InnerText ?? string.Empty;
                    values[column] = cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < shared.Count
                        ? shared[index]
                        : cell.CellFormula is not null ? "=" + cell.CellFormula.Text : raw;
                }

                var width = values.Count == 0 ? 0 : values.Keys.Max() + 1;
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), Enumerable.Range(0, width).Select(i => values.GetValueOrDefault(i, string.Empty)).ToList()));
            }

            if (rows.Count == 0)
            {
                return (null, "Het Excelbestand is leeg.");
            }

            var headers = rows[0].Cells.Select(h => h.Trim()).ToList();
            var data = rows.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0))
                .Select(r => (r.Line, (IReadOnlyList<string>)Enumerable.Range(0, headers.Count).Select(i => i < r.Cells.Count ? r.Cells[i] : string.Empty).ToList()))
                .ToList();
            return (new ImportTable(headers, data), null);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or IOException or FileFormatException)
        {
            return (null, "Het Excelbestand kan niet worden gelezen; sla het opnieuw op als .xlsx of als CSV.");
        }
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    public static DateOnly? ParseDate(string value)
    {
        var text = value.Trim();
        string[] formats = ["d-M-yyyy", "dd-MM-yyyy", "yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // Excel stores dates as days since 30 December 1899.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial))
            : null;
    }
}
