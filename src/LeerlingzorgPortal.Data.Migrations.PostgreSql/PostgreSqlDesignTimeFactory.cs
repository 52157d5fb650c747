using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LeerlingzorgPortal.Data.Migrations.PostgreSql;

/// <summary>
/// Used only by <c>dotnet ef</c>, with this project as its own startup project, to make migrations; the connection
/// string is never opened.
/// </summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsAssembly(PostgreSqlPortalDbContext.MigrationsAssembly)).Options);
}
