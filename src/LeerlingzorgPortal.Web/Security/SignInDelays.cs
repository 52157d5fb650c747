using System.Collections.Concurrent;
using LeerlingzorgPortal.Domain.Accounts;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

/// <summary>
/// Failed sign-ins counted per typed address on one client and per client (ADR 0038), with the
/// progressive waits of <see cref="SignInDelay"/> by the app's clock. Counted for whatever address is
/// typed, existing or not, so the answer says nothing about which accounts exist; never per account
/// alone, so a stranger cannot keep the owner out. In process, like <see cref="AccountThrottle"/>.
/// </summary>
public sealed class SignInDelays(TimeProvider clock, IOptions<ThrottlingOptions> options)
{
    private const int MaxEntries = 100_000;
    private readonly SignInDelay _perAddress = new(options.Value.FreeFailuresPerAddress);
    private readonly SignInDelay _perClient = new(options.Value.FreeFailuresPerClient);
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>Until when this client must wait before trying this address again; null when it may try now.</summary>
    public DateTimeOffset? WaitUntil(string address, string client)
    {
        var now = clock.GetUtcNow();
        var until = new[] { Until(PairKey(address, client)), Until(ClientKey(client)) }.Max();
        return until > now ? until : null;
    }

    public void Failed(string address, string client)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > MaxEntries)
        {
            Forget(now);
        }

        Count(PairKey(address, client), _perAddress, now);
        Count(ClientKey(client), _perClient, now);
    }

    /// <summary>A correct password from this client: its count for the address starts again.</summary>
    public void Succeeded(string address, string client) => _failures.TryRemove(PairKey(address, client), out _);

    private void Count(string key, SignInDelay delay, DateTimeOffset now) =>
        _failures.AddOrUpdate(key,
            _ => new Failures(1, now + delay.After(1), now),
            (_, old) =>
            {
                var count = now - old.Last > SignInDelay.ForgetAfter ? 1 : old.Count + 1;
                return new Failures(count, now + delay.After(count), now);
            });

    private DateTimeOffset Until(string key) =>
        _failures.TryGetValue(key, out var failures) ? failures.Until : DateTimeOffset.MinValue;

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.Last > SignInDelay.ForgetAfter)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string PairKey(string address, string client) =>
        "address:" + address.Trim().ToUpperInvariant() + "|client:" + client;

    private static string ClientKey(string client) => "client:" + client;

    private sealed record Failures(int Count, DateTimeOffset Until, DateTimeOffset Last);
}
