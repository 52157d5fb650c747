using LeerlingzorgPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Tests.SqlServer;

/// <summary>A SQL Server context that never connects: enough for the model, the migrations and the SQL EF writes.</summary>
internal static class SqlServerContexts
{
    public static SqlServerPortalDbContext Offline() =>
        new(new DbContextOptionsBuilder<SqlServerPortalDbContext>()
            .UseSqlServer("Server=127.0.0.1,1;Database=portal;User ID=portal;Password=unused;Encrypt=false").Options);
}
