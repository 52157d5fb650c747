using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;

namespace LeerlingzorgPortal.Web.Features.Reports;

/// <summary>
/// A report table as a file, exactly as shown on screen (the small-cell rule already applied).
/// CSV for any tool, Excel for the school's own spreadsheets.
/// </summary>
public static class ReportExport
{
    // Spreadsheets also read the full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20) as formula starts,
    // because they normalise them to their ASCII forms on entry.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

    /// <summary>
    /// Semicolon-separated, UTF-8 with a byte-order mark (what Dutch Excel opens correctly), quoted per
    /// RFC 4180. A cell a spreadsheet would take for a formula gets a leading apostrophe.
    /// </summary>
    public static byte[] ToCsv(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Csv(Rows(table));
    }

    /// <summary>A list of text (the coordinator's lists with names) as CSV, written the same way.</summary>
    public static byte[] ToCsv(TextTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Csv(table.AllRows());
    }

    /// <summary>A list of text as one worksheet, written the same way.</summary>
    public static byte[] ToXlsx(TextTable table, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Xlsx(table.AllRows(), sheetName);
    }

    /// <summary>The table as a download named <paramref name="name"/>: CSV when <paramref name="format"/> is "csv", otherwise Excel.</summary>
    public static FileContentResult ToFile(ReportTable table, string name, string format, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(table);
        return File(Rows(table), name, format, sheetName);
    }

    /// <summary>A list of text as a download, the same way.</summary>
    public static FileContentResult ToFile(TextTable table, string name, string format, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(table);
        return File(table.AllRows(), name, format, sheetName);
    }

    private static FileContentResult File(IEnumerable<IReadOnlyList<string>> rows, string name, string format, string sheetName) =>
        format == "csv"
            ? new FileContentResult(Csv(rows), "text/csv; charset=utf-8") { FileDownloadName = name + ".csv" }
            : new FileContentResult(Xlsx(rows, sheetName), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            {
                FileDownloadName = name + ".xlsx",
            };

    private static byte[] Csv(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(';', row.Select(CsvCell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One worksheet with the table; every cell is text, so nothing is evaluated as a formula.</summary>
    public static byte[] ToXlsx(ReportTable table, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Xlsx(Rows(table), sheetName);
    }

    private static byte[] Xlsx(IEnumerable<IReadOnlyList<string>> rows, string sheetName)
    {
        ArgumentNullException.ThrowIfNull(sheetName);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                data.Append(new Row(row.Select(value => new Cell
                {
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
                })));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = sheetName.Length > 31 ? sheetName[..31] : sheetName,
            }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Neutralises what a spreadsheet would run: =, +, -, @, their full-width forms (and tab or carriage return) at the start.</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(ReportTable table)
    {
        yield return [table.Caption, .. table.Columns];
        foreach (var row in table.Rows)
        {
            yield return [row.Label, .. row.Cells];
        }

        if (table.Totals is { } totals && table.Rows.Count > 0)
        {
            yield return [totals.Label, .. totals.Cells];
        }
    }

    private static string CsvCell(string value)
    {
        var safe = Neutralise(value);
        return safe.IndexOfAny([';', '"', '\n', '\r', ',']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

/// <summary>A plain table of text: a header line and rows, for lists that are not counts.</summary>
public sealed record TextTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public IEnumerable<IReadOnlyList<string>> AllRows() => [Columns, .. Rows];
}
