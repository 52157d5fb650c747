using Ganss.Xss;
using LeerlingzorgPortal.Web.Infrastructure.Web;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LeerlingzorgPortal.Web.Features.Protocols;

/// <summary>
/// Turns a protocol's Markdown into HTML that is safe to show with <c>Html.Raw</c>: raw HTML is
/// escaped (<c>DisableHtml</c>), links keep only relative, http, https and mailto targets (any other
/// scheme, however it is spelled, leaves just the link text), and images are never shown (their alt
/// text stays), so a protocol cannot load anything from elsewhere or track its readers. Bidirectional
/// controls are written as character references (<see cref="BidiControls"/>). HtmlSanitizer then keeps only
/// the tags, attributes and link schemes Markdown can make, as a second guard. Headings
/// move down one level, because the page's own title is the h1.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    // Only extensions that emit no raw HTML and no attributes from the text (so not GenericAttributes).
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .Build();

    /// <summary>
    /// The second guard: whatever the renderer and the walker above let through, only these tags,
    /// attributes and schemes reach the page. Configured once; <c>Sanitize</c> is safe to share between requests.
    /// </summary>
    private static readonly HtmlSanitizer Sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre",
            "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "col", "colgroup",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "rel", "class", "style", "start", "colspan", "rowspan", "width" },
        AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
        AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
    });

    public string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, _pipeline);
        Neutralise(document);

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        // Markdig escapes markup characters only; the bidirectional controls are made visible as Razor does,
        // after the sanitiser, whose serialiser would write them raw again.
        return Clean(writer.ToString());
    }

    /// <summary>HTML with only the tags, attributes and schemes Markdown makes, and bidirectional controls as references.</summary>
    public static string Clean(string html) => BidiControls.Encode(Sanitizer.Sanitize(html));

    /// <summary>True for a relative URL or one with an allowed scheme, judged as a browser would read it.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers drop tabs, newlines and other control characters inside a URL, and ignore leading spaces.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var end = compact.IndexOfAny(['/', '?', '#']);
        if (end >= 0 && end < colon)
        {
            return true; // the colon is in the path, query or fragment: a relative URL
        }

        var scheme = compact[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    private static void Neutralise(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }

        foreach (var table in document.Descendants<Markdig.Extensions.Tables.Table>())
        {
            table.GetAttributes().AddClass("table table-sm table-bordered");
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                link.ReplaceBy(new LiteralInline(string.IsNullOrWhiteSpace(alt) ? "[afbeelding]" : $"[afbeelding: {alt}]"), copyChildren: false);
            }
            else if (!IsSafeUrl(TargetOf(link)))
            {
                Unwrap(link);
            }
            else if (TargetOf(link) is { } url && (url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal)))
            {
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            }
        }
    }

    /// <summary>The URL the HTML renderer will write: a computed one when the link has it, else the parsed one.</summary>
    private static string? TargetOf(LinkInline link) => link.GetDynamicUrl?.Invoke() ?? link.Url;

    /// <summary>Keeps the link's text and drops the link itself.</summary>
    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }
}
