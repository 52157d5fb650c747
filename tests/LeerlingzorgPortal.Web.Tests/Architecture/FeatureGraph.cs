using Mono.Cecil;
using Mono.Cecil.Cil;

namespace LeerlingzorgPortal.Web.Tests.Architecture;

/// <summary>
/// The dependencies between the folders under <c>Features</c>, read from the compiled web assembly:
/// every type of a folder (its controllers, use cases, forms and its compiled Razor views) and the types
/// it names in its signatures, attributes and method bodies. <c>Features.Cases.CaseWork.X</c> and the
/// view <c>Features/Cases/CasePage/Details.cshtml</c> both belong to the folder <c>Cases</c>.
/// </summary>
public static class FeatureGraph
{
    private const string FeaturesNamespace = "LeerlingzorgPortal.Web.Features.";

    private const string ViewPrefix = "Features_";

    /// <summary>Folder → the other folders it uses. The composition root (namespace <c>Features</c> itself) is left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            if (FolderOf(Outermost(type)) is not { } folder)
            {
                continue;
            }

            var uses = graph.TryGetValue(folder, out var set) ? set : graph[folder] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in Referenced(type))
            {
                if (FolderOf(used) is { } other && other != folder)
                {
                    uses.Add(other);
                }
            }
        }

        return graph.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>The feature folder of a type: from its namespace, or for a compiled view from its generated name.</summary>
    public static string? FolderOf(TypeReference type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var outer = type.GetElementType();
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        if (outer.Namespace.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
        {
            return outer.Namespace[FeaturesNamespace.Length..].Split('.')[0];
        }

        if (outer.Namespace == "AspNetCoreGeneratedDocument" && outer.Name.StartsWith(ViewPrefix, StringComparison.Ordinal))
        {
            var folder = outer.Name[ViewPrefix.Length..].Split('_')[0];
            return folder.Length == 0 ? null : folder;
        }

        return null;
    }

    /// <summary>
    /// The strongly connected groups of more than one folder (or a folder using itself): each is a cycle.
    /// Tarjan's algorithm, so every cycle shows up however long it is.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            indices[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in graph.TryGetValue(node, out var edges) ? edges : new HashSet<string>())
            {
                if (!indices.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], nextIndex);
                }
            }

            if (lowLinks[node] != indices[node])
            {
                return;
            }

            var group = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                group.Add(member);
            }
            while (member != node);

            if (group.Count > 1 || (graph.TryGetValue(node, out var self) && self.Contains(node)))
            {
                group.Sort(StringComparer.Ordinal);
                cycles.Add(group);
            }
        }

        foreach (var node in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>What <c>Shared</c> uses of the feature folders: must be nothing.</summary>
    public static IReadOnlySet<string> SharedUses(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.TryGetValue("Shared", out var uses) ? uses : new HashSet<string>();
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        var baseType = type.BaseType is null ? [] : new[] { type.BaseType };
        foreach (var item in baseType.Concat(type.Interfaces.Select(i => i.InterfaceType))
            .Concat(type.Fields.Select(f => f.FieldType))
            .Concat(type.Properties.Select(p => p.PropertyType))
            .Concat(type.Events.Select(e => e.EventType))
            .Concat(Attributes(type.CustomAttributes))
            .Concat(type.Properties.SelectMany(p => Attributes(p.CustomAttributes)))
            .Concat(type.Methods.SelectMany(Used)))
        {
            foreach (var part in Parts(item))
            {
                yield return part;
            }
        }
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.Select(a => a.AttributeType);

    private static IEnumerable<TypeReference> Used(MethodDefinition method)
    {
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
        {
            yield return parameter.ParameterType;
            foreach (var attribute in Attributes(parameter.CustomAttributes))
            {
                yield return attribute;
            }
        }

        foreach (var attribute in Attributes(method.CustomAttributes))
        {
            yield return attribute;
        }

        if (!method.HasBody)
        {
            yield break;
        }

        foreach (var variable in method.Body.Variables)
        {
            yield return variable.VariableType;
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference typeOperand:
                    yield return typeOperand;
                    break;
                case MethodReference methodOperand:
                    yield return methodOperand.DeclaringType;
                    yield return methodOperand.ReturnType;
                    foreach (var parameter in methodOperand.Parameters)
                    {
                        yield return parameter.ParameterType;
                    }

                    if (methodOperand is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            yield return argument;
                        }
                    }

                    break;
                case FieldReference fieldOperand:
                    yield return fieldOperand.DeclaringType;
                    yield return fieldOperand.FieldType;
                    break;
            }
        }
    }

    /// <summary>A type and the types inside it: generic arguments, array and by-ref elements.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        if (type is null)
        {
            yield break;
        }

        yield return type;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var argument in generic.GenericArguments.SelectMany(Parts))
                {
                    yield return argument;
                }

                break;
            case TypeSpecification specification:
                foreach (var element in Parts(specification.ElementType))
                {
                    yield return element;
                }

                break;
        }
    }
}
