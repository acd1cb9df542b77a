using System.Globalization;
using System.Text;
using Mvps.Codec.Capture;
using Mvps.Codec.Wire;
using Mvps.IO;

namespace Mvps.Tool.Report;

/// <summary>Frame 0 of a capture as a hex dump, 16 bytes a line, each byte coloured by its field (offsets as in docs/wire-format.md).</summary>
internal static class HexDump
{
    public static string Build(string capturePath)
    {
        using var reader = CaptureReader.Open(capturePath);
        if (!reader.TryReadNext(out var record) || record.Data.Length < FieldLengths.Frame)
        {
            return "<p>No complete frame 0.</p>\n";
        }

        var frame = record.Data[..FieldLengths.Frame];
        var rows = FrameFieldTable.Rows;
        int FieldOf(int offset)
        {
            for (var i = rows.Count - 1; i >= 0; i--)
            {
                if (offset >= rows[i].Offset)
                {
                    return i;
                }
            }

            return 0;
        }

        var html = new StringBuilder("<pre class=\"hex\">");
        for (var line = 0; line < frame.Length; line += 16)
        {
            html.Append(line.ToString("x4", CultureInfo.InvariantCulture)).Append("  ");
            for (var i = line; i < Math.Min(line + 16, frame.Length); i++)
            {
                var field = FieldOf(i);
                html.Append(string.Create(CultureInfo.InvariantCulture, $"<span class=\"f{field}\" title=\"{i}: {SvgChart.Escape(rows[field].Field)}\">{frame[i]:x2}</span>"));
                html.Append(i + 1 < Math.Min(line + 16, frame.Length) ? (i % 8 == 7 ? "  " : " ") : "");
            }

            html.Append('\n');
        }

        html.Append("</pre>\n<table class=\"fields\"><thead><tr><th class=\"num\">offset</th><th class=\"num\">len</th><th>field</th><th>bytes</th></tr></thead><tbody>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (offset, length, name) = rows[i];
            html.Append(string.Create(CultureInfo.InvariantCulture,
                $"<tr><td class=\"num\">{offset}</td><td class=\"num\">{length}</td><td><span class=\"swatch f{i}\"></span>{SvgChart.Escape(name)}</td><td><code>{LowerHex.Of(frame.Slice(offset, length))}</code></td></tr>\n"));
        }

        html.Append("</tbody></table>\n");
        return html.ToString();
    }
}
