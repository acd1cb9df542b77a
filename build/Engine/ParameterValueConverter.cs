using System.Globalization;

namespace Mvps.Build.Engine;

/// <summary>Turns raw words into a parameter's value: string, bool, int, enums, and arrays of those.</summary>
internal static class ParameterValueConverter
{
    public static object? Convert(ParameterMember parameter, IReadOnlyList<string> values, string source)
    {
        if (parameter.Type.IsArray)
        {
            var array = Array.CreateInstance(parameter.ValueType, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ConvertScalar(parameter, parameter.ValueType, values[i], source), i);
            }

            return array;
        }

        if (values.Count == 0)
        {
            if (parameter.ValueType == typeof(bool))
            {
                return true;
            }

            throw new UsageException($"Parameter '{parameter.Name}' ({source}) needs a value.");
        }

        if (values.Count > 1)
        {
            throw new UsageException(
                $"Parameter '{parameter.Name}' ({source}) takes one value but got {values.Count}: {string.Join(" ", values)}.");
        }

        return ConvertScalar(parameter, parameter.ValueType, values[0], source);
    }

    public static bool IsSupported(Type type)
    {
        var valueType = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        return valueType == typeof(string) || valueType == typeof(bool) || valueType == typeof(int) || valueType.IsEnum;
    }

    private static object ConvertScalar(ParameterMember parameter, Type type, string text, string source)
    {
        if (type == typeof(string))
        {
            return text;
        }

        if (type == typeof(bool))
        {
            return text.ToLowerInvariant() switch
            {
                "true" or "1" or "yes" => true,
                "false" or "0" or "no" => false,
                _ => throw Invalid(parameter, text, source, "true or false"),
            };
        }

        if (type == typeof(int))
        {
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw Invalid(parameter, text, source, "an integer");
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            var match = names.FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
            return match is not null
                ? Enum.Parse(type, match)
                : throw Invalid(parameter, text, source, "one of " + string.Join(", ", names));
        }

        throw new UsageException($"Parameter '{parameter.Name}' has unsupported type {type.Name}.");
    }

    private static UsageException Invalid(ParameterMember parameter, string text, string source, string expected) =>
        new($"Parameter '{parameter.Name}' ({source}): '{text}' is not {expected}.");
}
