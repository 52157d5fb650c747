using System.Globalization;
using System.Text;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// The invisible bidirectional controls of General Punctuation. Written raw, they can turn "leerling‮gpj.exe"
/// into what reads as "leerlingexe.jpg"; a page writes them as character references instead. Razor's encoder
/// does so for every value it writes; HTML made elsewhere (rendered Markdown) goes through <see cref="Encode"/>.
/// </summary>
public static class BidiControls
{
    public static readonly char[] Characters =
        ['\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    /// <summary>The HTML with every bidirectional control written as a numeric character reference.</summary>
    public static string Encode(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.IndexOfAny(Characters) < 0)
        {
            return html;
        }

        var encoded = new StringBuilder(html.Length + 16);
        foreach (var c in html)
        {
            if (Array.IndexOf(Characters, c) >= 0)
            {
                encoded.Append("&#x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                encoded.Append(c);
            }
        }

        return encoded.ToString();
    }
}
