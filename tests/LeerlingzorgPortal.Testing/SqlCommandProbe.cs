using System.Collections.Concurrent;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LeerlingzorgPortal.Testing;

/// <summary>
/// Reports how many SQL commands a request sent, as counted by the portal's own
/// <see cref="SqlCommandCountingInterceptor"/>. A request that carries the <see cref="Header"/> has its
/// count handed over when the whole pipeline has finished with it (after any audit line or cookie
/// refresh), so a test awaits the count instead of guessing when the request is done.
/// </summary>
public sealed class SqlCommandProbe
{
    public const string Header = "X-Test-Sql-Probe";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _counts = new();

    /// <summary>The number of commands of the request that carried <paramref name="probeId"/>.</summary>
    public Task<int> CountOfAsync(string probeId) =>
        Slot(probeId).Task.WaitAsync(TimeSpan.FromSeconds(60));

    private TaskCompletionSource<int> Slot(string probeId) =>
        _counts.GetOrAdd(probeId, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));

    internal sealed class Filter(SqlCommandProbe probe) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (!context.Request.Headers.TryGetValue(Header, out var value))
                {
                    await nextMiddleware(context);
                    return;
                }

                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    probe.Slot(value.ToString()).TrySetResult(context.Features.Get<RequestSqlCommands>()?.Count ?? -1);
                }
            });
            next(app);
        };
    }
}
