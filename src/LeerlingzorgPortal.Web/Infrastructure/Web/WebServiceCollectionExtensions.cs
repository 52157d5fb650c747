using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

public static class WebServiceCollectionExtensions
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static IServiceCollection AddPortalWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);

        // No "Server: Kestrel": the answer need not name the server software it runs on.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddControllersWithViews(options =>
            {
                // Every unsafe method (POST, PUT, DELETE) must carry a valid antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

                // A 404 for a record id is refused access, and is audited (Security/RefusedAccessAuditFilter).
                options.Filters.Add<Security.RefusedAccessAuditFilter>();

                // A record id in the URL is bound from the URL only; a posted or queried id never wins (ADR 0036).
                options.Conventions.Add(new RouteBoundIdsConvention());
                DutchBindingMessages.Apply(options.ModelBindingMessageProvider);
            })
            .AddRazorOptions(options =>
            {
                // Feature folders: a feature's views live next to its controller.
                options.ViewLocationFormats.Clear();
                foreach (var format in FeatureFolderViewLocationExpander.Formats)
                {
                    options.ViewLocationFormats.Add(format);
                }

                options.ViewLocationExpanders.Add(new FeatureFolderViewLocationExpander());
            });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Dutch);
            options.SupportedCultures = [Dutch];
            options.SupportedUICultures = [Dutch];
            options.RequestCultureProviders.Clear();
        });
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = PortalTextEncoderSettings());
        services.AddPortalForwardedHeaders();

        // Every validator beside its form, found by FluentValidation's DI package and called explicitly in the
        // action. The client adapters only write the rules the browser can check (required, lengths) as
        // data-val-* attributes with the same Dutch messages; there is no automatic server-side validation (ADR 0041).
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddFluentValidationClientsideAdapters();
        ValidatorOptions.Global.LanguageManager.Culture = Dutch;
        return services;
    }

    /// <summary>
    /// Dutch text (ë, ö, é) is written as is instead of as numeric character references; the
    /// bidirectional controls of General Punctuation (which can make "gpj.exe" read as "exe.jpg") are
    /// still written encoded.
    /// </summary>
    private static TextEncoderSettings PortalTextEncoderSettings()
    {
        var settings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA,
            UnicodeRanges.GeneralPunctuation);
        settings.ForbidCharacters(BidiControls.Characters);
        return settings;
    }
}
