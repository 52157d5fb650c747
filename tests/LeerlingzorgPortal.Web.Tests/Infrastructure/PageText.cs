using System.Text.RegularExpressions;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>Checks on the text of a page that a plain substring test gets wrong.</summary>
public static class PageText
{
    /// <summary>
    /// The name does not stand on the page as a word. A page carries random antiforgery tokens and nonces
    /// (base64url: letters, digits, '-' and '_'), which now and then hold a short name such as "Sem" by chance;
    /// the name inside such a run of characters is not shown to anyone, so it does not count.
    /// </summary>
    public static void DoesNotShowName(string name, string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var pattern = new Regex($"(?<![A-Za-z0-9_-]){Regex.Escape(name)}(?![A-Za-z0-9_-])", RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        var match = pattern.Match(page);
        Assert.False(match.Success,
            $"The page shows \"{name}\" at position {match.Index}: …{page[Math.Max(0, match.Index - 60)..Math.Min(page.Length, match.Index + name.Length + 60)]}…");
    }
}
