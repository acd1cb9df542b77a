using System.Text;

namespace Mvps.Build.Engine;

/// <summary>Spellings of a parameter name: kebab-case flags, SNAKE_CASE variables, and a normalized lookup key.</summary>
public static class ParameterNames
{
    /// <summary>"NuGetApiKey" => "nu-get-api-key", "HTTPPort" => "http-port".</summary>
    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_' || c == '-')
            {
                AppendSeparator(builder);
                continue;
            }

            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    AppendSeparator(builder);
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>"NuGetApiKey" => "NU_GET_API_KEY".</summary>
    public static string ToSnakeUpperCase(string name) => ToKebabCase(name).Replace('-', '_').ToUpperInvariant();

    /// <summary>Case- and separator-insensitive key: "--Api-Key", "api_key" and "ApiKey" all match.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.TrimStart('-'))
        {
            if (c != '-' && c != '_')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static void AppendSeparator(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '-')
        {
            builder.Append('-');
        }
    }
}
