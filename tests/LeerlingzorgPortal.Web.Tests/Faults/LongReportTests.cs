using System.Data.Common;
using System.Net;
using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests.Faults;

/// <summary>
/// A long report or export does not block other users (ADR 0023; docs/benchmarks.md, "Faults"): report requests are held inside
/// the database by a command interceptor until the test lets them go, with no sleeping, and meanwhile
/// another user's pages answer.
/// </summary>
public abstract class LongReportTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_more_report_and_export_requests_than_threads_wait_on_the_database_other_users_pages_answer()
    {
        var gate = new ReportGate();
        await using var factory = Fixture.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDbContext>(options => options.AddInterceptors(gate));
            services.ConfigureDbContext<PostgreSqlPortalDbContext>(options => options.AddInterceptors(gate));
        }));
        using var leader = await DatabaseOutageTests.SignedInAsync(factory, TestOrganisation.SchoolLeader);
        using var mentor = await DatabaseOutageTests.SignedInAsync(factory, TestOrganisation.MentorA);

        // More long requests than the thread pool starts with: if any of them held a thread while waiting for the
        // database, the rest of the portal would have to wait for the pool to grow.
        ThreadPool.GetMinThreads(out var threads, out _);
        var held = threads + 8;
        var reports = Enumerable.Range(0, held)
            .Select(i => leader.GetAsync(new Uri(i % 2 == 0 ? "/Reports" : "/Reports/DashboardExport?table=aanmeldingen&format=csv", UriKind.Relative), Cancel))
            .ToList();
        await gate.WaitUntilHeldAsync(held).WaitAsync(TimeSpan.FromSeconds(60), Cancel);

        await mentor.GetPageAsync("/");
        await mentor.GetPageAsync("/Pupils");
        await mentor.GetPageAsync($"/Pupils/Details/{Org.Pupils["Anna"]}");

        Assert.All(reports, r => Assert.False(r.IsCompleted, "a held report finished before it was let go"));
        gate.Release();
        var answers = await Task.WhenAll(reports);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        // Every database call of those requests went through the asynchronous path: no thread waited on the database.
        Assert.Equal(0, gate.SynchronousCommands);
    }

    /// <summary>
    /// Holds the report's own queries (not the sign-in checks on the Identity tables) of requests under /Reports
    /// until <see cref="Release"/>, and counts any that were run synchronously.
    /// </summary>
    private sealed class ReportGate : DbCommandInterceptor
    {
        private readonly HttpContextAccessor _http = new();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private readonly HashSet<HttpContext> _heldRequests = [];
        private TaskCompletionSource? _allHeld;
        private int _wanted;
        private int _synchronous;

        public int SynchronousCommands => Volatile.Read(ref _synchronous);

        public Task WaitUntilHeldAsync(int requests)
        {
            lock (_lock)
            {
                _wanted = requests;
                _allHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_heldRequests.Count >= requests)
                {
                    _allHeld.TrySetResult();
                }

                return _allHeld.Task;
            }
        }

        public void Release() => _release.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await HoldAsync(command, cancellationToken);
            return result;
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            CountIfReport(command);
            return result;
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            CountIfReport(command);
            return result;
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            CountIfReport(command);
            return result;
        }

        private bool IsReport(DbCommand command) =>
            _http.HttpContext?.Request.Path.StartsWithSegments("/Reports", StringComparison.Ordinal) == true
            && !command.CommandText.Contains("AspNet", StringComparison.Ordinal);

        private void CountIfReport(DbCommand command)
        {
            if (IsReport(command))
            {
                Interlocked.Increment(ref _synchronous);
            }
        }

        private async Task HoldAsync(DbCommand command, CancellationToken cancellationToken)
        {
            if (!IsReport(command) || _release.Task.IsCompleted)
            {
                return;
            }

            lock (_lock)
            {
                _heldRequests.Add(_http.HttpContext!);
                if (_allHeld is not null && _heldRequests.Count >= _wanted)
                {
                    _allHeld.TrySetResult();
                }
            }

            await _release.Task.WaitAsync(cancellationToken);
        }
    }
}

public sealed class LongReportTests_Sqlite(SqlitePortalFixture fixture) : LongReportTests<SqlitePortalFixture>(fixture);

public sealed class LongReportTests_PostgreSql(PostgreSqlPortalFixture fixture) : LongReportTests<PostgreSqlPortalFixture>(fixture);

public sealed class LongReportTests_SqlServer(SqlServerPortalFixture fixture) : LongReportTests<SqlServerPortalFixture>(fixture);
