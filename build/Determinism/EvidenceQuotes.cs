using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mvps.Build.Determinism;

/// <summary>
/// The evidence values the docs quote, rewritten from evidence/ by `./build.sh Accept`: every
/// `sha256sum` output line naming an evidence file (with or without `evidence/`) (docs/*.md and README.md), the receipt-summary rows of
/// docs/regimes.md, and the frame-0 hex dump of docs/wire-format.md. The same patterns are what
/// tests/Mvps.Evidence.Tests/Evidence/DocsMatchEvidenceTests.cs checks.
/// </summary>
internal static partial class EvidenceQuotes
{
    /// <summary>The receipt summary figures docs/regimes.md tabulates, baseline then ddos.</summary>
    public static readonly string[] RegimeFigures = ["minCoherence", "maxAbsPhiNs", "lostTicks", "maxGapUs", "alarms", "sessionTimeouts"];

    /// <summary>Frame 0 of the baseline capture: after the 24-byte file header and the 16-byte record header.</summary>
    private const int Frame0Offset = Mvps.Codec.Capture.PcapWriter.FileHeaderLength + Mvps.Codec.Capture.PcapWriter.RecordHeaderLength;

    /// <summary>Rewrites the quotes in place; returns the repository-relative paths of the files that changed, in ordinal order.</summary>
    public static IReadOnlyList<string> Rewrite(string root, string evidenceFolder)
    {
        var changed = new List<string>();
        var docs = Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
        foreach (var path in docs)
        {
            var before = File.ReadAllText(path);
            var after = RewriteText(Path.GetFileName(path), before, evidenceFolder);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                Mvps.IO.AtomicFile.Write(path, new UTF8Encoding(false).GetBytes(after));
                changed.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
            }
        }

        return changed;
    }

    /// <summary>One document's text with its quotes of the evidence made current.</summary>
    public static string RewriteText(string documentName, string text, string evidenceFolder)
    {
        text = Sha256SumLine().Replace(text, match =>
        {
            var file = Path.Combine(evidenceFolder, match.Groups[3].Value);
            return File.Exists(file)
                ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) + "  " + match.Groups[2].Value + match.Groups[3].Value
                : match.Value;
        });

        if (documentName == "regimes.md")
        {
            using var receipt = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(evidenceFolder, Mvps.Evidence.Receipt.ReceiptWriter.FileName)));
            var captures = receipt.RootElement.GetProperty("captures");
            foreach (var figure in RegimeFigures)
            {
                var baseline = captures[0].GetProperty("summary").GetProperty(figure).GetRawText();
                var ddos = captures[1].GetProperty("summary").GetProperty(figure).GetRawText();
                text = Regex.Replace(text, $@"^\| {figure} \| [^|\n]+ \| [^|\n]+ \|$", $"| {figure} | {baseline} | {ddos} |", RegexOptions.Multiline);
            }
        }

        if (documentName == "wire-format.md")
        {
            var capture = File.ReadAllBytes(Path.Combine(evidenceFolder, Mvps.Evidence.Regimes.RegimeProfile.Baseline.FileName));
            var frame = capture.AsSpan(Frame0Offset, Mvps.Codec.Wire.FieldLengths.Frame).ToArray();
            text = HexBlock().Replace(text, _ => "```hex frame0\n" + HexDump(frame) + "```");
        }

        return text;
    }

    /// <summary>16 lowercase hex bytes per line, separated by single spaces, each line ending in LF.</summary>
    private static string HexDump(byte[] bytes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < bytes.Length; i += 16)
        {
            text.AppendJoin(' ', bytes.Skip(i).Take(16).Select(b => b.ToString("x2", CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A sha256sum output line: from the repository root (`evidence/` before the name) or from the folder itself (a release folder, `cd evidence`).</summary>
    [GeneratedRegex(@"^([0-9a-f]{64})  ((?:evidence/)?)([a-z_]+\.(?:pcap|json))$", RegexOptions.Multiline)]
    private static partial Regex Sha256SumLine();

    [GeneratedRegex(@"```hex frame0\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex HexBlock();
}
