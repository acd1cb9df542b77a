using System.Globalization;
using System.Text;

namespace Mvps.IO;

/// <summary>
/// The one cleaner for names (paths, file names from lists) that go into a message: control characters
/// become '?', so a message stays one line whatever a file is called, and a name longer than
/// <see cref="MaxLength"/> characters is cut, with its full length stated.
/// </summary>
internal static class DisplayName
{
    /// <summary>Longer than any real path a user types; short enough that a hostile name cannot flood a terminal.</summary>
    public const int MaxLength = 256;

    public static string Of(string? name)
    {
        if (name is null)
        {
            return "(null)";
        }

        var clean = Clean(name);
        return clean.Length <= MaxLength
            ? clean
            : string.Create(CultureInfo.InvariantCulture, $"{clean[..MaxLength]}... ({name.Length} characters)");
    }

    /// <summary>Control characters (C0, DEL, C1) replaced by '?'; nothing cut.</summary>
    public static string Clean(string text)
    {
        var any = false;
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}
