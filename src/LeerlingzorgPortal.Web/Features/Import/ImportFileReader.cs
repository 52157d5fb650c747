using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace LeerlingzorgPortal.Web.Features.Import;

/// <summary>
/// Reads CSV (UTF-8 with or without BOM, or Windows-1252; ';' or ',') and Excel (.xlsx) exports.
/// Whatever is wrong with the file as a whole comes back as one Dutch sentence. Every limit below is checked while
/// reading, so a hostile file is refused after a bounded amount of work and memory (ADR 0037).
/// </summary>
public static class ImportFileReader
{
    /// <summary>The largest upload.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most an .xlsx may unpack to, all its parts together: checked against the sizes the zip declares before
    /// anything is opened, and counted again on every byte inflated while reading, so a zip that lies is refused too.</summary>
    public const long MaxUnpackedBytes = 50 * 1024 * 1024;

    /// <summary>The most pupils (non-empty data rows) one file may hold: a whole board of 20,000 with room to spare.</summary>
    public const int MaxRows = 50_000;

    /// <summary>The most columns a table may have; an export of the pupil administration has a few dozen at most.</summary>
    public const int MaxColumns = 100;

    /// <summary>The most characters of cell text a table (or an .xlsx's shared strings) may hold: no more than the largest
    /// upload holds as CSV, so shared strings repeated in many cells cannot blow the table up.</summary>
    public const int MaxCharacters = MaxBytes;

    /// <summary>The most parts an .xlsx may have; a pupil export has about ten.</summary>
    private const int MaxZipEntries = 1_000;

    /// <summary>Excel's own grid: columns A to XFD, rows 1 to 1,048,576.</summary>
    private const int ExcelColumns = 16_384;

    private const int ExcelRows = 1_048_576;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private static readonly string TooManyRows = string.Format(Dutch,
        "Het bestand heeft meer dan {0:N0} leerlingen; splits de export, bijvoorbeeld per locatie.", MaxRows);

    private static readonly string TooMuchText = string.Format(Dutch,
        "Het bestand bevat meer dan {0:N0} tekens aan gegevens; exporteer alleen de kolommen die de import nodig heeft.", MaxCharacters);

    private static readonly string Unreadable = "Het Excelbestand kan niet worden gelezen; sla het opnieuw op als .xlsx of als CSV.";

    private static readonly string NotAWorkbook = "Het bestand is wel een zip-bestand, maar geen Excelwerkmap; sla het opnieuw op als .xlsx of als CSV.";

    private static readonly string UnpacksTooLarge = string.Format(Dutch,
        "Het Excelbestand is uitgepakt groter dan {0} MB; sla het op als CSV of exporteer minder kolommen.", MaxUnpackedBytes / 1024 / 1024);

