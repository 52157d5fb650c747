using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LeerlingzorgPortal.Web.Features.Reports;

namespace LeerlingzorgPortal.Web.Tests.Features.Reports;

/// <summary>Report tables as CSV and Excel: exactly what the screen shows, nothing a spreadsheet would run.</summary>
public sealed class ReportExportTests
{
    private static readonly ReportTable Table = new("Faciliteiten per soort", ["Noord", "Zuid"],
        [new ReportRow("Extra tijd", ["12", "<5"]), new ReportRow("=HYPERLINK(\"http://x\")", ["-3", "@SUM(A1)"]), new ReportRow("Laptop; \"groot\"", ["+1", "7"])],
        new ReportRow("Totaal", ["20", "9"]));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31612345678", "'+31612345678")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\uFF1D1+1", "'\uFF1D1+1")]
    [InlineData("\uFF0B31612345678", "'\uFF0B31612345678")]
    [InlineData("\uFF0D2", "'\uFF0D2")]
    [InlineData("\uFF20SUM(A1:A2)", "'\uFF20SUM(A1:A2)")]
    [InlineData("<5", "<5")]
    [InlineData("Extra tijd", "Extra tijd")]
    public void A_cell_a_spreadsheet_would_take_for_a_formula_is_neutralised(string value, string written)
    {
        Assert.Equal(written, ReportExport.Neutralise(value));
    }

    [Fact]
    public void The_csv_is_utf8_with_a_bom_semicolon_separated_quoted_and_neutralised()
    {
        var bytes = ReportExport.ToCsv(Table);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "Faciliteiten per soort;Noord;Zuid",
            "Extra tijd;12;<5",
            "\"'=HYPERLINK(\"\"http://x\"\")\";'-3;'@SUM(A1)",
            "\"Laptop; \"\"groot\"\"\";'+1;7",
            "Totaal;20;9",
        ], lines);
    }

    [Fact]
    public void The_excel_file_holds_the_table_as_text_cells_without_formulas()
    {
        var bytes = ReportExport.ToXlsx(Table, "Faciliteiten");

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Faciliteiten", sheet.Name!.Value);
        var cells = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.Equal(15, cells.Count);
        Assert.All(cells, c => Assert.Null(c.CellFormula));
        Assert.All(cells, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.Equal(["Faciliteiten per soort", "Noord", "Zuid", "Extra tijd", "12", "<5"], cells.Take(6).Select(c => c.InnerText));
    }
}
