using System.Diagnostics;
using System.Globalization;
using System.Net;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.SystemTests;

/// <summary>Two portal processes on two loopback ports over one PostgreSQL database, both running the retention job.</summary>
public sealed class TwoInstancesFixture() : SystemFixture(new PostgreSqlTestDatabase())
{
    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Database.UnavailableReason is not null)
        {
            return;
        }

        A = StartPortal("A", retentionJob: true);
        B = StartPortal("B", retentionJob: true);
        try
        {
            await Task.WhenAll(A.WaitUntilReadyAsync(), B.WaitUntilReadyAsync());
        }
        catch
        {
            // A fixture that fails to start leaves no process behind.
            await A.DisposeAsync();
            await B.DisposeAsync();
            throw;
        }
    }
}

/// <summary>
/// Several instances behind a load balancer without sticky sessions: a cookie from one instance is
/// good on the other (keys and sessions live in the database), changes are visible at once, signing
/// out ends the session everywhere, and the daily retention job runs once in all.
/// </summary>
public sealed class MultiInstanceTests : IClassFixture<TwoInstancesFixture>
{
    private readonly TwoInstancesFixture _fixture;

    public MultiInstanceTests(TwoInstancesFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        fixture.RequireDatabase();
        _fixture = fixture;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private SystemOrganisation Org => _fixture.Org;

    [Fact]
    public async Task Signing_in_on_instance_A_continues_on_instance_B_with_the_same_cookie()
    {
        using var browser = new PortalBrowser();

        await browser.SignInAsync(_fixture.A, SystemOrganisation.Mentor, SystemOrganisation.Password, Cancel);

        var pupils = await browser.GetPageAsync(_fixture.B, "/Pupils", Cancel);
        Assert.Contains("Jong", pupils, StringComparison.Ordinal);
        Assert.Contains("S1001", pupils, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_do_not_name_the_server_software()
    {
        using var browser = new PortalBrowser();

        using var response = await browser.GetAsync(_fixture.A, "/Account/Login", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task A_referral_submitted_on_instance_A_is_shown_on_instance_B_at_once()
    {
        using var browser = new PortalBrowser();
        await browser.SignInAsync(_fixture.A, SystemOrganisation.Mentor, SystemOrganisation.Password, Cancel);
        var marker = $"Hulpvraag {Guid.NewGuid():N}";
        var token = await browser.FormTokenAsync(_fixture.A, $"/Referrals/Create?pupilId={Org.PupilId}", Cancel);

        using var created = await browser.PostAsync(_fixture.A, "/Referrals/Create", token,
            PortalForms.Referral(Org.PupilId, Guid.NewGuid(), marker), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        Assert.StartsWith("/Referrals/Details/", details, StringComparison.Ordinal);
        Assert.Contains(marker, await browser.GetPageAsync(_fixture.B, details, Cancel), StringComparison.Ordinal);

        // The coordinator, signing in on B, has the notification A wrote and reads the referral there.
        using var coordinator = new PortalBrowser();
        await coordinator.SignInAsync(_fixture.B, SystemOrganisation.Coordinator, SystemOrganisation.Password, Cancel);
        Assert.Contains("wacht op triage", await coordinator.GetPageAsync(_fixture.B, "/Notifications", Cancel), StringComparison.Ordinal);
        Assert.Contains(marker, await coordinator.GetPageAsync(_fixture.B, details, Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_on_instance_A_ends_the_session_on_instance_B_for_every_copy_of_the_cookie()
    {
        using var browser = new PortalBrowser();
        await browser.SignInAsync(_fixture.A, SystemOrganisation.Mentor, SystemOrganisation.Password, Cancel);
        using var copy = browser.Copy();
        await copy.GetPageAsync(_fixture.B, "/Pupils", Cancel);

        var token = await browser.FormTokenAsync(_fixture.A, "/", Cancel);
        using var signedOut = await browser.PostAsync(_fixture.A, "/Account/Logout", token, [], Cancel);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var refused = await copy.GetAsync(_fixture.B, "/Pupils", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_both_instances_checking_every_half_second_the_retention_scan_runs_once_a_day()
    {
        const string Ran = "reviews became due";
        const string Skipped = "Retention scan skipped";
        int Count(PortalProcess p, string text) => p.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));
        var watch = Stopwatch.StartNew();

        // Both instances have checked at least three times after the run (each check is a log line).
        await Eventually.TrueAsync(async () =>
                await _fixture.QueryAsync(db => db.JobLeases.AnyAsync(l => l.Name == RetentionJob.JobName && l.Runs > 0, Cancel))
                && Count(_fixture.A, Skipped) >= 3 && Count(_fixture.B, Skipped) >= 3,
            TimeSpan.FromSeconds(60),
            () => $"The instances did not both check the retention job three times.\nA:\n{_fixture.A.OutputText()}\nB:\n{_fixture.B.OutputText()}",
            Cancel);

        var lease = await _fixture.QueryAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == RetentionJob.JobName, Cancel));
        Assert.Equal(1, lease.Runs);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), lease.LastRunOn);
        Assert.Equal(1, Count(_fixture.A, Ran) + Count(_fixture.B, Ran));
        var leftPupil = Org.LeftPupilId;
        var reviews = await _fixture.QueryAsync(db => db.RetentionReviews.Where(r => r.PupilId == leftPupil).Select(r => r.Kind).ToListAsync(Cancel));
        Assert.NotEmpty(reviews);
        Assert.Equal(reviews.Count, reviews.Distinct().Count());
        var coordinator = Org.CoordinatorId;
        Assert.Equal(1, await _fixture.QueryAsync(db => db.Notifications.CountAsync(
            n => n.RecipientId == coordinator && n.Link == RetentionScan.ListLink, Cancel)));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"retention: 1 run, {Count(_fixture.A, Skipped)} + {Count(_fixture.B, Skipped)} skipped checks on A + B, observed in {watch.Elapsed.TotalSeconds:F1} s"));
    }
}
