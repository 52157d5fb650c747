using System.Net;
using LeerlingzorgPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

public static class SqlCommandCounts
{
    /// <summary>
    /// Asks for the page (which must answer <paramref name="expected"/>) and returns how many SQL commands
    /// the request sent, everything included: session and security-stamp checks, the page's queries, audit lines.
    /// The clock moves on a second first, as it does between two requests in real use: the security stamp is
    /// only checked (and the sign-in rebuilt) once the cookie was issued before now.
    /// </summary>
    public static async Task<int> SqlCommandsOfAsync(this PortalFixture fixture, HttpClient client, string url,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(client);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var probeId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add(SqlCommandProbe.Header, probeId);
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        await response.Content.ReadAsByteArrayAsync();
        return await fixture.Services.GetRequiredService<SqlCommandProbe>().CountOfAsync(probeId);
    }
}
