using LeerlingzorgPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddScoped<AuditLogAppendOnlyInterceptor>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<PortalDbContext, SqlitePortalDbContext>((sp, options) => options
                .UseSqlite(settings.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<AuditLogAppendOnlyInterceptor>()));
        }
        else
        {
            services.AddDbContext<PortalDbContext, PostgreSqlPortalDbContext>((sp, options) => options
                .UseNpgsql(settings.ConnectionString)
                .AddInterceptors(sp.GetRequiredService<AuditLogAppendOnlyInterceptor>()));
        }

        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return services;
    }
}
