using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeerlingzorgPortal.Data.Migrations.Sqlite;

/// <summary>
/// Used only by <c>dotnet ef</c>, with this project as its own startup project, to make migrations; the connection
/// string is never opened.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(SqlitePortalDbContext.MigrationsAssembly)).Options);
}
