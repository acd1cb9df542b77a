using System.Globalization;
using System.Text;
using static Mvps.IO.Invariant;

namespace Mvps.Tool.Report;

/// <summary>
/// A small SVG line-and-point chart over lattice ticks, written as text with fixed number formats. It never measures
/// text (labels are placed by fixed offsets and generic font families), so its bytes do not depend on the fonts of the
/// machine that writes it. Every series is one &lt;g class="series"&gt; with data-points = its number of &lt;circle&gt;s.
/// </summary>
internal sealed class SvgChart
{
    public const double Width = 760;
    private const double Left = 78;
    private const double Right = 12;
    private const double Top = 22;
    private const double Bottom = 26;

    private readonly StringBuilder _body = new();
    private readonly string _id;
    private readonly string _title;
    private readonly double _height;
    private readonly double _xMin;
    private readonly double _xMax;
    private readonly Func<double, double> _transform;
    private readonly double _yMin;
    private readonly double _yMax;

    /// <summary>An empty chart with fixed axes; series are drawn into it.</summary>
    /// <param name="id">The element id of the chart in the page.</param>
    /// <param name="title">The chart's title, shown above it.</param>
    /// <param name="height">The plot height in SVG user units.</param>
    /// <param name="xMin">The smallest x value shown.</param>
    /// <param name="xMax">The largest x value shown.</param>
    /// <param name="transform">Maps a data value to axis units (identity, or a symmetric log); the y range is in axis units.</param>
    /// <param name="yMin">The bottom of the y axis, in axis units.</param>
    /// <param name="yMax">The top of the y axis, in axis units.</param>
    public SvgChart(string id, string title, double height, double xMin, double xMax, Func<double, double> transform, double yMin, double yMax)
    {
        _id = id;
        _title = title;
        _height = height;
        _xMin = xMin;
        _xMax = xMax > xMin ? xMax : xMin + 1;
        _transform = transform;
        _yMin = yMin;
        _yMax = yMax > yMin ? yMax : yMin + 1;
    }

    public double X(double tick) => Left + (tick - _xMin) / (_xMax - _xMin) * (Width - Left - Right);

    /// <summary>The pixel row of a data value, clamped to the plot area.</summary>
    public double Y(double value)
    {
        var axis = Math.Clamp(_transform(value), _yMin, _yMax);
        return Top + (_yMax - axis) / (_yMax - _yMin) * (_height - Top - Bottom);
    }

    public double PlotTop => Top;

    public double PlotBottom => _height - Bottom;

    /// <summary>A shaded interval of ticks with a label at its top (attack phases).</summary>
    public void Band(double fromTick, double toTick, string cssClass, string label)
    {
        var x0 = X(fromTick);
        var x1 = X(toTick);
        _body.Append(I($"<rect class=\"{cssClass}\" x=\"{N(x0)}\" y=\"{N(Top)}\" width=\"{N(x1 - x0)}\" height=\"{N(PlotBottom - Top)}\"><title>{Escape(label)}</title></rect>"));
        // A label only where it fits (about 5 px a character at 9 px): a narrow band keeps its tooltip.
        _body.Append(x1 - x0 >= 6 + 5 * label.Length ? I($"<text class=\"band-label\" x=\"{N(x0 + 3)}\" y=\"{N(Top + 10)}\">{Escape(label)}</text>\n") : "\n");
    }

    public void YTick(double value, string label)
    {
        var y = Y(value);
        _body.Append(I($"<line class=\"grid\" x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\"/><text class=\"y-label\" x=\"{N(Left - 5)}\" y=\"{N(y + 3.5)}\">{Escape(label)}</text>\n"));
    }

    public void XTick(double tick, string label)
    {
        var x = X(tick);
        _body.Append(I($"<line class=\"axis\" x1=\"{N(x)}\" y1=\"{N(PlotBottom)}\" x2=\"{N(x)}\" y2=\"{N(PlotBottom + 4)}\"/><text class=\"x-label\" x=\"{N(x)}\" y=\"{N(PlotBottom + 15)}\">{Escape(label)}</text>\n"));
    }

    /// <summary>A horizontal reference line (the T² threshold).</summary>
    public void HorizontalLine(double value, string cssClass, string label)
    {
        var y = Y(value);
        _body.Append(I($"<g class=\"{cssClass}\" data-value=\"{value.ToString("R", CultureInfo.InvariantCulture)}\"><line x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Width - Right)}\" y2=\"{N(y)}\"/><text x=\"{N(Width - Right - 3)}\" y=\"{N(y - 4)}\">{Escape(label)}</text></g>\n"));
    }

    /// <summary>One series: a polyline through its points and one circle per point, each with a tooltip.</summary>
    public void Series(string name, string cssClass, IReadOnlyList<(double Tick, double Value, string Tip)> points)
    {
        _body.Append(I($"<g class=\"series {cssClass}\" data-series=\"{Escape(name)}\" data-points=\"{points.Count}\">"));
        _body.Append("<polyline points=\"");
        for (var i = 0; i < points.Count; i++)
        {
            _body.Append(i == 0 ? "" : " ").Append(N(X(points[i].Tick))).Append(',').Append(N(Y(points[i].Value)));
        }

        _body.Append("\"/>\n");
        foreach (var (tick, value, tip) in points)
        {
            _body.Append(I($"<circle cx=\"{N(X(tick))}\" cy=\"{N(Y(value))}\" r=\"2.5\"><title>{Escape(tip)}</title></circle>"));
        }

        _body.Append("</g>\n");
    }

    /// <summary>Free-form SVG elements in chart coordinates (the state strip's cells).</summary>
    public void Raw(string svg) => _body.Append(svg);

    public string ToSvg()
    {
        var svg = new StringBuilder();
        svg.Append(I($"<svg id=\"{_id}\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(_height)}\" width=\"{N(Width)}\" height=\"{N(_height)}\" role=\"img\" aria-label=\"{Escape(_title)}\">\n"));
        svg.Append(I($"<text class=\"chart-title\" x=\"{N(Left)}\" y=\"14\">{Escape(_title)}</text>\n"));
        svg.Append(I($"<rect class=\"plot\" x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Width - Left - Right)}\" height=\"{N(PlotBottom - Top)}\"/>\n"));
        svg.Append(_body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>Pixel coordinates with at most two decimals, invariant culture: the same bits print the same text everywhere.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Escapes the five markup characters only; everything else stays UTF-8 text (the page declares utf-8).</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
