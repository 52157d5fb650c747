using LeerlingzorgPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the context of the configured provider. The settings are read when first needed
    /// (not while the services are being listed), so that test hosts can supply their own.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddScoped<AuditLogAppendOnlyInterceptor>();
        services.AddHttpContextAccessor();
        services.AddSingleton<SqlCommandCountingInterceptor>();
        services.AddDbContext<SqlitePortalDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<AuditLogAppendOnlyInterceptor>(),
                sp.GetRequiredService<SqlCommandCountingInterceptor>()));
        services.AddDbContext<PostgreSqlPortalDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<AuditLogAppendOnlyInterceptor>(),
                sp.GetRequiredService<SqlCommandCountingInterceptor>()));
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgreSqlPortalDbContext>(),
            _ => sp.GetRequiredService<SqlitePortalDbContext>(),
        });

        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return services;
    }
}
