using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// Finds a controller's views in its feature folder, named after the namespace under <c>Features</c>:
/// <c>Features.Cases.CaseWork.CareCasesController</c> looks in <c>/Features/Cases/CaseWork/CareCases/</c>,
/// <c>/Features/Cases/CaseWork/</c>, <c>/Features/Cases/CareCases/</c> and <c>/Features/Cases/</c>;
/// <c>Features.Retention.InzageController</c> in <c>/Features/Retention/Inzage/</c> before <c>/Features/Retention/</c>;
/// then in <c>/Features/Shared/</c>.
/// </summary>
public sealed class FeatureFolderViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    private const string FolderKey = "folder";

    public static readonly string[] Formats =
    [
        "/Features/{folder}/{1}/{0}.cshtml",
        "/Features/{folder}/{0}.cshtml",
        "/Features/{feature}/{1}/{0}.cshtml",
        "/Features/{feature}/{0}.cshtml",
        "/Features/Shared/{0}.cshtml",
    ];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor descriptor)
        {
            var folder = FolderOf(descriptor.ControllerTypeInfo.Namespace);
            context.Values[FolderKey] = folder;
            context.Values[FeatureKey] = folder?.Split('/')[0];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context,
        IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Values.TryGetValue(FeatureKey, out var value) ? value : null;
        var folder = context.Values.TryGetValue(FolderKey, out var path) ? path : null;
        return feature is null || folder is null
            ? viewLocations.Where(l => !l.Contains("{feature}", StringComparison.Ordinal) && !l.Contains("{folder}", StringComparison.Ordinal))
            : viewLocations
                .Select(l => l.Replace("{folder}", folder, StringComparison.Ordinal).Replace("{feature}", feature, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal);
    }

    /// <summary>The folder under <c>Features</c> that a namespace names, e.g. <c>Cases/CaseWork</c>; null outside it.</summary>
    public static string? FolderOf(string? ns)
    {
        const string marker = ".Features.";
        var index = ns?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (ns is null || index < 0)
        {
            return null;
        }

        return ns[(index + marker.Length)..].Replace('.', '/');
    }
}
