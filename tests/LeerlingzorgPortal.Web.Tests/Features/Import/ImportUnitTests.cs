using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LeerlingzorgPortal.Web.Features.Import;

namespace LeerlingzorgPortal.Web.Tests.Features.Import;

/// <summary>Reading export files and planning an import, without a database.</summary>
public sealed class ImportUnitTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private const string Header = "Leerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Mentor";

    static ImportUnitTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static ImportContext Context(params ExistingPupil[] pupils) => new(
        pupils.ToDictionary(p => p.Number, StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, int> { ["T-N"] = 1, ["T-Z"] = 2 },
        new HashSet<int> { 1 },
        new HashSet<(int, string)> { (1, "1A") },
        new Dictionary<string, StaffInfo>
        {
            ["MENTOR@TEST.EXAMPLE"] = new("m1", new HashSet<int> { 1 }, new HashSet<(int, string)> { (1, "1A") }),
            ["ZUID@TEST.EXAMPLE"] = new("m2", new HashSet<int> { 2 }, new HashSet<(int, string)>()),
        },
        1, Today);

    private static ExistingPupil Existing(string number, string group = "1A", int location = 1, string last = "Jong") =>
        new(10, number, location, group, "Anna", "de", last, new DateOnly(2013, 3, 14), null, ["ouder@test.example"], []);

    private static ImportTable Table(string csv)
    {
        var (table, problem) = ImportFileReader.Read("export.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Null(problem);
        return table!;
    }

    private static ImportPlan Plan(string csv, ImportContext context, bool full = false)
    {
        var table = Table(csv);
        return ImportPlanner.Plan(table, HeaderRecognizer.Recognize(table.Headers), context, full);
    }

    [Theory]
    [InlineData("Leerlingnummer", ImportField.Number)]
    [InlineData("llnr", ImportField.Number)]
    [InlineData("Student number", ImportField.Number)]
    [InlineData("Roepnaam", ImportField.FirstName)]
    [InlineData("First name", ImportField.FirstName)]
    [InlineData("Tussenvoegsel", ImportField.Prefix)]
    [InlineData("Achternaam", ImportField.LastName)]
    [InlineData("Surname", ImportField.LastName)]
    [InlineData("Geboortedatum", ImportField.DateOfBirth)]
    [InlineData("Date of birth", ImportField.DateOfBirth)]
    [InlineData("Stamgroep", ImportField.Group)]
    [InlineData("Klas", ImportField.Group)]
    [InlineData("Vestiging", ImportField.Location)]
    [InlineData("Mentor", ImportField.MentorEmail)]
    [InlineData("E-mail ouder", ImportField.GuardianEmail)]
    [InlineData("Telefoon ouder", ImportField.GuardianPhone)]
    [InlineData("Parent e-mail", ImportField.GuardianEmail)]
    [InlineData("Lievelingskleur", ImportField.Ignore)]
    public void Common_Dutch_and_English_headers_are_recognised(string header, ImportField expected) =>
        Assert.Equal(expected, HeaderRecognizer.Recognize([header])[0]);

    [Fact]
    public void A_header_that_occurs_twice_is_mapped_only_once() =>
        Assert.Equal([ImportField.Number, ImportField.Ignore], HeaderRecognizer.Recognize(["Leerlingnummer", "llnr"]));

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    public void Both_separators_are_read(char separator)
    {
        var csv = $"Leerlingnummer{separator}Roepnaam{separator}Achternaam\n1{separator}\"Anna{separator} Maria\"{separator}Jong\n";
        var table = Table(csv);

        Assert.Equal(["Leerlingnummer", "Roepnaam", "Achternaam"], table.Headers);
        Assert.Equal($"Anna{separator} Maria", table.Rows[0].Cells[1]);
    }

    [Fact]
    public void Utf8_with_and_without_bom_and_windows_1252_read_the_same_names()
    {
        const string csv = "Leerlingnummer;Roepnaam;Achternaam\n1;Zoë;Ağaoğlu Çelik\n";
        const string csv1252 = "Leerlingnummer;Roepnaam;Achternaam\n1;Zoë;Müller\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var withoutBom = Encoding.UTF8.GetBytes(csv);
        var windows = Encoding.GetEncoding(1252).GetBytes(csv1252);

        Assert.Equal("Zoë", ImportFileReader.Read("a.csv", withBom).Table!.Rows[0].Cells[1]);
        Assert.Equal("Leerlingnummer", ImportFileReader.Read("a.csv", withBom).Table!.Headers[0]);
        Assert.Equal("Ağaoğlu Çelik", ImportFileReader.Read("a.csv", withoutBom).Table!.Rows[0].Cells[2]);
        Assert.Equal("Müller", ImportFileReader.Read("a.csv", windows).Table!.Rows[0].Cells[2]);
        Assert.Equal("Zoë", ImportFileReader.Read("a.csv", windows).Table!.Rows[0].Cells[1]);
    }

    [Fact]
    public void Quoted_fields_may_hold_line_breaks_and_doubled_quotes()
    {
        var table = Table("Leerlingnummer;Opmerking\n1;\"Regel een\nRegel \"\"twee\"\"\"\n2;x\n");

        Assert.Equal("Regel een\nRegel \"twee\"", table.Rows[0].Cells[1]);
        Assert.Equal(4, table.Rows[1].Line);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "leerlingen.pdf", "%PDF-1.4"u8.ToArray(), "niet ondersteund" },
        { "leeg.csv", [], "leeg" },
        { "kop.csv", Encoding.UTF8.GetBytes(Header + "\n"), "alleen een kopregel" },
        { "quote.csv", Encoding.UTF8.GetBytes("Leerlingnummer;Roepnaam\n1;\"Anna\n"), "aanhalingsteken wordt niet gesloten" },
        { "mixed.csv", Encoding.UTF8.GetBytes("Leerlingnummer;Roepnaam;Achternaam\n1,Anna,Jong\n"), "ander scheidingsteken" },
        { "noseparator.csv", Encoding.UTF8.GetBytes("Leerlingnummer\n1\n"), "geen scheidingstekens" },
        { "kapot.xlsx", "niet echt excel"u8.ToArray(), "Excel" },
        { "groot.csv", new byte[ImportFileReader.MaxBytes + 1], "te groot" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_gets_a_Dutch_explanation(string name, byte[] content, string expected)
    {
        var (table, problem) = ImportFileReader.Read(name, content);

        Assert.Null(table);
        Assert.Contains(expected, problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_excel_export_is_read_with_shared_strings_and_formulas_flagged()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            static Cell Text(string reference, string value) =>
                new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
            sheetPart.Worksheet = new Worksheet(new SheetData(
                new Row(Text("A1", "Leerlingnummer"), Text("B1", "Roepnaam"), Text("C1", "Achternaam")) { RowIndex = 1 },
                new Row(Text("A2", "1"), Text("B2", "Zoë"), Text("C2", "Jong")) { RowIndex = 2 },
                new Row(Text("A3", "2"), new Cell { CellReference = "B3", CellFormula = new CellFormula("A1&A2") }, Text("C3", "Vos")) { RowIndex = 3 }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Leerlingen" }));
        }

        var (table, problem) = ImportFileReader.Read("export.xlsx", stream.ToArray());

        Assert.Null(problem);
        Assert.Equal(["Leerlingnummer", "Roepnaam", "Achternaam"], table!.Headers);
        Assert.Equal("Zoë", table.Rows[0].Cells[1]);
        Assert.StartsWith("=", table.Rows[1].Cells[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_built_workbook_within_the_limits_is_read()
    {
        var file = HostileFiles.Xlsx(HostileFiles.Rows(
            HostileFiles.Row(1, HostileFiles.Cell("A1", "Leerlingnummer"), HostileFiles.Cell(null, "Roepnaam"), "<c r=\"D1\" t=\"s\"><v>0</v></c>"),
            HostileFiles.Row(2, HostileFiles.Cell("A2", "1"), HostileFiles.Cell("B2", "Anna"), "<c r=\"CV2\"/>", "<c r=\"D2\"><v>7</v></c>")),
            sharedStrings: "Klas");

        var (table, problem) = ImportFileReader.Read("export.xlsx", file);

        Assert.Null(problem);
        Assert.Equal(["Leerlingnummer", "Roepnaam", "", "Klas"], table!.Headers);
        Assert.Equal(["1", "Anna", "", "7"], table.Rows[0].Cells);
    }

    [Theory]
    [InlineData("zip bomb")]
    [InlineData("zip bomb whose headers lie about its size")]
    public void A_zip_bomb_is_refused_without_allocating_what_it_unpacks_to(string name)
    {
        var (fileName, build, message) = HostileFiles.Cases[name];
        var file = build();

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var (table, problem) = ImportFileReader.Read(fileName, file);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Null(table);
        Assert.Contains(message, problem, StringComparison.Ordinal);
        Assert.True(allocated < 16 * 1024 * 1024, $"Reading the bomb allocated {allocated / 1024 / 1024} MB; it unpacks to {HostileFiles.BombBytes / 1024 / 1024} MB.");
    }

    [Fact]
    public void A_stored_table_reads_back_the_same()
    {
        var table = Table("Leerlingnummer;Roepnaam\n1;\"Zoë \"\"Z\"\"\"\n\n3;Ağaoğlu\n");

        var back = ImportTable.FromJson(table.ToJson());

        Assert.Equal(table.Headers, back.Headers);
        Assert.Equal(table.Rows.Select(r => (r.Line, string.Join("|", r.Cells))), back.Rows.Select(r => (r.Line, string.Join("|", r.Cells))));
    }

    [Theory]
    [InlineData("14-03-2013", 2013, 3, 14)]
    [InlineData("14-3-2013", 2013, 3, 14)]
    [InlineData("2013-03-14", 2013, 3, 14)]
    [InlineData("14/03/2013", 2013, 3, 14)]
    public void Usual_date_notations_are_read(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ImportFileReader.ParseDate(text));

    public static TheoryData<string, string> RowErrors => new()
    {
        { ";Anna;;Jong;14-03-2013;1A;", "leerlingnummer ontbreekt" },
        { "1;;;Jong;14-03-2013;1A;", "roepnaam ontbreekt" },
        { "1;Anna;;;14-03-2013;1A;", "achternaam ontbreekt" },
        { "1;Anna;;Jong;31-02-2013;1A;", "geen geldige datum" },
        { "1;Anna;;Jong;14-03-2024;1A;", "onmogelijk" },
        { "1;Anna;;Jong;14-03-1970;1A;", "onmogelijk" },
        { "1;=SOM(A1);;Jong;14-03-2013;1A;", "formule" },
        { "1;Anna;;Jong;14-03-2013;1A;onbekend@test.example", "geen gebruiker" },
        { "1;Anna;;Jong;14-03-2013;1A;zuid@test.example", "werkt niet op deze locatie" },
    };

    [Theory]
    [MemberData(nameof(RowErrors))]
    public void Each_row_error_is_explained(string row, string expected)
    {
        var plan = Plan($"{Header}\n{row}\n", Context());

        var problem = Assert.Single(plan.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(problem.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void A_duplicate_number_in_the_file_names_the_earlier_line()
    {
        var plan = Plan($"{Header}\n7;Anna;;Jong;14-03-2013;1A;\n7;Bram;;Vos;14-03-2013;1A;\n", Context());

        Assert.Contains("regel 2", Assert.Single(plan.Problems).Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_location_and_a_location_out_of_reach_are_problems()
    {
        var csv = "Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;Locatie\n1;Anna;Jong;14-03-2013;West\n2;Bram;Vos;14-03-2013;T-Z\n";

        var plan = Plan(csv, Context());

        Assert.Contains("onbekende locatie 'West'", plan.Problems[0].Problems);
        Assert.Contains("je mag voor deze locatie niet importeren", plan.Problems[1].Problems);
    }

    [Fact]
    public void A_number_that_exists_at_another_location_is_a_problem()
    {
        var plan = Plan($"{Header}\n5;Anna;de;Jong;14-03-2013;1A;\n", Context(Existing("5", location: 2)));

        Assert.Contains("dit leerlingnummer bestaat al op een andere locatie", Assert.Single(plan.Problems).Problems);
    }

    [Fact]
    public void The_plan_shows_creates_changes_moves_new_groups_and_mentor_links()
    {
        var csv = $"{Header}\n1;Nina;;Vos;01-02-2014;1A;\n2;Anna;de;Jong-Bakker;14-03-2013;1A;\n3;Anna;de;Jong;14-03-2013;2C;mentor@test.example\n";

        var plan = Plan(csv, Context(Existing("2"), Existing("3")));

        Assert.Equal("1", Assert.Single(plan.Creates).Row.Number);
        Assert.Equal(["naam"], Assert.Single(plan.Updates).Changes);
        Assert.Equal(["van 1A naar 2C"], Assert.Single(plan.Moves).Changes);
        Assert.Equal((1, "2C"), Assert.Single(plan.NewGroups));
        Assert.Equal(("m1", 1, "2C"), Assert.Single(plan.NewMentorLinks));
        Assert.Empty(plan.Problems);
    }

    [Fact]
    public void A_full_import_proposes_absent_pupils_as_left_and_a_partial_one_does_not()
    {
        var csv = $"{Header}\n2;Anna;de;Jong;14-03-2013;1A;\n";
        var context = Context(Existing("2"), Existing("3", last: "Vertrokken"), Existing("4", location: 2));

        Assert.Equal("3", Assert.Single(Plan(csv, context, full: true).Lefts).Number);
        Assert.Empty(Plan(csv, context, full: false).Lefts);
    }

    [Fact]
    public void Planning_the_same_rows_against_the_result_changes_nothing()
    {
        var csv = $"{Header}\n2;Anna;de;Jong;14-03-2013;1A;mentor@test.example\n";

        var plan = Plan(csv, Context(Existing("2")), full: true);

        Assert.False(plan.HasChanges);
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public void Without_the_required_columns_the_user_is_asked_to_map_them()
    {
        var table = Table("Nummer;Naam\n1;Anna\n");

        var plan = ImportPlanner.Plan(table, HeaderRecognizer.Recognize(table.Headers), Context(), false);

        Assert.Contains("Koppel ten minste", Assert.Single(plan.Problems).Problems[0], StringComparison.Ordinal);
    }
}
