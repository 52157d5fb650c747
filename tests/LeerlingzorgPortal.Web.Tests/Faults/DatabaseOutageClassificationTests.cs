using System.Net.Sockets;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeerlingzorgPortal.Web.Tests.Faults;

/// <summary>Which exceptions mean "the database is away" (a 503 page) and which are ordinary errors (ADR 0023).</summary>
public sealed class DatabaseOutageClassificationTests
{
    [Fact]
    public void A_refused_or_broken_connection_is_an_outage_however_deeply_EF_wraps_it()
    {
        var refused = new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(DatabaseOutageKind.Unreachable, DatabaseOutage.Classify(refused));
        Assert.Equal(DatabaseOutageKind.Unreachable, DatabaseOutage.Classify(
            new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)));
        Assert.Equal(DatabaseOutageKind.Unreachable, DatabaseOutage.Classify(new DbUpdateException("saving", refused)));
        Assert.Equal(DatabaseOutageKind.Unreachable, DatabaseOutage.Classify(new AggregateException(new InvalidOperationException("x"), refused)));
    }

    [Theory]
    [InlineData("57P01")] // terminating connection due to administrator command (pg_ctl stop -m fast)
    [InlineData("57P03")] // the database system is starting up / shutting down
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    public void A_server_that_is_going_away_or_full_is_an_outage(string sqlState)
    {
        Assert.Equal(DatabaseOutageKind.Unreachable, DatabaseOutage.Classify(new PostgresException("weg", "FATAL", "FATAL", sqlState)));
    }

    [Fact]
    public void A_timeout_connecting_or_running_a_command_is_an_outage_that_timed_out()
    {
        Assert.Equal(DatabaseOutageKind.TimedOut, DatabaseOutage.Classify(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
        Assert.Equal(DatabaseOutageKind.TimedOut, DatabaseOutage.Classify(new PostgresException("canceling statement", "ERROR", "ERROR", "57014")));
    }

    [Theory]
    [InlineData("23505")] // unique violation: a bug or a race in what was asked, not an outage
    [InlineData("42P01")] // undefined table: a missing migration
    [InlineData("28P01")] // wrong password: configuration
    [InlineData("3D000")] // database does not exist: configuration
    public void An_error_in_what_was_asked_or_in_the_configuration_is_not_an_outage(string sqlState)
    {
        Assert.Equal(DatabaseOutageKind.None, DatabaseOutage.Classify(new DbUpdateException("x", new PostgresException("fout", "ERROR", "ERROR", sqlState))));
    }

    [Fact]
    public void A_locked_or_unopenable_SQLite_file_is_busy_and_a_constraint_error_is_not()
    {
        Assert.Equal(DatabaseOutageKind.Busy, DatabaseOutage.Classify(new SqliteException("database is locked", 5)));
        Assert.Equal(DatabaseOutageKind.Busy, DatabaseOutage.Classify(new DbUpdateException("x", new SqliteException("cannot open", 14))));
        Assert.Equal(DatabaseOutageKind.None, DatabaseOutage.Classify(new SqliteException("UNIQUE constraint failed", 19)));
    }

    [Fact]
    public void Exceptions_without_a_database_error_are_not_an_outage()
    {
        Assert.Equal(DatabaseOutageKind.None, DatabaseOutage.Classify(new TimeoutException()));
        Assert.Equal(DatabaseOutageKind.None, DatabaseOutage.Classify(new InvalidOperationException("x", new SocketException())));
        Assert.Equal(DatabaseOutageKind.None, DatabaseOutage.Classify(null));
    }
}
