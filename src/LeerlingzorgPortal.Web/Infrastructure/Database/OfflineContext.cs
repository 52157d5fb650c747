using LeerlingzorgPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

/// <summary>
/// A context of a provider that never connects: enough for the model, the migrations and the SQL EF writes
/// (the migration script, the SQL Server model checks).
/// </summary>
public static class OfflineContext
{
    public static PortalDbContext For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=unused;Database=portal", o => o.MigrationsAssembly(SqlServerPortalDbContext.MigrationsAssembly)).Options),
        DatabaseProvider.PostgreSql => new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>()
            .UseNpgsql("Host=unused;Database=portal", o => o.MigrationsAssembly(PostgreSqlPortalDbContext.MigrationsAssembly)).Options),
        _ => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=unused.db", o => o.MigrationsAssembly(SqlitePortalDbContext.MigrationsAssembly)).Options),
    };
}
