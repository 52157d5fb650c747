using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace LeerlingzorgPortal.Web.Infrastructure.Web;

/// <summary>
/// A record id that is part of the URL is bound from the URL only (ADR 0036). Without this, MVC's
/// value providers look in the posted form first, then the route, then the query string, so a
/// posted <c>id</c> field (or <c>?id=</c>) would win over <c>/Controller/Action/{id}</c>: a form for
/// one record could act on another. Every simple action parameter whose name is a parameter of the
/// action's route (the conventional route's <c>{id}</c>, or any <c>{name}</c> of an attribute route)
/// and that states no source of its own gets <see cref="BindingSource.Path"/>.
/// </summary>
public sealed class RouteBoundIdsConvention : IActionModelConvention
{
    /// <summary>The parameters of the conventional route "{controller=Home}/{action=Index}/{id?}" that carry data.</summary>
    public static readonly IReadOnlySet<string> ConventionalRouteParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "id" };

    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var names = RouteParameterNames(action);
        foreach (var parameter in action.Parameters)
        {
            if (!names.Contains(parameter.ParameterName) || !IsSimple(parameter.ParameterType)
                || parameter.BindingInfo?.BindingSource is not null)
            {
                continue;
            }

            parameter.BindingInfo ??= new BindingInfo();
            parameter.BindingInfo.BindingSource = BindingSource.Path;
        }
    }

    private static HashSet<string> RouteParameterNames(ActionModel action)
    {
        var templates = action.Selectors.Select(s => s.AttributeRouteModel)
            .Concat(action.Controller.Selectors.Select(s => s.AttributeRouteModel))
            .Where(r => r?.Template is not null)
            .Select(r => r!.Template!)
            .ToList();
        if (templates.Count == 0)
        {
            return new HashSet<string>(ConventionalRouteParameters, StringComparer.OrdinalIgnoreCase);
        }

        return templates.SelectMany(t => RoutePatternFactory.Parse(t).Parameters.Select(p => p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(Guid)
               || underlying == typeof(decimal) || underlying == typeof(DateOnly);
    }
}
