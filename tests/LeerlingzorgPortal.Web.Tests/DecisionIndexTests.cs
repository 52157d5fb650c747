using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Tests.Infrastructure;

namespace LeerlingzorgPortal.Web.Tests;

/// <summary>The index of the decision records (docs/adr/README.md) lists every record, and only records that exist.</summary>
public sealed partial class DecisionIndexTests
{
    [Fact]
    public void The_decision_index_links_every_record_and_nothing_else()
    {
        var folder = Path.Combine(RepositoryFiles.Root(), "docs", "adr");
        var records = Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).Where(n => Record().IsMatch(n!)).Order().ToList();
        var index = File.ReadAllText(Path.Combine(folder, "README.md"));
        var linked = Link().Matches(index).Select(m => m.Groups[1].Value).Order().ToList();

        Assert.True(records.SequenceEqual(linked),
            $"docs/adr/README.md is out of date; run docs/adr/make-index.sh. Records: {string.Join(", ", records)}; linked: {string.Join(", ", linked)}");
        Assert.Equal(records.Count, records.Select(r => r![..4]).Distinct().Count());
    }

    [GeneratedRegex(@"^\d{4}-.+\.md$")]
    private static partial Regex Record();

    [GeneratedRegex(@"\]\((\d{4}-[^)]+\.md)\)")]
    private static partial Regex Link();
}
