using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Testing;
using LeerlingzorgPortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeerlingzorgPortal.Web.Tests;

public abstract class MigrationTests<TFixture>(TFixture fixture) : PortalTests<TFixture>(fixture)
    where TFixture : PortalFixture
{
    [Fact]
    public async Task Migrations_apply_on_an_empty_database_and_leave_nothing_pending()
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(8, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_model_has_no_changes_without_a_migration()
    {
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model changed without a migration: run dotnet ef migrations add for all three providers (README, Development).");
    }
}

public sealed class MigrationTests_Sqlite(SqlitePortalFixture fixture) : MigrationTests<SqlitePortalFixture>(fixture);

public sealed class MigrationTests_PostgreSql(PostgreSqlPortalFixture fixture) : MigrationTests<PostgreSqlPortalFixture>(fixture);

public sealed class MigrationTests_SqlServer(SqlServerPortalFixture fixture) : MigrationTests<SqlServerPortalFixture>(fixture);
