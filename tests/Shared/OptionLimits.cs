using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SafeCallLogger.Tests.Shared;

/// <summary>
/// Reads an options class's limits from its validation attributes and its documentation from the XML doc file built
/// beside the assembly, so a test can hold the two together: each limit is declared once, by its attribute, and the
/// summary states exactly what the attribute accepts.
/// </summary>
internal static partial class OptionLimits
{
    /// <summary>Every public settable property, with the sentence its limit attribute gives (null when it has none) and its summary text.</summary>
    public static IReadOnlyList<(string Property, string? Limit, string Summary)> Read(Type optionsType)
    {
        // An inherited setting (CallStoreOptions, in the core) is documented in its own assembly's XML file.
        var docs = new Dictionary<Assembly, Dictionary<string, XElement?>>();
        XElement? Summary(PropertyInfo p)
        {
            var assembly = p.DeclaringType!.Assembly;
            if (!docs.TryGetValue(assembly, out var members))
            {
                members = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml")).Descendants("member")
                    .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary"));
                docs[assembly] = members;
            }

            return members[$"P:{p.DeclaringType.FullName}.{p.Name}"];
        }

        return optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
            .Select(p => (p.Name, Limit(p), Text(Summary(p))))
            .ToList();
    }

    private static string? Limit(PropertyInfo property) =>
        property.GetCustomAttributes<ValidationAttribute>()
            .Select(a => a.GetType().GetMethod("Describe", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)?.Invoke(a, null) as string)
            .SingleOrDefault(d => d is not null);

    private static string Text(XElement? summary)
    {
        if (summary is null)
        {
            return string.Empty;
        }

        var text = string.Concat(summary.DescendantNodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "paramref" } e => ((string?)e.Attribute("cref") ?? (string?)e.Attribute("name") ?? (string?)e.Attribute("langword") ?? string.Empty).Split('.')[^1],
            _ => string.Empty,
        }));
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
