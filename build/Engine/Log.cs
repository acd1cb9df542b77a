using System.Globalization;
using System.Text;

namespace Mvps.Build.Engine;

/// <summary>
/// Console logging with Nuke's method names. Message templates ("{Name}") are filled positionally.
/// The writer is per async flow so concurrent builds (tests) keep their output apart.
/// </summary>
public static class Log
{
    private static readonly AsyncLocal<TextWriter?> CurrentWriter = new();
    private static readonly object Gate = new();

    public static TextWriter Writer => CurrentWriter.Value ?? Console.Out;

    public static void Information(string messageTemplate, params object?[] values) => Write("", messageTemplate, values);
    public static void Warning(string messageTemplate, params object?[] values) => Write("WARNING: ", messageTemplate, values);
    public static void Error(string messageTemplate, params object?[] values) => Write("ERROR: ", messageTemplate, values);

    internal static IDisposable RedirectTo(TextWriter writer)
    {
        var previous = CurrentWriter.Value;
        CurrentWriter.Value = writer;
        return new Restore(() => CurrentWriter.Value = previous);
    }

    /// <summary>Writes one line to <paramref name="writer"/>, serialized with all other log writes.</summary>
    internal static void WriteLine(TextWriter writer, string line)
    {
        lock (Gate)
        {
            writer.Write(line);
            writer.Write('\n');
            writer.Flush();
        }
    }

    private static void Write(string prefix, string template, object?[] values) =>
        WriteLine(Writer, prefix + Render(template, values));

    internal static string Render(string template, object?[] values)
    {
        if (values.Length == 0)
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close > i + 1 && next < values.Length)
            {
                builder.Append(Convert.ToString(values[next++], CultureInfo.InvariantCulture));
                i = close;
            }
            else
            {
                builder.Append(template[i]);
            }
        }

        return builder.ToString();
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
