using System.Globalization;

namespace Mvps.Interop.Tests.Infrastructure;

/// <summary>Runs tshark and reads `-T fields` output into one row per frame.</summary>
internal static class Tshark
{
    /// <summary>
    /// `tshark [options] -r capture -T fields -e f1 -e f2 ...`; each row maps field name to its text
    /// (several occurrences joined by ','). Asserts exit code 0; stderr (the root warning) is ignored.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Fields(
        string capture, IReadOnlyList<string> fields, params string[] options)
    {
        var arguments = new List<string>(options) { "-r", capture, "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=," };
        foreach (var field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        var result = ExternalProgram.Run("tshark", arguments).AssertSuccess();
        return result.Lines
            .Select(line =>
            {
                var cells = line.Split('\t');
                Assert.True(cells.Length == fields.Count, $"tshark row has {cells.Length} cells, expected {fields.Count}: {line}");
                return (IReadOnlyDictionary<string, string>)fields.Zip(cells).ToDictionary(pair => pair.First, pair => pair.Second);
            })
            .ToList();
    }

    /// <summary>Frame numbers that a display filter selects.</summary>
    public static IReadOnlyList<int> Matching(string capture, string displayFilter, params string[] options)
    {
        var arguments = new List<string>(options) { "-r", capture, "-Y", displayFilter, "-T", "fields", "-e", "frame.number" };
        return ExternalProgram.Run("tshark", arguments).AssertSuccess().Lines
            .Select(line => int.Parse(line, NumberStyles.None, CultureInfo.InvariantCulture))
            .ToList();
    }

    /// <summary>Options that load the project's Lua dissector.</summary>
    public static string[] WithDissector(params string[] more) =>
        ["-X", "lua_script:" + RepositoryLayout.Dissector, .. more];
}
