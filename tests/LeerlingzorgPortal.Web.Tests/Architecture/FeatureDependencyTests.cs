using LeerlingzorgPortal.Web.Features.Shared;

namespace LeerlingzorgPortal.Web.Tests.Architecture;

/// <summary>
/// The dependency rule between feature folders (ADR 0044): no cycles, and <c>Shared</c> uses nothing
/// feature-specific. Read from the compiled web assembly, views included; the checker itself is proven
/// on small planted graphs.
/// </summary>
public sealed class FeatureDependencyTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Portal =
        FeatureGraph.Read(typeof(CommandResult).Assembly.Location);

    [Fact]
    public void The_feature_folders_form_no_cycle()
    {
        var cycles = FeatureGraph.Cycles(Portal);

        Assert.True(cycles.Count == 0,
            "Feature folders that use each other: " + string.Join("; ", cycles.Select(c => string.Join(" ⇄ ", c))));
    }

    [Fact]
    public void Shared_uses_no_feature_folder()
    {
        Assert.Empty(FeatureGraph.SharedUses(Portal));
    }

    [Fact]
    public void The_graph_sees_the_case_folder_and_who_uses_it()
    {
        // A sanity check of the reading: the case is one node, and the features built on it point at it.
        Assert.Contains("Cases", Portal.Keys);
        Assert.DoesNotContain("Referrals", Portal.Keys);
        Assert.Contains("Cases", Portal["Interventions"]);
        Assert.Contains("Cases", Portal["Home"]);
        Assert.DoesNotContain("Interventions", Portal["Cases"]);
        Assert.Contains("Shared", Portal["Cases"]);
    }

    [Fact]
    public void A_planted_cycle_is_found()
    {
        var graph = Graph(("Cases", ["Shared", "Notifications"]), ("Interventions", ["Cases"]), ("Notifications", []),
            ("Shared", []));
        Assert.Empty(FeatureGraph.Cycles(graph));

        var planted = Graph(("Cases", ["Shared", "Interventions"]), ("Interventions", ["Cases"]), ("Shared", []));

        var cycle = Assert.Single(FeatureGraph.Cycles(planted));
        Assert.Equal(["Cases", "Interventions"], cycle);
    }

    [Fact]
    public void A_long_cycle_and_a_folder_using_itself_are_found()
    {
        var graph = Graph(("A", ["B"]), ("B", ["C"]), ("C", ["A"]), ("D", ["D"]), ("E", ["A"]));

        var cycles = FeatureGraph.Cycles(graph);

        Assert.Equal(2, cycles.Count);
        Assert.Contains(cycles, c => c.SequenceEqual(["A", "B", "C"]));
        Assert.Contains(cycles, c => c.SequenceEqual(["D"]));
    }

    [Fact]
    public void Shared_using_a_feature_is_reported()
    {
        Assert.Equal(["Cases"], FeatureGraph.SharedUses(Graph(("Shared", ["Cases"]), ("Cases", ["Shared"]))));
        Assert.Empty(FeatureGraph.SharedUses(Graph(("Cases", ["Shared"]), ("Shared", []))));
    }

    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string Folder, string[] Uses)[] edges) =>
        edges.ToDictionary(e => e.Folder, e => (IReadOnlySet<string>)e.Uses.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
}
