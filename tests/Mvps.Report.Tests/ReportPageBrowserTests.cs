using System.Text.Json;
using Microsoft.Playwright;

namespace Mvps.Report.Tests;

/// <summary>
/// The report page in a real browser: Debian's chromium, headless, driven by Playwright (its node driver ships in the
/// NuGet package; ExecutablePath points at /usr/bin/chromium). The page is loaded from file:// and must log no console
/// error, request nothing, draw its charts where the DOM puts them, and hold one point per frame in every series.
/// The screenshot is kept as artifacts/report/browser-screenshot.png.
/// </summary>
public sealed class ReportPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [ToolFact(Chromium)]
    public async Task The_page_renders_its_charts_offline_without_errors_and_with_a_point_per_frame()
    {
        using var temp = new TempFolder();
        var page = temp.File("index.html");
        RunMvps("report", "--evidence", Path.Combine(RepositoryRoot.Path, "evidence"), "--out", page);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1200 }, DeviceScaleFactor = 1 });
        var console = new List<string>();
        var requests = new List<string>();
        tab.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        tab.PageError += (_, error) => console.Add("pageerror: " + error);
        tab.Request += (_, request) => requests.Add(request.Url);

        var url = new Uri(page).AbsoluteUri;
        await tab.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var screenshot = await tab.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        var kept = Path.Combine(RepositoryRoot.Path, "artifacts", "report", "browser-screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        await File.WriteAllBytesAsync(kept, screenshot);

        Assert.DoesNotContain(console, line => line.StartsWith("error", StringComparison.Ordinal) || line.StartsWith("pageerror", StringComparison.Ordinal));
        Assert.Equal([url], requests); // the page itself, and nothing else

        // Every series holds one point per frame: 30 circles (or state cells) in each of the 2 captures' series.
        var seriesJson = await tab.EvaluateAsync<string>(
            "() => JSON.stringify([...document.querySelectorAll('svg.chart g.series')].map(g => [g.closest('svg').id, g.dataset.series, +g.dataset.points, g.querySelectorAll('circle').length + g.querySelectorAll('rect').length]))");
        var series = JsonSerializer.Deserialize<List<JsonElement[]>>(seriesJson)!;
        Assert.Equal(2 * (1 + 3 + 1 + 1), series.Count); // per capture: φ, C1–C3, D², state
        foreach (var s in series)
        {
            Assert.True(s[2].GetInt32() == 30 && s[3].GetInt32() == 30, $"{s[0]} {s[1]}: data-points {s[2]}, drawn {s[3]}, frames 30");
        }

        // The D² table has one row per frame and the alarms the analysis found.
        Assert.Equal(30, await tab.Locator("#table-ddos tbody tr").CountAsync());
        Assert.Equal(23, await tab.Locator("#table-ddos tbody tr.alarm").CountAsync());
        Assert.Equal(0, await tab.Locator("#table-baseline tbody tr.alarm").CountAsync());

        // Not blank, and the charts are drawn where the DOM says they are: each chart's box in the screenshot has
        // plenty of non-white pixels and the colour of its own series.
        var image = PngImage.Decode(screenshot);
        Assert.True(image.Width >= 800 && image.Height > 2000, $"screenshot {image.Width}x{image.Height}");
        var charts = await tab.Locator("svg.chart").AllAsync();
        Assert.Equal(8, charts.Count);
        var seriesColours = new Dictionary<string, (byte, byte, byte)>
        {
            ["-phi"] = (0x09, 0x69, 0xda),
            ["-c"] = (0xbc, 0x4c, 0x00), // C3, drawn last (on top where the axes overlap)
            ["-d2"] = (0x24, 0x29, 0x2f),
            ["-bfd"] = (0x2d, 0xa4, 0x4e),
        };
        foreach (var chart in charts)
        {
            var id = (await chart.GetAttributeAsync("id"))!;
            var box = (await chart.BoundingBoxAsync())!;
            var colour = seriesColours.First(pair => id.EndsWith(pair.Key, StringComparison.Ordinal)).Value;
            int ink = 0, ownColour = 0, area = 0;
            for (var y = (int)box.Y; y < (int)(box.Y + box.Height) && y < image.Height; y++)
            {
                for (var x = (int)box.X; x < (int)(box.X + box.Width) && x < image.Width; x++)
                {
                    var (r, g, b) = image[x, y];
                    area++;
                    ink += r + g + b < 3 * 235 ? 1 : 0;
                    ownColour += Math.Abs(r - colour.Item1) + Math.Abs(g - colour.Item2) + Math.Abs(b - colour.Item3) < 30 ? 1 : 0;
                }
            }

            Assert.True(area > 20_000, $"{id}: box {box.Width}x{box.Height} at {box.X},{box.Y}");
            Assert.True(ink > area / 100, $"{id}: only {ink} of {area} pixels drawn");
            Assert.True(ownColour > 40, $"{id}: {ownColour} pixels of its series colour");
        }

        // Below the last chart's box, far from any chart, none of the D² series' colour-coded points exist: a blank band
        // between sections stays white (the charts are not drawn somewhere else).
        var header = (await tab.Locator("header").BoundingBoxAsync())!;
        var headerInk = 0;
        for (var y = (int)header.Y; y < (int)(header.Y + header.Height); y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                headerInk += Math.Abs(r - 0x09) + Math.Abs(g - 0x69) + Math.Abs(b - 0xda) < 30 ? 1 : 0;
            }
        }

        Assert.Equal(0, headerInk);
    }

    private static void RunMvps(params string[] arguments) =>
        ExternalProgram.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "mvps.dll"), .. arguments]).AssertSuccess();
}
