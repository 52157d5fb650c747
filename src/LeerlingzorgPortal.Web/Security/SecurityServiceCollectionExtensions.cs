using LeerlingzorgPortal.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LeerlingzorgPortal.Web.Security;

public static class SecurityServiceCollectionExtensions
{
    public const string AuthCookieName = "lzp.auth";
    public const string AntiforgeryCookieName = "lzp.af";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services)
    {

        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition (ASVS 5.0 V6): 12 characters or more, any characters, so a
                // passphrase of plain words is fine; the predictable ones are refused by CommonPasswordValidator.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
                // Authenticator codes by the app's clock, each code used once (ADR 0016).
                options.Tokens.AuthenticatorTokenProvider = PortalAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserStore<HashedRecoveryCodeUserStore>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddTokenProvider<PortalAuthenticatorTokenProvider>(PortalAuthenticatorTokenProvider.ProviderName);

        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.IdleTimeoutMinutes is >= 1 and <= 24 * 60,
                "Security:IdleTimeoutMinutes moet tussen 1 en 1440 liggen.")
            .Validate(o => o.AbsoluteTimeoutHours is >= 1 and <= 7 * 24,
                "Security:AbsoluteTimeoutHours moet tussen 1 en 168 liggen.")
            .Validate(o => o.IdleTimeout <= o.AbsoluteTimeout,
                "Security:IdleTimeoutMinutes mag niet langer zijn dan Security:AbsoluteTimeoutHours.")
            .ValidateOnStart();
        services.AddScoped<PortalSessions>();
        services.AddScoped<SignedInUser>();
        services.AddSingleton<SignInDelays>();

        // PBKDF2-HMAC-SHA512 with OWASP's current 210,000 iterations (Identity's default is 100,000);
        // older hashes are rehashed at the next sign-in.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);

        // Check the security stamp on every request: a deactivated account, a reset password or a
        // changed role ends existing sessions at once instead of after the default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = AuthCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // Idle timeout (sliding) from Security:IdleTimeoutMinutes, set below; the absolute timeout and
            // the server-side session are checked in PortalCookieEvents.
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ReturnUrlParameter = "returnUrl";
            PortalCookieEvents.Apply(options.Events);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SecurityOptions>>((options, security) => options.ExpireTimeSpan = security.Value.IdleTimeout);
        services.AddPortalThrottling();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Conventions.Add(new ExportConvention()));

        // The Data Protection key ring (shared by every instance, encrypted at rest): KeyRing.AddPortalKeyRing (ADR 0042).

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.HeaderName = "X-CSRF-TOKEN";
        });

        // Plain http is only tolerated on a developer's or test machine; everywhere else cookies
        // travel over https only, under the "__Host-" prefix (no Domain, path /, Secure: a sibling
        // host cannot set or overwrite them). Decided when the options are built, so test hosts can
        // set the environment.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((options, environment) =>
            {
                options.Cookie.SecurePolicy = CookiePolicyFor(environment);
                options.Cookie.Name = CookieName(AuthCookieName, environment);
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IHostEnvironment>((options, environment) =>
            {
                options.Cookie.SecurePolicy = CookiePolicyFor(environment);
                options.Cookie.Name = CookieName(AntiforgeryCookieName, environment);
            });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        services.AddAuthorization(Policies.Register);
        services.AddHttpContextAccessor();
        services.AddScoped<PolicyGate>();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IAuthorizationHandler, PupilAuthorizationHandler>();
        services.AddScoped<CareAccess>();
        services.AddScoped<IAuthorizationHandler, ReferralAuthorizationHandler>();
        services.AddOptions<CareOptions>().BindConfiguration(CareOptions.Section)
            .Validate(o => o.StaleAfterDays is > 0 and <= 365, "Care:StaleAfterDays moet tussen 1 en 365 liggen.");
        services.AddOptions<Features.Audit.AuditOptions>().BindConfiguration(Features.Audit.AuditOptions.Section)
            .Validate(o => o.UnusualOutsideCaseloadPupils >= 0 && o.UnusualRefusedAccesses >= 0
                           && o.UnusualReadsOutsideSchoolHours >= 0 && o.UnusualExports >= 0,
                "De drempels onder Audit mogen niet negatief zijn.");
        return services;
    }

    private static bool HttpsOnly(IHostEnvironment environment) => environment.IsProduction() || environment.IsStaging();

    private static CookieSecurePolicy CookiePolicyFor(IHostEnvironment environment) =>
        HttpsOnly(environment) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    /// <summary>The cookie's name: with the "__Host-" prefix wherever cookies are https-only.</summary>
    public static string CookieName(string name, IHostEnvironment environment) =>
        HttpsOnly(environment) ? "__Host-" + name : name;
}
