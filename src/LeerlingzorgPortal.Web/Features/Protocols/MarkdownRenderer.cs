using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using LeerlingzorgPortal.Web.Infrastructure.Web;

namespace LeerlingzorgPortal.Web.Features.Protocols;

/// <summary>
/// Turns a protocol's Markdown into HTML that is safe to show with <c>Html.Raw</c>: raw HTML is
/// escaped (<c>DisableHtml</c>), links keep only relative, http, https and mailto targets (any other
/// scheme, however it is spelled, leaves just the link text), and images are never shown (their alt
/// text stays), so a protocol cannot load anything from elsewhere or track its readers. Bidirectional
/// controls are written as character references (<see cref="BidiControls"/>). Headings
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

    public string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, _pipeline);
        Neutralise(document);

        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        // Markdig escapes markup characters only; the bidirectional controls are made visible as Razor does.
        return BidiControls.Encode(writer.ToString());
    }

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
