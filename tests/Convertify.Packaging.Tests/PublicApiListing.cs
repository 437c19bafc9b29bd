using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Convertify.Packaging.Tests;

/// <summary>
/// The public surface of an assembly as text, by reflection: every type a host can see (public, or nested public or
/// protected in such a type) and its public and protected members, one line each, C#-like, with nullability
/// annotations, sorted ordinally so the same surface always gives the same text.
/// </summary>
public static class PublicApiListing
{
    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetTypes().Where(IsVisible).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeLine(type)).Append('\n');
            // Members by name (constructors first), then by signature; an enum's in the order of their values.
            var members = type.IsEnum ? MemberLines(type) : MemberLines(type).OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Line, StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("  ").Append(member.Line).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>Every method, constructor and delegate parameter a host sees: (where, parameter name).</summary>
    public static IEnumerable<(string Member, string Parameter)> VisibleParameters(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(IsVisible))
        {
            var methods = type.GetMethods(Everything).Where(m => IsVisible(m) && !m.IsSpecialName && !IsCompilerGenerated(m)).Cast<MethodBase>()
                .Concat(type.GetConstructors(Everything).Where(IsVisible));
            foreach (var method in methods.Where(m => m.DeclaringType == type))
            {
                foreach (var parameter in method.GetParameters())
                {
                    yield return ($"{TypeName(type)}.{method.Name}", parameter.Name ?? "");
                }
            }
        }
    }

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static bool IsVisible(Type type) =>
        type.IsPublic || (type.IsNested && (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!));

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    private static bool IsCompilerGenerated(MemberInfo member) => member.Name.Contains('<', StringComparison.Ordinal);

    private static string TypeLine(Type type)
    {
        var kind = type switch
        {
            { IsInterface: true } => "interface",
            { IsEnum: true } => "enum",
            _ when typeof(Delegate).IsAssignableFrom(type.BaseType) => "delegate",
            { IsValueType: true } => (type.GetCustomAttribute<IsReadOnlyAttribute>() is null ? "" : "readonly ") + (IsRecord(type) ? "record struct" : "struct"),
            _ => (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "") + (IsRecord(type) ? "record" : "class"),
        };
        var line = $"{(type.IsNestedFamily ? "protected" : "public")} {kind} {TypeName(type, withNamespace: true)}";
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum) && !typeof(Delegate).IsAssignableFrom(type.BaseType))
        {
            bases.Add(TypeName(baseType, withNamespace: true));
        }
        if (type.IsEnum && Enum.GetUnderlyingType(type) != typeof(int))
        {
            bases.Add(TypeName(Enum.GetUnderlyingType(type)));
        }
        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces().Where(i => !inherited.Contains(i) && IsVisible(i)).Select(i => TypeName(i, withNamespace: true)).Order(StringComparer.Ordinal));
        if (typeof(Delegate).IsAssignableFrom(type.BaseType) && type.GetMethod("Invoke") is { } invoke)
        {
            return $"{line}({Parameters(invoke)}) -> {TypeName(invoke.ReturnParameter)}";
        }
        return bases.Count == 0 ? line : $"{line} : {string.Join(", ", bases)}";
    }

    private static IEnumerable<(string Name, string Line)> MemberLines(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)).ThenBy(f => f.Name, StringComparer.Ordinal))
            {
                yield return (field.Name, $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}");
            }
            yield break;
        }
        if (typeof(Delegate).IsAssignableFrom(type.BaseType))
        {
            yield break;
        }
        foreach (var constructor in type.GetConstructors(Everything).Where(IsVisible))
        {
            yield return ("", $"{Access(constructor)}{(constructor.IsStatic ? "static " : "")}ctor({Parameters(constructor)})");
        }
        foreach (var method in type.GetMethods(Everything).Where(m => IsVisible(m) && !IsAccessor(m) && !IsCompilerGenerated(m)))
        {
            var generic = method.IsGenericMethodDefinition ? $"<{string.Join(", ", method.GetGenericArguments().Select(a => a.Name))}>" : "";
            yield return (method.Name, $"{Access(method)}{Modifiers(method, type)}{TypeName(method.ReturnParameter)} {method.Name}{generic}({Parameters(method)})");
        }
        foreach (var property in type.GetProperties(Everything))
        {
            var accessors = new[] { property.GetMethod, property.SetMethod }.Where(a => a is not null && IsVisible(a)).ToArray();
            if (accessors.Length == 0 || IsCompilerGenerated(property))
            {
                continue;
            }
            var first = accessors[0]!;
            var parts = new List<string>();
            if (property.GetMethod is { } get && IsVisible(get))
            {
                parts.Add("get;");
            }
            if (property.SetMethod is { } set && IsVisible(set))
            {
                var init = set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
                parts.Add((set.IsFamily && !first.IsFamily ? "protected " : "") + (init ? "init;" : "set;"));
            }
            var indexer = property.GetIndexParameters();
            var name = indexer.Length == 0 ? property.Name : $"this[{string.Join(", ", indexer.Select(Parameter))}]";
            var required = property.GetCustomAttribute<RequiredMemberAttribute>() is null ? "" : "required ";
            yield return (property.Name, $"{Access(first)}{required}{Modifiers(first, type)}{TypeName(new NullabilityInfoContext().Create(property), property.PropertyType)} {name} {{ {string.Join(" ", parts)} }}");
        }
        foreach (var field in type.GetFields(Everything).Where(f => IsVisible(f) && !IsCompilerGenerated(f)))
        {
            var modifier = field.IsLiteral ? "const " : (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
            var value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : "";
            yield return (field.Name, $"{(field.IsFamily ? "protected " : "")}{modifier}{TypeName(new NullabilityInfoContext().Create(field), field.FieldType)} {field.Name}{value}");
        }
        foreach (var @event in type.GetEvents(Everything).Where(e => e.AddMethod is { } add && IsVisible(add)))
        {
            yield return (@event.Name, $"{Access(@event.AddMethod!)}{Modifiers(@event.AddMethod!, type)}event {TypeName(new NullabilityInfoContext().Create(@event), @event.EventHandlerType!)} {@event.Name}");
        }
    }

    private static bool IsAccessor(MethodInfo method) =>
        method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal) || method.Name.StartsWith("set_", StringComparison.Ordinal)
            || method.Name.StartsWith("add_", StringComparison.Ordinal) || method.Name.StartsWith("remove_", StringComparison.Ordinal));

    private static string Access(MethodBase method) => method.IsFamily ? "protected " : method.IsFamilyOrAssembly ? "protected internal " : "";

    private static string Modifiers(MethodInfo method, Type type)
    {
        if (type.IsInterface)
        {
            return method.IsStatic ? "static " + (method.IsAbstract ? "abstract " : "") : "";
        }
        if (method.IsStatic)
        {
            return "static ";
        }
        if (method.IsAbstract)
        {
            return "abstract ";
        }
        if (method.IsVirtual && !method.IsFinal)
        {
            return method.GetBaseDefinition() != method ? "override " : "virtual ";
        }
        return method.IsVirtual && method.GetBaseDefinition() != method ? "sealed override " : "";
    }

    private static string Parameters(MethodBase method)
    {
        var parameters = method.GetParameters().Select(Parameter).ToList();
        if (parameters.Count > 0 && method.IsDefined(typeof(ExtensionAttribute), false))
        {
            parameters[0] = "this " + parameters[0];
        }
        return string.Join(", ", parameters);
    }

    private static string Parameter(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var prefix = "";
        if (type.IsByRef)
        {
            prefix = parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
        }
        if (parameter.IsDefined(typeof(ParamArrayAttribute), false) || parameter.IsDefined(typeof(ParamCollectionAttribute), false))
        {
            prefix = "params ";
        }
        var text = $"{prefix}{TypeName(parameter)} {parameter.Name}";
        if (!parameter.HasDefaultValue)
        {
            return text;
        }
        // A struct's default (CancellationToken cancellationToken = default) has no constant: reflection gives null.
        var value = parameter.RawDefaultValue is null && parameter.ParameterType.IsValueType && Nullable.GetUnderlyingType(parameter.ParameterType) is null
            ? "default"
            : Literal(parameter.RawDefaultValue);
        return $"{text} = {value}";
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        char c => $"'{c}'",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(ParameterInfo parameter)
    {
        var type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        return TypeName(new NullabilityInfoContext().Create(parameter), type);
    }

    private static string TypeName(NullabilityInfo nullability, Type type)
    {
        if (type.IsByRef)
        {
            return TypeName(nullability.ElementType ?? nullability, type.GetElementType()!);
        }
        if (type.IsArray)
        {
            var element = nullability.ElementType is { } e ? TypeName(e, type.GetElementType()!) : TypeName(type.GetElementType()!);
            return element + "[]" + (!type.IsValueType && nullability.ReadState == NullabilityState.Nullable ? "?" : "");
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }
        var name = type.IsGenericParameter ? type.Name : TypeName(type, withNamespace: false, nullability.GenericTypeArguments);
        return name + (!type.IsValueType && nullability.ReadState == NullabilityState.Nullable ? "?" : "");
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    private static string TypeName(Type type, bool withNamespace = false, NullabilityInfo[]? arguments = null)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }
        if (type.IsGenericParameter)
        {
            return type.Name;
        }
        if (type.IsArray || type.IsByRef || type.IsPointer)
        {
            return TypeName(type.GetElementType()!, withNamespace) + (type.IsArray ? "[]" : type.IsByRef ? "&" : "*");
        }
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, withNamespace) + "?";
        }
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }
        if (type.IsNested)
        {
            name = TypeName(type.DeclaringType!, withNamespace) + "." + name;
        }
        else if (withNamespace && type.Namespace is { } ns)
        {
            name = ns + "." + name;
        }
        // Generic arguments of a nested type belong to it and its declaring types alike; show those it adds.
        var all = type.GetGenericArguments();
        var own = type.IsNested ? all.Skip(type.DeclaringType!.GetGenericArguments().Length).ToArray() : all;
        if (own.Length == 0)
        {
            return name;
        }
        var offset = all.Length - own.Length;
        var texts = own.Select((a, i) => arguments is not null && arguments.Length == all.Length ? TypeName(arguments[offset + i], a) : TypeName(a));
        return $"{name}<{string.Join(", ", texts)}>";
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);
}
