using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// Finds a controller's views in its feature folder, named after the namespace segment under
/// <c>Features</c>: <c>Features.Admin.UsersController</c> looks in <c>/Features/Admin/Users/</c> and
/// <c>/Features/Admin/</c>, then in <c>/Features/Shared/</c>.
/// </summary>
public sealed class FeatureFolderViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public static readonly string[] Formats =
    [
        "/Features/{feature}/{1}/{0}.cshtml",
        "/Features/{feature}/{0}.cshtml",
        "/Features/Shared/{0}.cshtml",
    ];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor descriptor)
        {
            context.Values[FeatureKey] = FeatureOf(descriptor.ControllerTypeInfo.Namespace);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context,
        IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Values.TryGetValue(FeatureKey, out var value) ? value : null;
        return feature is null
            ? viewLocations.Where(l => !l.Contains("{feature}", StringComparison.Ordinal))
            : viewLocations.Select(l => l.Replace("{feature}", feature, StringComparison.Ordinal));
    }

    private static string? FeatureOf(string? ns)
    {
        const string marker = ".Features.";
        var index = ns?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (ns is null || index < 0)
        {
            return null;
        }

        return ns[(index + marker.Length)..].Split('.')[0];
    }
}
