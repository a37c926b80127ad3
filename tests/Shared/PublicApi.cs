using System.Reflection;
using System.Text;

namespace SafeCallLogger.Tests.Shared;

/// <summary>
/// Writes an assembly's public surface as sorted text, so a test can compare it with the approved file committed
/// beside it: any change to the public API shows up in review as a diff of that file.
/// </summary>
internal static class PublicApi
{
    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName);
            var bases = new List<string>();
            if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
            {
                bases.Add(baseType.FullName ?? baseType.Name);
            }

            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic && !type.IsEnum).Select(i => i.ToString()).Order(StringComparer.Ordinal));
            if (bases.Count > 0)
            {
                text.Append(" : ").Append(string.Join(", ", bases));
            }

            text.AppendLine();
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .Where(m => !(type.IsEnum && m.Name == "value__"))
                .Select(m => "    " + Describe(m))
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.AppendLine(member);
            }
        }

        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Kind(Type type) => type switch
    {
        { IsInterface: true } => "interface",
        { IsEnum: true } => "enum",
        { IsValueType: true } => type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)) ? "readonly struct" : "struct",
        { IsAbstract: true, IsSealed: true } => "static class",
        { IsSealed: true } => "sealed class",
        { IsAbstract: true } => "abstract class",
        _ => "class",
    };

    private static string Describe(MemberInfo member) => member switch
    {
        FieldInfo { IsLiteral: true } f => $"const {f.FieldType} {f.Name} = {f.GetRawConstantValue()}",
        FieldInfo f => $"{(f.IsStatic ? "static " : string.Empty)}field {f.FieldType} {f.Name}",
        PropertyInfo p => $"property {p} {{{(p.GetMethod?.IsPublic == true ? " get;" : string.Empty)}{(p.SetMethod?.IsPublic == true ? " set;" : string.Empty)} }}",
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}method {m}",
        ConstructorInfo c => $"ctor {c}",
        EventInfo e => $"event {e}",
        Type t => $"nested {t.FullName}",
        _ => member.ToString() ?? member.Name,
    };
}
