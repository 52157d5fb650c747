using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Domain.Auditing;
using LeerlingzorgPortal.Domain.Care;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.SystemTests;

/// <summary>
/// kill -9 of the portal during a burst of writes: after a restart every write the portal acknowledged is
/// there, and no referral is half-written (each has its two status transitions, its audit lines and the
/// coordinator's notification, and no notification points at a referral that does not exist).
/// </summary>
public abstract class KillDuringWritesTests<TFixture> : IClassFixture<TFixture>
    where TFixture : SystemFixture
{
    private const int Total = 200;
    private const int Concurrency = 16;
    private const int KillAfterAcknowledged = 60;
    private readonly TFixture _fixture;

    protected KillDuringWritesTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.RequireDatabase();
        _fixture = fixture;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_kill_9_during_a_burst_of_referrals_every_acknowledged_one_is_there_and_none_is_half_written()
    {
        var pupil = _fixture.Org.PupilId;
        var portal = _fixture.StartPortal("burst");
        await portal.WaitUntilReadyAsync(Cancel);
        using var browser = new PortalBrowser();
        await browser.SignInAsync(portal, SystemOrganisation.Mentor, SystemOrganisation.Password, Cancel);
        var token = await browser.FormTokenAsync(portal, $"/Referrals/Create?pupilId={pupil}", Cancel);

        // The burst: 16 writers post referrals until the portal has acknowledged 60; then kill -9.
        var acknowledged = new ConcurrentDictionary<Guid, int>();
        var unanswered = new ConcurrentBag<Guid>();
        var refused = new ConcurrentBag<string>();
        var next = -1;
        var killed = 0;
        var burst = Stopwatch.StartNew();
        async Task WriterAsync()
        {
            while (Volatile.Read(ref killed) == 0 && Interlocked.Increment(ref next) < Total)
            {
                var requestId = Guid.NewGuid();
                try
                {
                    using var response = await browser.PostAsync(portal, "/Referrals/Create", token,
                        PortalForms.Referral(pupil, requestId, $"Burst {requestId:N}"), Cancel);
                    var location = response.Headers.Location?.OriginalString ?? "";
                    if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/Referrals/Details/", StringComparison.Ordinal))
                    {
                        refused.Add($"{(int)response.StatusCode} {location}");
                        continue;
                    }

                    acknowledged[requestId] = int.Parse(location["/Referrals/Details/".Length..], CultureInfo.InvariantCulture);
                    if (acknowledged.Count >= KillAfterAcknowledged && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        await portal.KillHardAsync();
                    }
                }
                catch (Exception e) when (e is HttpRequestException
                                              || (e is TaskCanceledException && !Cancel.IsCancellationRequested))
                {
                    // The connection died with the process (or, on a very busy machine, the answer took over 30 s).
                    unanswered.Add(requestId);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => WriterAsync()));
        var burstTime = burst.Elapsed;
        Assert.True(refused.IsEmpty, $"The portal refused writes during the burst: {string.Join(", ", refused.Take(5))}\n{portal.OutputText()}");
        Assert.True(portal.HasExited, "The portal was not killed: the burst ended first.");
        Assert.InRange(acknowledged.Count, KillAfterAcknowledged, Total);

        // Restart over the same database; the browser's cookie still works (keys and sessions are in the database).
        var restart = Stopwatch.StartNew();
        var restarted = _fixture.StartPortal("restarted");
        await restarted.WaitUntilReadyAsync(Cancel);
        var restartTime = restart.Elapsed;

        var stored = await _fixture.QueryAsync(db => db.Referrals.AsNoTracking().Where(r => r.PupilId == pupil)
            .Select(r => new { r.Id, r.RequestId, r.Status, Transitions = r.Transitions.Count }).ToListAsync(Cancel));
        var byRequest = stored.ToDictionary(r => r.RequestId);

        // Every acknowledged write is there, as acknowledged.
        var lost = acknowledged.Where(a => !byRequest.TryGetValue(a.Key, out var r) || r.Id != a.Value).ToList();
        Assert.Empty(lost);
        foreach (var id in acknowledged.Values.Order().Take(10).Concat(acknowledged.Values.Order().TakeLast(10)))
        {
            Assert.Contains("Burst ", await browser.GetPageAsync(restarted, $"/Referrals/Details/{id}", Cancel), StringComparison.Ordinal);
        }

        // Nothing half-written: every referral is submitted with both transitions, audited, and announced.
        await AssertWholeAsync(stored.Select(r => (r.Id, r.Status, r.Transitions)).ToList());
        var committedUnacknowledged = stored.Count - acknowledged.Count;

        // A browser retrying the posts that got no answer finds what was saved, or saves it now: once each.
        foreach (var requestId in unanswered)
        {
            using var retry = await browser.PostAsync(restarted, "/Referrals/Create", token,
                PortalForms.Referral(pupil, requestId, $"Burst {requestId:N}"), Cancel);
            Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        }

        var afterRetry = await _fixture.QueryAsync(db => db.Referrals.AsNoTracking().Where(r => r.PupilId == pupil)
            .Select(r => new { r.Id, r.RequestId, r.Status, Transitions = r.Transitions.Count }).ToListAsync(Cancel));
        Assert.Equal(afterRetry.Count, afterRetry.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(acknowledged.Count + unanswered.Count, afterRetry.Count);
        await AssertWholeAsync(afterRetry.Select(r => (r.Id, r.Status, r.Transitions)).ToList());

        var journal = await SqliteJournalAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill -9 on {_fixture.Database.Provider}: {acknowledged.Count} acknowledged in {burstTime.TotalSeconds:F1} s " +
            $"({acknowledged.Count / burstTime.TotalSeconds:F0}/s, {Concurrency} writers), {unanswered.Count} in flight at the kill, " +
            $"{committedUnacknowledged} of those committed without an answer, lost 0, half-written 0, " +
            $"restart to ready {restartTime.TotalSeconds:F1} s{journal}"));
    }

    private async Task AssertWholeAsync(IReadOnlyList<(int Id, ReferralStatus Status, int Transitions)> referrals)
    {
        Assert.All(referrals, r => Assert.Equal(ReferralStatus.Submitted, r.Status));
        Assert.All(referrals, r => Assert.Equal(2, r.Transitions));
        var audited = await _fixture.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectType == nameof(Referral) && (a.Action == AuditAction.Create || a.Action == AuditAction.Update))
            .Select(a => new { a.SubjectId, a.Action }).ToListAsync(Cancel));
        var ids = referrals.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var action in new[] { AuditAction.Create, AuditAction.Update })
        {
            var lines = audited.Where(a => a.Action == action).Select(a => a.SubjectId).ToList();
            Assert.Equal(ids.Order(), lines.Order());
        }

        var coordinator = _fixture.Org.CoordinatorId;
        var links = await _fixture.QueryAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == coordinator && n.Link.StartsWith("/Referrals/Details/"))
            .Select(n => n.Link).ToListAsync(Cancel));
        Assert.Equal(ids.Select(id => $"/Referrals/Details/{id}").Order(), links.Order());
    }

    private async Task<string> SqliteJournalAsync()
    {
        if (_fixture.Database.Provider != DatabaseProvider.Sqlite)
        {
            return "";
        }

        return await _fixture.QueryAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Cancel);
            async Task<string> PragmaAsync(string pragma)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {pragma}";
                return Convert.ToString(await command.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture) ?? "";
            }

            var integrity = await PragmaAsync("integrity_check");
            Assert.Equal("ok", integrity);
            return $"; SQLite journal_mode={await PragmaAsync("journal_mode")}, synchronous={await PragmaAsync("synchronous")}, integrity_check={integrity}";
        });
    }
}

public sealed class KillDuringWritesTests_PostgreSql(PostgreSqlSystemFixture fixture) : KillDuringWritesTests<PostgreSqlSystemFixture>(fixture);

public sealed class KillDuringWritesTests_Sqlite(SqliteSystemFixture fixture) : KillDuringWritesTests<SqliteSystemFixture>(fixture);
