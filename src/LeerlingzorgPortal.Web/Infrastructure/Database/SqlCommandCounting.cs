using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// How many SQL commands (database round trips) one HTTP request has sent so far. Kept as a feature of
/// the request, so every context used while the request runs counts towards it: the page's own, the
/// session and security-stamp checks, the audit line. Only a number: no SQL, no parameters.
/// </summary>
public sealed class RequestSqlCommands
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    internal void Add() => Interlocked.Increment(ref _count);

    /// <summary>Starts counting for the request (the request log line does this first thing).</summary>
    public static RequestSqlCommands StartFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var counter = new RequestSqlCommands();
        context.Features.Set(counter);
        return counter;
    }
}

/// <summary>
/// Counts each command EF Core sends towards the running request's <see cref="RequestSqlCommands"/>.
/// One instance for the application: the request is found through <see cref="IHttpContextAccessor"/>
/// (which follows the async flow), so it does not matter which scope or context sends the command.
/// Commands outside a request (start-up, background jobs) are not counted.
/// </summary>
public sealed class SqlCommandCountingInterceptor(IHttpContextAccessor httpContextAccessor) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count() => httpContextAccessor.HttpContext?.Features.Get<RequestSqlCommands>()?.Add();
}
