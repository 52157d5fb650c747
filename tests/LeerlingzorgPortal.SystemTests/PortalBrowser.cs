using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace LeerlingzorgPortal.SystemTests;

/// <summary>
/// A browser in front of a load balancer: one cookie jar, requests to whichever instance the test names.
/// The portal runs as Production over https (see <see cref="TestCertificate"/>); the jar sends every cookie
/// to every instance, as a browser does for one host name behind a load balancer.
/// </summary>
public sealed partial class PortalBrowser : IDisposable
{
    private readonly HttpClient _http = new(TestCertificate.Handler())
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly ConcurrentDictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>A copy of the jar as it is now, as someone who copied the cookies would have it.</summary>
    public PortalBrowser Copy()
    {
        var copy = new PortalBrowser();
        foreach (var (name, value) in _cookies)
        {
            copy._cookies[name] = value;
        }

        return copy;
    }

    public async Task<HttpResponseMessage> GetAsync(PortalProcess instance, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance.Address, path));
        return await SendAsync(request, cancellationToken);
    }

    public async Task<string> GetPageAsync(PortalProcess instance, string path, CancellationToken cancellationToken = default)
    {
        using var response = await GetAsync(instance, path, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {path} on {instance.Name} answered {(int)response.StatusCode} {response.Headers.Location}\n{instance.OutputText(40)}");
        return body;
    }

    /// <summary>Loads the form page and returns its antiforgery token (the cookie half lands in the jar).</summary>
    public async Task<string> FormTokenAsync(PortalProcess instance, string formPage, CancellationToken cancellationToken = default)
    {
        var html = await GetPageAsync(instance, formPage, cancellationToken);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"{formPage} has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostAsync(PortalProcess instance, string action, string token,
        IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.Address, action))
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        return await SendAsync(request, cancellationToken);
    }

    public async Task SignInAsync(PortalProcess instance, string email, string password, CancellationToken cancellationToken = default)
    {
        var token = await FormTokenAsync(instance, "/Account/Login", cancellationToken);
        using var response = await PostAsync(instance, "/Account/Login", token,
            [new("Email", email), new("Password", password)], cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect
                    && !response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            $"Sign-in of {email} on {instance.Name} answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_cookies.IsEmpty)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _http.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                Remember(cookie);
            }
        }

        return response;
    }

    private void Remember(string setCookie)
    {
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var nameValue = parts[0].Split('=', 2);
        var expired = parts.Skip(1).Any(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
                                             && DateTimeOffset.TryParse(p["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture,
                                                 System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                                             && at < DateTimeOffset.UtcNow);
        if (expired || nameValue.Length < 2 || nameValue[1].Length == 0)
        {
            _cookies.TryRemove(nameValue[0], out _);
        }
        else
        {
            _cookies[nameValue[0]] = nameValue[1];
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
