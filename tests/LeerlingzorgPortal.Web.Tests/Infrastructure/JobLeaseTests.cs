using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Features.Retention;
using LeerlingzorgPortal.Web.Infrastructure.Jobs;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeerlingzorgPortal.Web.Tests.Infrastructure;

/// <summary>
/// The job lease in the database: of several instances exactly one runs a daily job, once a day, and a
/// crashed holder's lease runs out. Advances the fixture's clock, so it is a class of its own.
/// </summary>
public abstract class JobLeaseTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(10);

    private async Task<bool> AcquireAsync(string job, string holder)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(job, holder, LeaseFor);
    }

    private async Task<bool> CompleteAsync(string job, string holder)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().CompleteAsync(job, holder);
    }

    private async Task ReleaseAsync(string job, string holder)
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync(job, holder);
    }

    private static string NewJob() => $"job-{Guid.NewGuid():N}";

    [Fact]
    public async Task Two_holders_racing_for_a_lease_that_does_not_exist_yet_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var job = NewJob();

            var results = await Task.WhenAll(AcquireAsync(job, "A"), AcquireAsync(job, "B"));

            Assert.Single(results, won => won);
            Assert.Equal(1, await Fixture.QueryAsync(db => db.JobLeases.CountAsync(l => l.Name == job)));
        }
    }

    [Fact]
    public async Task Two_holders_racing_for_a_free_existing_lease_exactly_one_wins()
    {
        for (var round = 0; round < 10; round++)
        {
            var job = NewJob();
            Assert.True(await AcquireAsync(job, "X"));
            await ReleaseAsync(job, "X");

            var results = await Task.WhenAll(AcquireAsync(job, "A"), AcquireAsync(job, "B"));

            Assert.Single(results, won => won);
            var holder = await Fixture.QueryAsync(db => db.JobLeases.Where(l => l.Name == job).Select(l => l.Holder).SingleAsync());
            Assert.Equal(results[0] ? "A" : "B", holder);
        }
    }

    [Fact]
    public async Task A_held_lease_blocks_other_holders_until_it_runs_out_and_then_another_takes_over()
    {
        var job = NewJob();
        Assert.True(await AcquireAsync(job, "A"));
        Assert.False(await AcquireAsync(job, "B"));

        Fixture.Clock.Advance(LeaseFor - TimeSpan.FromSeconds(1));
        Assert.False(await AcquireAsync(job, "B"));

        // A died mid-run: its lease runs out and B takes over; A cannot mark the day done any more.
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await AcquireAsync(job, "B"));
        Assert.False(await CompleteAsync(job, "A"));
        Assert.True(await CompleteAsync(job, "B"));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.JobLeases.Where(l => l.Name == job).Select(l => l.Runs).SingleAsync()));
    }

    [Fact]
    public async Task A_completed_run_is_skipped_by_every_holder_for_the_rest_of_the_day_and_runs_again_the_next_day()
    {
        var job = NewJob();
        Assert.True(await AcquireAsync(job, "A"));
        Assert.True(await CompleteAsync(job, "A"));

        Assert.False(await AcquireAsync(job, "A"));
        Assert.False(await AcquireAsync(job, "B"));
        Fixture.Clock.Advance(LeaseFor * 3);
        Assert.False(await AcquireAsync(job, "B"));

        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await AcquireAsync(job, "B"));
        Assert.True(await CompleteAsync(job, "B"));
        var lease = await Fixture.QueryAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == job));
        Assert.Equal(2, lease.Runs);
        Assert.Equal(JobLeases.DayOf(Fixture.Clock.GetUtcNow()), lease.LastRunOn);
    }

    [Fact]
    public async Task A_failed_run_lets_the_lease_go_so_another_instance_runs_it_the_same_day()
    {
        var job = NewJob();
        Assert.True(await AcquireAsync(job, "A"));
        await ReleaseAsync(job, "A");

        Assert.True(await AcquireAsync(job, "B"));
        Assert.Equal(0, await Fixture.QueryAsync(db => db.JobLeases.Where(l => l.Name == job).Select(l => l.Runs).SingleAsync()));
    }

    [Fact]
    public async Task Two_instances_of_the_retention_job_on_one_database_scan_once_and_tell_the_coordinator_once()
    {
        var today = DateOnly.FromDateTime(Fixture.Clock.GetUtcNow().UtcDateTime);
        await Fixture.SeedFullDossierAsync(Org.NorthId, leftOn: today.AddYears(-3).AddDays(-1));
        var coordinatorId = Org.UserIds[TestOrganisation.CoordinatorNorth];
        Task<int> RetentionNotificationsAsync() => Fixture.QueryAsync(db =>
            db.Notifications.CountAsync(n => n.RecipientId == coordinatorId && n.Link == RetentionScan.ListLink));
        var before = await RetentionNotificationsAsync();
        var first = NewJobInstance();
        var second = NewJobInstance();
        Assert.NotEqual(first.Holder, second.Holder);

        var outcomes = await Task.WhenAll(first.RunOnceAsync(TestContext.Current.CancellationToken), second.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal([JobRunOutcome.Ran, JobRunOutcome.Skipped], outcomes.Order().ToArray());
        Assert.Equal(before + 1, await RetentionNotificationsAsync());

        // Later checks the same day, on either instance, skip.
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([JobRunOutcome.Skipped, JobRunOutcome.Skipped], await Task.WhenAll(first.RunOnceAsync(TestContext.Current.CancellationToken), second.RunOnceAsync(TestContext.Current.CancellationToken)));
        var lease = await Fixture.QueryAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.Name == RetentionJob.JobName));
        Assert.Equal(1, lease.Runs);
        Assert.Contains(lease.Holder, new[] { first.Holder, second.Holder });
        Assert.Equal(before + 1, await RetentionNotificationsAsync());
    }

    private RetentionJob NewJobInstance() => new(Fixture.Services.GetRequiredService<IServiceScopeFactory>(), Fixture.Clock,
        Fixture.Services.GetRequiredService<IConfiguration>(), NullLogger<RetentionJob>.Instance);
}

public sealed class JobLeaseTests_Sqlite(SqlitePortalFixture fixture) : JobLeaseTests<SqlitePortalFixture>(fixture);

public sealed class JobLeaseTests_PostgreSql(PostgreSqlPortalFixture fixture) : JobLeaseTests<PostgreSqlPortalFixture>(fixture);

public sealed class JobLeaseTests_SqlServer(SqlServerPortalFixture fixture) : JobLeaseTests<SqlServerPortalFixture>(fixture);
