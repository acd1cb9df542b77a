using System.Reflection;

namespace Mvps.Build.Engine;

/// <summary>A [Parameter] field or property of a build class.</summary>
public sealed class ParameterMember
{
    private const BindingFlags InstanceMembers =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly MemberInfo _member;

    private ParameterMember(MemberInfo member, ParameterAttribute attribute)
    {
        _member = member;
        Name = attribute.Name ?? member.Name;
        Description = attribute.Description;
        IsSecret = member.GetCustomAttribute<SecretAttribute>() is not null;
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
    }

    public string Name { get; }
    public string? Description { get; }
    public bool IsSecret { get; }
    public Type Type { get; }
    public string Flag => "--" + ParameterNames.ToKebabCase(Name);

    /// <summary>The parameters of a build class, sorted by name (ordinal).</summary>
    public static IReadOnlyList<ParameterMember> Discover(Type buildType)
    {
        var fields = buildType.GetFields(InstanceMembers).Cast<MemberInfo>();
        var properties = buildType.GetProperties(InstanceMembers).Cast<MemberInfo>();
        return fields.Concat(properties)
            .Select(member => (Member: member, Attribute: member.GetCustomAttribute<ParameterAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new ParameterMember(x.Member, x.Attribute!))
            .OrderBy(parameter => parameter.Name, StringComparer.Ordinal)
            .ToList();
    }

    public object? GetValue(object build) => _member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (_member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo { CanWrite: true } property:
                property.SetValue(build, value);
                break;
            default:
                throw new UsageException($"Parameter '{Name}' is a read-only property.");
        }
    }

    /// <summary>Element type for arrays, underlying type for nullables, otherwise the type itself.</summary>
    public Type ValueType => Type.IsArray ? Type.GetElementType()! : Nullable.GetUnderlyingType(Type) ?? Type;
}
