using System.Net;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Infrastructure.Database;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace LeerlingzorgPortal.Web.Tests.Faults;

/// <summary>A SQLite test database with a one-second busy timeout.</summary>
public sealed class ShortBusyTimeoutSqliteTestDatabase : TestDatabase
{
    private readonly SqliteTestDatabase _inner = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString => _inner.ConnectionString + ";Default Timeout=1";

    public override string? UnavailableReason => _inner.UnavailableReason;

    public override ValueTask DisposeAsync() => _inner.DisposeAsync();
}

public sealed class SqliteBusyPortalFixture() : PortalFixture(new ShortBusyTimeoutSqliteTestDatabase());

/// <summary>
/// SQLite's counterpart of a database that is away (ADR 0023): the file is locked by another writer for longer
/// than the busy timeout. The request answers a Dutch 503 instead of a 500, and the next one after the lock
/// is gone answers normally.
/// </summary>
public sealed class SqliteBusyTests(SqliteBusyPortalFixture fixture) : PortalTests<SqliteBusyPortalFixture>(fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_write_while_another_writer_holds_the_file_answers_a_Dutch_503_and_works_again_once_the_lock_is_gone()
    {
        using var mentor = await DatabaseOutageTests.SignedInAsync(Fixture.Factory, TestOrganisation.MentorA);
        var anna = $"/Pupils/Details/{Org.Pupils["Anna"]}";
        await mentor.GetPageAsync(anna);

        HttpResponseMessage locked;
        await using (var other = new SqliteConnection(Fixture.Database.ConnectionString))
        {
            await other.OpenAsync(Cancel);
            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync(Cancel);

            // Reading a dossier writes its audit line, which has to wait for the other writer.
            locked = await mentor.GetAsync(new Uri(anna, UriKind.Relative), Cancel);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
        Assert.Contains("De database is even bezet", await locked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await mentor.GetPageAsync(anna);
    }
}