    private static string TooManyColumns(int line) => string.Format(Dutch,
        "Regel {0} heeft meer dan {1} kolommen; exporteer alleen de kolommen die de import nodig heeft.", line, MaxColumns);

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
                    if (records.Count > MaxRows + 1)
                    {
                        return (records, TooManyRows);
                    }

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
                        if (cells.Count >= MaxColumns)
                        {
                            return (records, TooManyColumns(recordLine));
                        }
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
            if (records.Count > MaxRows + 1)
            {
                return (records, TooManyRows);
            }
        }

        return records.Count == 0 ? (records, "Het bestand is leeg.") : (records, null);
    }

    /// <summary>
    /// Reads the first sheet of an .xlsx. The Open XML SDK finds the parts (workbook, first sheet, shared strings) through
    /// the package's relationships; the parts themselves are read forward-only with an <see cref="XmlReader"/> (no DTDs),
    /// through one <see cref="UnpackBudget"/>, and cells are kept sparse until a row is known to be within the limits.
    /// </summary>
    private static (ImportTable?, string?) ReadExcel(byte[] content)
    {
        var budget = new UnpackBudget(MaxUnpackedBytes);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            if (CheckZip(stream) is { } problem)
            {
                return (null, problem);
            }

            stream.Position = 0;
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart;
            if (workbook is null || FirstSheetId(workbook, budget) is not { } sheetId
                                 || workbook.GetPartById(sheetId) is not WorksheetPart sheet)
            {
                return (null, NotAWorkbook);
            }

            var (shared, sharedProblem) = ReadSharedStrings(workbook.SharedStringTablePart, budget);
            return sharedProblem is not null ? (null, sharedProblem) : ReadSheet(sheet, shared, budget);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or OpenXmlPackageException or IOException or FileFormatException
                                      or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException
                                      or NotSupportedException)
        {
            return (null, budget.Exceeded ? UnpacksTooLarge : budget.TextExceeded ? TooMuchText : Unreadable);
        }
    }

    /// <summary>Before opening: is it a zip, with a workbook's content types, few parts, and a declared size within the limit?</summary>
    private static string? CheckZip(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxZipEntries)
        {
            return string.Format(Dutch, "Het Excelbestand bestaat uit meer dan {0:N0} onderdelen; sla het opnieuw op als .xlsx of als CSV.", MaxZipEntries);
        }

        if (zip.Entries.All(e => e.FullName != "[Content_Types].xml"))
        {
            return NotAWorkbook;
        }

        return zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes ? UnpacksTooLarge : null;
    }

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private static XmlReader Open(OpenXmlPart part, UnpackBudget budget) =>
        XmlReader.Create(new BudgetStream(part.GetStream(FileMode.Open, FileAccess.Read), budget), XmlSettings);

    /// <summary>SpreadsheetML in its transitional and its strict namespace.</summary>
    private static bool IsSheetMl(XmlReader xml) =>
        xml.NamespaceURI is "http://schemas.openxmlformats.org/spreadsheetml/2006/main" or "http://purl.oclc.org/ooxml/spreadsheetml/main";

    private static string? FirstSheetId(WorkbookPart workbook, UnpackBudget budget)
    {
        using var xml = Open(workbook, budget);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && IsSheetMl(xml))
            {
                return xml.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                       ?? xml.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
            }
        }

        return null;
    }

    private static (List<string> Strings, string? Problem) ReadSharedStrings(SharedStringTablePart? part, UnpackBudget budget)
    {
        var strings = new List<string>();
        if (part is null)
        {
            return (strings, null);
        }

        var characters = 0L;
        using var xml = Open(part, budget);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && IsSheetMl(xml))
            {
                var text = ReadText(xml, budget);
                characters += text.Length;
                if (characters > MaxCharacters)
                {
                    return (strings, TooMuchText);
                }

                strings.Add(text);
            }
        }

        return (strings, null);
    }

    /// <summary>The text of a string item or inline string: its runs' <c>t</c> elements, without phonetic runs.</summary>
    private static string ReadText(XmlReader xml, UnpackBudget budget)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        using var item = xml.ReadSubtree();
        item.Read();
        item.Read();
        while (!item.EOF)
        {
            if (item.NodeType == XmlNodeType.Element && item.LocalName == "rPh")
            {
                item.Skip();
            }
            else if (item.NodeType == XmlNodeType.Element && item.LocalName == "t" && IsSheetMl(item))
            {
                text.Append(ReadContent(item, budget));
                if (text.Length > MaxCharacters)
                {
                    budget.FailOnText();
                }
            }
            else
            {
                item.Read();
            }
        }

        return text.ToString();
    }

    private static (ImportTable?, string?) ReadSheet(WorksheetPart sheet, List<string> shared, UnpackBudget budget)
    {
        List<string>? headers = null;
        var data = new List<(int Line, IReadOnlyList<string> Cells)>();
        var current = new string?[MaxColumns];
        var width = 0;
        var characters = 0L;
        var line = 0;
        var column = -1;
        var inRow = false;

        // A row is complete: the first is the header, later ones are kept if they hold anything under a header.
        string? EndRow()
        {
            inRow = false;
            if (headers is null)
            {
                headers = current.Take(width).Select(h => h?.Trim() ?? string.Empty).ToList();
            }
            else if (current.Take(Math.Min(width, headers.Count)).Any(c => c is not null))
            {
                if (data.Count == MaxRows)
                {
                    return TooManyRows;
                }

                data.Add((line, current.Take(headers.Count).Select(c => c ?? string.Empty).ToList()));
            }

            Array.Clear(current);
            width = 0;
            return null;
        }

        using var xml = Open(sheet, budget);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row" && inRow && IsSheetMl(xml))
            {
                if (EndRow() is { } problem)
                {
                    return (null, problem);
                }

                continue;
            }

            if (xml.NodeType != XmlNodeType.Element || !IsSheetMl(xml))
            {
                continue;
            }

            if (xml.LocalName == "row")
            {
                if (inRow && EndRow() is { } previous)
                {
                    return (null, previous);
                }

                var index = xml.GetAttribute("r");
                if (index is null)
                {
                    line++;
                }
                else if (int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= ExcelRows)
                {
                    line = number;
                }
                else
                {
                    return (null, $"Rij '{Shorten(index)}' bestaat niet in Excel (de laatste rij is 1.048.576); het bestand is beschadigd.");
                }

                column = -1;
                inRow = true;
                if (xml.IsEmptyElement && EndRow() is { } problem)
                {
                    return (null, problem);
                }
            }
            else if (xml.LocalName == "c" && inRow)
            {
                var reference = xml.GetAttribute("r");
                if (reference is null)
                {
                    column++;
                }
                else if (ColumnIndex(reference) is { } index)
                {
                    column = index;
                }
                else
                {
                    return (null, $"Cel '{Shorten(reference)}' bestaat niet in Excel (de laatste kolom is XFD, de laatste rij 1.048.576); het bestand is beschadigd.");
                }

                var value = ReadCell(xml, shared, budget);
                if (value.Length == 0)
                {
                    continue;
                }

                if (column >= MaxColumns)
                {
                    return (null, TooManyColumns(line));
                }

                // A cell written twice counts once, as its last value.
                characters += value.Length - (current[column]?.Length ?? 0);
                if (characters > MaxCharacters)
                {
                    return (null, TooMuchText);
                }

                current[column] = value;
                width = Math.Max(width, column + 1);
            }
        }

        if (inRow && EndRow() is { } last)
        {
            return (null, last);
        }

        return headers is null ? (null, "Het Excelbestand is leeg.") : (new ImportTable(headers, data), null);
    }

    /// <summary>A cell's text: a shared string, a formula (flagged with '='), an inline string or the value as written.</summary>
    private static string ReadCell(XmlReader xml, List<string> shared, UnpackBudget budget)
    {
        var type = xml.GetAttribute("t");
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        string? value = null;
        string? formula = null;
        string? inline = null;
        using var cell = xml.ReadSubtree();
        cell.Read();
        cell.Read();
        while (!cell.EOF)
        {
            if (cell.NodeType == XmlNodeType.Element && IsSheetMl(cell) && cell.LocalName is "v" or "f")
            {
                if (cell.LocalName == "v")
                {
                    value = ReadContent(cell, budget);
                }
                else
                {
                    formula = ReadContent(cell, budget);
                }
            }
            else if (cell.NodeType == XmlNodeType.Element && IsSheetMl(cell) && cell.LocalName == "is")
            {
                inline = ReadText(cell, budget);
                cell.Read();
            }
            else
            {
                cell.Read();
            }
        }

        return type == "s" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Count
            ? shared[index]
            : formula is not null ? "=" + formula : value ?? inline ?? string.Empty;
    }

    /// <summary>
    /// An element's text, read in chunks so that no text longer than <see cref="MaxCharacters"/> is ever held; leaves the
    /// reader after the element.
    /// </summary>
    private static string ReadContent(XmlReader xml, UnpackBudget budget)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return string.Empty;
        }

        xml.Read();
        var text = new StringBuilder();
        var chunk = new char[4096];
        while (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
        {
            int read;
            while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                text.Append(chunk, 0, read);
                if (text.Length > MaxCharacters)
                {
                    budget.FailOnText();
                }
            }

            xml.Read();
        }

        if (xml.NodeType != XmlNodeType.EndElement)
        {
            throw new XmlException("A cell's value holds markup.");
        }

        xml.Read();
        return text.ToString();
    }

    /// <summary>The zero-based column of a reference like "B7", or null when it is not a cell of Excel's grid.</summary>
    private static int? ColumnIndex(string reference)
    {
        var index = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            index = (index * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (index > ExcelColumns)
            {
                return null;
            }
        }

        return i > 0 && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is >= 1 and <= ExcelRows
            ? index - 1
            : null;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    /// <summary>How many bytes may still be inflated while reading one file; flags itself when exceeded (and when one
    /// text is too long), so the refusal can say which limit it was.</summary>
    private sealed class UnpackBudget(long bytes)
    {
        private long _left = bytes;

        public bool Exceeded { get; private set; }

        public bool TextExceeded { get; private set; }

        public void FailOnText()
        {
            TextExceeded = true;
            throw new InvalidDataException("A text in the file is longer than the import allows.");
        }

        public void Spend(int count)
        {
            _left -= count;
            if (_left < 0)
            {
                Exceeded = true;
                throw new InvalidDataException("The file unpacks to more than the import allows.");
            }
        }
    }

    /// <summary>A read-only stream that spends the budget for every byte read from the part.</summary>
    private sealed class BudgetStream(Stream inner, UnpackBudget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
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
