using LeerlingzorgPortal.Data;
using LeerlingzorgPortal.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeerlingzorgPortal.Web.Infrastructure.Database;

public static class DatabaseServiceCollectionExtensions
{
    public const string HealthCheckName = "database";

    /// <summary>
    /// Registers the context of the configured provider. The settings are read when first needed
    /// (not while the services are being listed), so that test hosts can supply their own.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddScoped<AuditLogAppendOnlyInterceptor>();
        services.AddSingleton<SqliteBusyTimeoutInterceptor>();
        services.AddHttpContextAccessor();
        services.AddSingleton<SqlCommandCountingInterceptor>();
        services.AddDbContext<SqlitePortalDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<DatabaseSettings>().ConnectionString, o => o.MigrationsAssembly(SqlitePortalDbContext.MigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<AuditLogAppendOnlyInterceptor>(), sp.GetRequiredService<SqliteBusyTimeoutInterceptor>(),
                sp.GetRequiredService<SqlCommandCountingInterceptor>()));
        services.AddDbContext<PostgreSqlPortalDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<DatabaseSettings>().ConnectionString, o => o.MigrationsAssembly(PostgreSqlPortalDbContext.MigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<AuditLogAppendOnlyInterceptor>(),
                sp.GetRequiredService<SqlCommandCountingInterceptor>()));
        services.AddDbContext<SqlServerPortalDbContext>((sp, options) => options
            .UseSqlServer(sp.GetRequiredService<DatabaseSettings>().ConnectionString, o => o.MigrationsAssembly(SqlServerPortalDbContext.MigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<AuditLogAppendOnlyInterceptor>(),
                sp.GetRequiredService<SqlCommandCountingInterceptor>()));
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<DatabaseSettings>().Provider switch
        {
            DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgreSqlPortalDbContext>(),
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerPortalDbContext>(),
            _ => sp.GetRequiredService<SqlitePortalDbContext>(),
        });

        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>(HealthCheckName, tags: ["ready"]);

        // The readiness check gives up after a few seconds of its own (Database:HealthCheckTimeoutSeconds),
        // so a load balancer's probe of a server that does not answer is not left waiting (ADR 0023).
        services.AddOptions<HealthCheckServiceOptions>().Configure<DatabaseSettings>((options, settings) =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == HealthCheckName))
            {
                registration.Timeout = settings.HealthCheckTimeout;
            }
        });
        services.AddSingleton<DatabaseOutageLog>();
        return services;
    }
}
