using System.Text.RegularExpressions;
using LeerlingzorgPortal.Web.Features.Protocols;

namespace LeerlingzorgPortal.Web.Tests.Features.Protocols;

/// <summary>The protocol renderer: ordinary Markdown works, hostile input comes out inert.</summary>
public sealed partial class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Tekst <script>alert(1)</script> ertussen")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>")]
    public void Raw_script_is_escaped_as_text(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">klik</a>", "<a>klik</a>")]
    [InlineData("<a href=\"https://school.example/\" onclick=\"alert(1)\" rel=\"noopener noreferrer\">klik</a>", "<a href=\"https://school.example/\" rel=\"noopener noreferrer\">klik</a>")]
    [InlineData("<p>tekst<script>alert(1)</script></p>", "<p>tekst</p>")]
    [InlineData("<img src=\"https://tracker.example/p.gif\"><iframe src=\"https://x.example\"></iframe>", "")]
    [InlineData("<td style=\"text-align: right; background: url(https://x.example)\">3</td>", "3")]
    [InlineData("<table><tr><td style=\"text-align: right; background: url(https://x.example)\">3</td></tr></table>", "<table><tbody><tr><td style=\"text-align: right\">3</td></tr></tbody></table>")]
    public void The_sanitiser_behind_the_renderer_keeps_only_what_markdown_makes(string html, string kept)
    {
        Assert.Equal(kept, MarkdownRenderer.Clean(html));
    }

    [Theory]
    [InlineData("leerling\u202Egpj.exe", "leerling&#x202E;gpj.exe")]
    [InlineData("**\u2067vet\u2069**", "<strong>&#x2067;vet&#x2069;</strong>")]
    [InlineData("[link\u200F](https://school.example/\u202D)", "link&#x200F;</a>")]
    public void Bidirectional_controls_are_written_as_character_references(string markdown, string written)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.Contains(written, html, StringComparison.Ordinal);
        Assert.Equal(-1, html.IndexOfAny(['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']));
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Tekst <img src=x onerror=alert(1)> ertussen")]
    [InlineData("<a href=\"https://evil.example\" onclick=\"alert(1)\">klik</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    public void Raw_html_tags_and_event_handlers_are_escaped(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x]( javascript:alert(1))")]
    [InlineData("[x](<javascript:alert(1)>)")]
    [InlineData("[x](java&#x73;cript:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](java%09script:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("[![x](https://evil.example/a.png)](javascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<JAVASCRIPT:alert(1)>")]
    [InlineData("<data:text/html,<b>x</b>>")]
    public void Links_and_images_with_unsafe_schemes_lose_their_target(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        foreach (var target in Targets(html))
        {
            Assert.True(MarkdownRenderer.IsSafeUrl(target), $"Unsafe target '{target}' in {html}");
            Assert.DoesNotMatch(UnsafeScheme(), target);
        }
    }

    [Fact]
    public void A_link_with_an_unsafe_scheme_keeps_its_text()
    {
        var html = _renderer.ToHtml("Lees [het protocol](javascript:alert(1)) goed.");

        Assert.Equal("<p>Lees het protocol goed.</p>", html.Trim());
    }

    [Fact]
    public void Images_are_shown_as_their_alt_text()
    {
        var html = _renderer.ToHtml("![Stroomschema meldcode](/plaatjes/schema.png)");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("[afbeelding: Stroomschema meldcode]", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.veiligthuis.nl", true)]
    [InlineData("HTTP://example.org/a:b", true)]
    [InlineData("mailto:zorg@school.example", true)]
    [InlineData("/Protocols/Topic/Bullying", true)]
    [InlineData("bijlage.pdf", true)]
    [InlineData("#stap-2", true)]
    [InlineData("pad/met:dubbelepunt", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" \tjava\nscript:alert(1)", false)]
    [InlineData("tel:0612345678", false)]
    public void Url_safety_is_judged_as_a_browser_reads_the_url(string url, bool safe)
    {
        Assert.Equal(safe, MarkdownRenderer.IsSafeUrl(url));
    }

    [Fact]
    public void Ordinary_markdown_renders_headings_lists_emphasis_links_and_tables()
    {
        const string markdown = """
            # Pestprotocol

            Wij willen een **veilige** school, waar *iedereen* zich thuis voelt.

            1. Signaleren
            2. Melden bij de mentor

            - de mentor
            - de zorgcoördinator

            Zie [Veilig Thuis](https://www.veiligthuis.nl) of mail [de coördinator](mailto:zorg@school.example).

            | Stap | Wie |
            |------|-----|
            | 1    | Mentor |
            """;

        var html = _renderer.ToHtml(markdown);

        Assert.Contains("<h2>Pestprotocol</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>veilige</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>iedereen</em>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<li>de zorgcoördinator</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.veiligthuis.nl\" rel=\"noopener noreferrer\">Veilig Thuis</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:zorg@school.example\">de coördinator</a>", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"table table-sm table-bordered\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>Mentor</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_style_link_to_a_safe_url_stays()
    {
        var html = _renderer.ToHtml("Zie [Veilig Thuis][vt].\n\n[vt]: https://www.veiligthuis.nl");

        Assert.Contains("<a href=\"https://www.veiligthuis.nl\" rel=\"noopener noreferrer\">Veilig Thuis</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_web_address_becomes_a_link_but_other_schemes_stay_text()
    {
        var html = _renderer.ToHtml("Kijk op www.schoolenveiligheid.nl of ftp://bestanden.example/protocol.pdf");

        Assert.Contains("<a href=\"http://www.schoolenveiligheid.nl\" rel=\"noopener noreferrer\">www.schoolenveiligheid.nl</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"ftp:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_link_stays_and_gets_no_rel()
    {
        var html = _renderer.ToHtml("[Meldcode](/Protocols/Topic/Meldcode)");

        Assert.Contains("<a href=\"/Protocols/Topic/Meldcode\">Meldcode</a>", html, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Targets(string html) =>
        AttributePattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"^\s*(javascript|vbscript|data|file):", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeScheme();
}
