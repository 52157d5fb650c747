using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeerlingzorgPortal.Data.Migrations.SqlServer;

/// <summary>
/// Used only by <c>dotnet ef</c>, with this project as its own startup project, to make migrations; the connection
/// string is never opened.
/// </summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=localhost;Database=design", o => o.MigrationsAssembly(SqlServerPortalDbContext.MigrationsAssembly)).Options);
}
