namespace LeerlingzorgPortal.Web.Tests.QueryCounts;

/// <summary>
/// How many SQL commands a page may send per request, everything included (session and security-stamp
/// checks, the page's own queries, the audit line of a dossier read). The target is
/// <see cref="Default"/>, and every guarded page now meets it (ADR 0032, docs/benchmarks.md, "Query
/// counts per page"). A page listed in <see cref="Over"/> is guarded at its own count instead: lower than
/// the default for the floor; a page that must go over would be listed with its measured count as a
/// ceiling that may go down, never up.
/// </summary>
public static class QueryBudget
{
    public const int Default = 8;

    private static readonly Dictionary<string, int> Over = new(StringComparer.Ordinal)
    {
        // Guarded at its own count: the per-request floor (ADR 0026) is one
        // command, the session check that also reads the claims' facts and the menu's badge count.
        ["Change password (floor)"] = 1,
    };

    public static int For(string page) => Over.GetValueOrDefault(page, Default);

    /// <summary>One message for both checks, so a failure names the page and both measurements.</summary>
    public static void AssertFixed(string page, int few, int many)
    {
        var budget = For(page);
        Assert.True(few == many && many <= budget,
            $"{page}: {few} SQL commands with little data, {many} with much more data; allowed: the same number, at most {budget}.");
    }
}
