using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// Lets SQLite itself wait for the write lock (ADR 0025). Microsoft.Data.Sqlite retries a busy statement only
/// every 150 ms, so under concurrent audit writes every waiting request lost 150 ms steps; SQLite's own busy
/// handler retries within a millisecond or two. Set on the raw connection, so it is not one of the page's queries.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    /// <summary>30 s: as long as a command may take (the default command timeout), so nothing fails earlier than before.</summary>
    private const string SetBusyTimeout = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        Apply(connection);
        base.ConnectionOpened(connection, eventData);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        await base.ConnectionOpenedAsync(connection, eventData, cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = SetBusyTimeout;
        command.ExecuteNonQuery();
    }
}
