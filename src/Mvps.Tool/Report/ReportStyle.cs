namespace Mvps.Tool.Report;

/// <summary>The page's inline style sheet: generic font families only, so no font is fetched or required; print-friendly.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --up: #2da44e; --init: #d4a72c; --down: #cf222e; }
        body { font-family: sans-serif; color: var(--ink); background: #fff; max-width: 800px; margin: 0 auto; padding: 16px; line-height: 1.45; }
        h1 { font-size: 1.7em; margin: 0.2em 0; } h2 { font-size: 1.3em; border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; margin-top: 1.6em; }
        code, pre { font-family: monospace; font-size: 0.86em; } pre { white-space: pre-wrap; word-break: break-all; }
        .lead { color: var(--muted); }
        table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.85em; } th, td { border: 1px solid var(--rule); padding: 2px 6px; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } tr.alarm td { background: #ffebe9; }
        table.downloads code, table.matrix code { word-break: break-all; }
        svg.chart { display: block; margin: 6px 0; max-width: 100%; height: auto; font-family: sans-serif; }
        svg .plot { fill: #fbfbfc; stroke: var(--rule); } svg .grid { stroke: #e6e9ed; } svg .axis { stroke: var(--muted); }
        svg .chart-title { font-size: 12px; font-weight: bold; fill: var(--ink); }
        svg .y-label { font-size: 10px; fill: var(--muted); text-anchor: end; } svg .x-label { font-size: 10px; fill: var(--muted); text-anchor: middle; }
        svg .band-label { font-size: 9px; fill: var(--muted); }
        svg .phase-before-the-attack { fill: none; } svg .phase-onset { fill: #fff1c2; } svg .phase-peak { fill: #ffd8d3; } svg .phase-mitigation { fill: #e7ecf8; }
        svg .series polyline { fill: none; stroke-width: 1.4; } svg .series circle { stroke: none; }
        svg .s-phi polyline { stroke: #0969da; } svg .s-phi circle { fill: #0969da; }
        svg .s-c1 polyline { stroke: #8250df; } svg .s-c1 circle { fill: #8250df; }
        svg .s-c2 polyline { stroke: #1a7f37; } svg .s-c2 circle { fill: #1a7f37; }
        svg .s-c3 polyline { stroke: #bc4c00; } svg .s-c3 circle { fill: #bc4c00; }
        svg .s-d2 polyline { stroke: #24292f; } svg .s-d2 circle { fill: #24292f; }
        svg .threshold line { stroke: var(--down); stroke-width: 1.2; stroke-dasharray: 5 3; } svg .threshold text { font-size: 10px; fill: var(--down); text-anchor: end; }
        svg .state-up { fill: var(--up); } svg .state-init { fill: var(--init); } svg .state-down { fill: var(--down); } svg .state-admindown { fill: #8c959f; }
        svg .gap { fill: #8c959f; }
        .legend { font-size: 0.8em; color: var(--muted); } .key { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px; vertical-align: middle; }
        .k-c1 { background: #8250df; } .k-c2 { background: #1a7f37; } .k-c3 { background: #bc4c00; } .k-up { background: var(--up); } .k-init { background: var(--init); } .k-down { background: var(--down); }
        .k-gap { background: #8c959f; } .k-onset { background: #fff1c2; } .k-peak { background: #ffd8d3; } .k-mitigation { background: #e7ecf8; }
        pre.hex { font-size: 0.95em; line-height: 1.6; } .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 5px; vertical-align: middle; }
        .f0 { background: #ddf4ff; } .f1 { background: #fff8c5; } .f2 { background: #dafbe1; } .f3 { background: #fbefff; } .f4, .f5 { background: #ffebe9; }
        .f6 { background: #fff1e5; } .f7 { background: #eaeef2; } .f8 { background: #ffd8b5; } .f9 { background: #b6e3ff; } .f10 { background: #d8b9ff; }
        .f11, .f12, .f13 { background: #aceebb; } .f14 { background: #ffcecb; }
        .verdict.same { color: #1a7f37; font-weight: bold; } .verdict.differ { color: var(--down); font-weight: bold; }
        pre.command { background: #f6f8fa; padding: 4px 6px; margin: 2px 0; } pre.expected { color: var(--muted); margin: 2px 0 8px; }
        footer { margin-top: 2em; color: var(--muted); font-size: 0.8em; }
        @media print { body { max-width: none; } h2 { break-after: avoid; } svg.chart, table { break-inside: avoid; } a { color: inherit; text-decoration: none; } }

        """;
}
