using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests;

/// <summary>
/// The decision records (docs/adr): every record has a status, the index (docs/adr/README.md, made by
/// <c>make-index.sh</c>) lists every record with its title and status, and the records, docs and code comments stand on
/// their own: they name no issue number of a tracker that is not in the repository.
/// </summary>
public sealed partial class DecisionIndexTests
{
    /// <summary>Where code comments live; build output, packages and vendored scripts (wwwroot/lib) are left out.</summary>
    private static readonly string[] CodeFolders = ["src", "tests", "bench", ".ci"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "lib", "TestResults"];
    private static readonly string[] SourceExtensions = [".cs", ".cshtml", ".sh", ".props", ".csproj", ".md", ""];

    private static string Folder => Path.Combine(RepositoryFiles.Root(), "docs", "adr");

    private static List<string> Records() =>
        Directory.GetFiles(Folder, "*.md").Select(f => Path.GetFileName(f)).Where(n => Record().IsMatch(n)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_decision_index_links_every_record_and_nothing_else()
    {
        var records = Records();
        var index = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var linked = Link().Matches(index).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        Assert.True(records.SequenceEqual(linked),
            $"docs/adr/README.md is out of date; run docs/adr/make-index.sh. Records: {string.Join(", ", records)}; linked: {string.Join(", ", linked)}");
        Assert.Equal(records.Count, records.Select(r => r[..4]).Distinct().Count());
    }

    [Fact]
    public void Every_record_has_a_status_and_names_a_successor_that_exists()
    {
        var numbers = Records().Select(r => r[..4]).ToHashSet();
        var problems = new List<string>();
        foreach (var record in Records())
        {
            var status = StatusOf(File.ReadLines(Path.Combine(Folder, record)).Take(8));
            if (status is null)
            {
                problems.Add($"{record}: no status line (\"Status: Accepted\", \"Status: Superseded by NNNN\" or \"Status: Partly superseded by NNNN\")");
                continue;
            }

            foreach (var successor in Number().Matches(status).Select(m => m.Value))
            {
                if (!numbers.Contains(successor) || successor == record[..4])
                {
                    problems.Add($"{record}: \"{status}\" names {successor}, which is not another record");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_decision_index_shows_each_records_title_and_status_in_order()
    {
        var expected = Records().Select(IndexRow).ToList();
        var rows = File.ReadLines(Path.Combine(Folder, "README.md")).Where(l => l.StartsWith("| [", StringComparison.Ordinal)).ToList();

        Assert.True(expected.SequenceEqual(rows),
            "docs/adr/README.md is out of date; run docs/adr/make-index.sh. First difference: "
            + (expected.Zip(rows).Where(p => p.First != p.Second).Select(p => $"expected \"{p.First}\", found \"{p.Second}\"").FirstOrDefault()
               ?? $"{expected.Count} records, {rows.Count} rows"));
    }

    [Fact]
    public void No_decision_record_refers_to_an_issue_number()
    {
        var found = Records()
            .SelectMany(r => IssueReferences(File.ReadAllText(Path.Combine(Folder, r)), withHash: true).Select(m => $"{r}: \"{m}\""))
            .ToList();

        Assert.True(found.Count == 0,
            "A decision record must stand on its own: say what was asked, in words, not which issue of a tracker outside the repository asked it. "
            + string.Join("; ", found));
    }

    [Fact]
    public void The_docs_the_readme_and_code_comments_refer_to_no_issue_number()
    {
        var root = RepositoryFiles.Root();
        var documents = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "README.md"))
            .Select(f => (File: f, WithHash: true));
        var code = CodeFolders
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(SourceFiles)
            .Where(f => Path.GetFileName(f) != $"{nameof(DecisionIndexTests)}.cs")
            .Select(f => (File: f, WithHash: false));

        var found = documents.Concat(code)
            .SelectMany(d => IssueReferences(File.ReadAllText(d.File), d.WithHash).Select(m => $"{Path.GetRelativePath(root, d.File)}: \"{m}\""))
            .ToList();

        Assert.True(found.Count == 0, "Name what was asked, in words, or the ADR that decided it, not an issue number: " + string.Join("; ", found));
    }

    [Theory]
    [InlineData("Issue 11 asks every key page for a small number of commands.", true)]
    [InlineData("as asked in issue #14", true)]
    [InlineData("the defects of issues 9 and 10", true)]
    [InlineData("fixed in #14, see there", true)]
    [InlineData("## Context", false)]
    [InlineData("an issue with the key ring, ADR 0042", false)]
    [InlineData("C#14 and &#160; are no references", false)]
    public void The_issue_number_check_tells_a_reference_from_other_text(string text, bool isReference) =>
        Assert.Equal(isReference, IssueReferences(text, withHash: true).Count > 0);

    /// <summary>The status phrase of a record's status line, capitalised as in the index; null when it has none.</summary>
    private static string? StatusOf(IEnumerable<string> firstLines)
    {
        var match = firstLines.Select(l => Status().Match(l)).FirstOrDefault(m => m.Success);
        if (match is null)
        {
            return null;
        }

        var status = match.Groups[1].Value.ToLowerInvariant();
        return char.ToUpperInvariant(status[0]) + status[1..];
    }

    /// <summary>The row make-index.sh writes for a record: number with link, title (without "# NNNN"), status.</summary>
    private static string IndexRow(string record)
    {
        var lines = File.ReadLines(Path.Combine(Folder, record)).Take(8).ToList();
        var title = TitleNumber().Replace(TitleHash().Replace(lines[0], ""), "");
        return $"| [{record[..4]}]({record}) | {title} | {StatusOf(lines)} |";
    }

    private static List<string> IssueReferences(string text, bool withHash) =>
        [.. IssueWord().Matches(text).Select(m => m.Value), .. withHash ? HashNumber().Matches(text).Select(m => m.Value) : []];

    private static IEnumerable<string> SourceFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => SourceExtensions.Contains(Path.GetExtension(f))))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in SourceFiles(sub))
            {
                yield return file;
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-.+\.md$")]
    private static partial Regex Record();

    [GeneratedRegex(@"\]\((\d{4}-[^)]+\.md)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"status: *(accepted|superseded by [0-9]{4}|partly superseded by [0-9]{4}(?:(?:, | and )[0-9]{4})*)", RegexOptions.IgnoreCase)]
    private static partial Regex Status();

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex Number();

    [GeneratedRegex(@"^# *")]
    private static partial Regex TitleHash();

    [GeneratedRegex(@"^[0-9]+[.:]? *")]
    private static partial Regex TitleNumber();

    [GeneratedRegex(@"\bissues?\s*(?:#|no\.?\s*)?\d+(?:\s*(?:,|and|en)\s*\d+)*", RegexOptions.IgnoreCase)]
    private static partial Regex IssueWord();

    [GeneratedRegex(@"(?<![&\w])#\d+\b")]
    private static partial Regex HashNumber();
}
