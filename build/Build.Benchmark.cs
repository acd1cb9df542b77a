using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mvps.Build.Determinism;
using Mvps.Build.Engine;

/// <summary>
/// Throughput of `mvps verify` against the floors and references a reviewer would compare it with, all timed
/// in one run on one generated capture: the machine's own HMAC-SHA256 rate (openssl speed), sha256sum of the
/// file (I/O plus one hash pass), the seed's Python-stdlib per-frame check, and the Lua dissector under tshark
/// (on a slice, extrapolated). Not part of Test: timings belong in a report, never in an assertion.
/// </summary>
internal sealed partial class Build
{
    [Parameter("Frames in the benchmark capture (default 10,000,000: a 1.26 GB file).")]
    private readonly int BenchmarkFrames = 10_000_000;

    [Parameter("Frames of the slice tshark and the Lua dissector run on; their rate is extrapolated to the whole file.")]
    private readonly int BenchmarkTsharkFrames = 100_000;

    private AbsolutePath BenchmarkDirectory => ArtifactsDirectory / "benchmarks";

    /// <summary>The capture is big and reproducible from its seed: it lives in .nuke/temp, not in artifacts.</summary>
    private AbsolutePath BenchmarkCaptureDirectory => TemporaryDirectory / "benchmarks";

    private const int PcapHeaderLength = Mvps.Codec.Capture.PcapWriter.FileHeaderLength;
    private const int RecordLength = Mvps.Codec.Capture.PcapWriter.RecordHeaderLength + Mvps.Codec.Wire.FieldLengths.Frame;

    private Target Benchmark => _ => _
        .Description("Generates a large baseline capture and a mixed one (ARP, VLAN) and times mvps verify (1 and all threads, --strict, stdin), sha256sum, a Python per-frame HMAC loop, tshark + Lua dissector and openssl speed on it; writes artifacts/benchmarks/benchmark.md.")
        .DependsOn(Compile)
        .Executes(() =>
        {
            Directory.CreateDirectory(BenchmarkDirectory);
            Directory.CreateDirectory(BenchmarkCaptureDirectory);
            var capture = BenchmarkCaptureDirectory / Mvps.Evidence.Regimes.RegimeProfile.Baseline.FileName;
            var expectedBytes = PcapHeaderLength + (long)BenchmarkFrames * RecordLength;
            if (!File.Exists(capture) || new FileInfo(capture).Length != expectedBytes)
            {
                RunMvps("generate", "--frames", BenchmarkFrames.ToString(CultureInfo.InvariantCulture), "--regime", "baseline", "--out", BenchmarkCaptureDirectory, "--quiet");
            }

            WarmPageCache(capture);
            var rows = new List<BenchmarkRow>();
            var openssl = MeasureOpenSsl();
            var cores = Environment.ProcessorCount;
            rows.Add(Measure($"mvps verify --threads 1", BenchmarkFrames, null, CompiledTool.Tool, [.. CompiledTool.Arguments, "verify", "--threads", "1", "--quiet", capture]));
            rows.Add(Measure($"mvps verify --threads {cores} (all cores)", BenchmarkFrames, null, CompiledTool.Tool, [.. CompiledTool.Arguments, "verify", "--threads", cores.ToString(CultureInfo.InvariantCulture), "--quiet", capture]));
            rows.Add(Measure("mvps verify --strict --threads 1", BenchmarkFrames, null, CompiledTool.Tool, [.. CompiledTool.Arguments, "verify", "--strict", "--threads", "1", "--quiet", capture]));
            rows.Add(Measure("cat FILE | mvps verify --threads 1 - (standard input)", BenchmarkFrames, null,
                "sh", "-c", $"cat '{capture}' | {string.Join(' ', new[] { CompiledTool.Tool }.Concat(CompiledTool.Arguments).Select(part => $"'{part}'"))} verify --threads 1 --quiet -"));
            var mixed = MixedCapture(capture);
            WarmPageCache(mixed);
            rows.Add(Measure("mixed capture, mvps verify --threads 1", BenchmarkFrames, "every other record ARP, every 4th MVPS frame VLAN-tagged; frames = MVPS frames",
                CompiledTool.Tool, [.. CompiledTool.Arguments, "verify", "--threads", "1", "--quiet", mixed]));
            rows.Add(Measure($"mixed capture, mvps verify --threads {cores}", BenchmarkFrames, "frames = MVPS frames",
                CompiledTool.Tool, [.. CompiledTool.Arguments, "verify", "--threads", cores.ToString(CultureInfo.InvariantCulture), "--quiet", mixed]));
            rows.Add(Measure("sha256sum of the file (I/O + one hash pass)", BenchmarkFrames, null, "sha256sum", capture));
            rows.Add(MeasurePython(capture));
            rows.Add(MeasureTshark(capture));

            var table = FormatTable(rows, openssl, cores);
            File.WriteAllText(BenchmarkDirectory / "benchmark.md", table);
            foreach (var line in table.Split('\n'))
            {
                Log.Information(line);
            }

            var single = rows[0].FramesPerSecond;
            var all = rows[1].FramesPerSecond;
            ReportSummary(string.Create(CultureInfo.InvariantCulture,
                $"verify {single / 1e6:0.00} M frames/s on 1 thread, {all / 1e6:0.00} M on {cores}; openssl HMAC {openssl / 1e6:0.00} M/s per core"));
        });

    /// <summary>
    /// The benchmark capture as an operator's capture looks: after every MVPS frame an ARP request, and every
    /// fourth MVPS frame behind an 802.1Q tag. Written once next to the capture, streaming, from its records.
    /// </summary>
    private AbsolutePath MixedCapture(AbsolutePath capture)
    {
        var mixed = BenchmarkCaptureDirectory / "mvps_mixed.pcap";
        const int arpLength = 60;
        var expected = PcapHeaderLength + (long)BenchmarkFrames * (2 * 16 + 110 + arpLength) + (BenchmarkFrames + 2L) / 4 * 4;
        if (File.Exists(mixed) && new FileInfo(mixed).Length == expected)
        {
            return mixed;
        }

        var arp = new byte[arpLength];
        byte[] arpBody = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02, 0x4d, 0x56, 0x50, 0x53, 0x0a, 0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
            0x02, 0x4d, 0x56, 0x50, 0x53, 0x0a, 203, 0, 113, 10, 0, 0, 0, 0, 0, 0, 203, 0, 113, 20];
        arpBody.CopyTo(arp, 0);
        var temp = BenchmarkCaptureDirectory / "mvps_mixed.pcap.partial";
        using (var source = new FileStream(capture, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan))
        using (var target = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var header = new byte[PcapHeaderLength];
            source.ReadExactly(header);
            BinaryPrimitivesWriteUInt32(header, 16, 262144); // snap length: room for the tag
            target.Write(header);
            var record = new byte[RecordLength];
            var tagged = new byte[16 + 114];
            for (long i = 0; i < BenchmarkFrames; i++)
            {
                source.ReadExactly(record);
                if (i % 4 == 1)
                {
                    Array.Copy(record, 0, tagged, 0, 16 + 12);
                    tagged[16 + 12] = 0x81; tagged[16 + 13] = 0x00; tagged[16 + 14] = 0x00; tagged[16 + 15] = 100;
                    Array.Copy(record, 16 + 12, tagged, 16 + 16, 110 - 12);
                    BinaryPrimitivesWriteUInt32(tagged, 8, 114);
                    BinaryPrimitivesWriteUInt32(tagged, 12, 114);
                    target.Write(tagged);
                }
                else
                {
                    target.Write(record);
                }

                // The ARP record reuses the frame's timestamp: order in the file is what a capture would show.
                Array.Copy(record, 0, tagged, 0, 8);
                BinaryPrimitivesWriteUInt32(tagged, 8, arpLength);
                BinaryPrimitivesWriteUInt32(tagged, 12, arpLength);
                target.Write(tagged, 0, 16);
                target.Write(arp);
            }
        }

        File.Move(temp, mixed, overwrite: true);
        return mixed;
    }

    private static void BinaryPrimitivesWriteUInt32(byte[] buffer, int offset, uint value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset), value);

    /// <summary>One measured command: wall time from the build's clock, CPU time and peak RSS from /usr/bin/time when installed.</summary>
    private sealed record BenchmarkRow(string Name, long Frames, double WallSeconds, double? CpuSeconds, long? PeakKilobytes, string? Note)
    {
        public double FramesPerSecond => Frames / WallSeconds;
    }

    private static void WarmPageCache(string path)
    {
        // Every contender then reads from memory, so the first one is not charged for the disk.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    private BenchmarkRow Measure(string name, long frames, string? note, string tool, params string[] arguments)
    {
        var timeReport = TemporaryDirectory / "benchmark-time.txt";
        var haveTime = File.Exists("/usr/bin/time");
        var stopwatch = Stopwatch.StartNew(); // benchmark report only; nothing emitted by the product depends on it
        var result = haveTime
            ? ProcessTasks.StartProcess("/usr/bin/time", ["-f", "%U %S %M", "-o", timeReport, tool, .. arguments], RootDirectory, throwOnFailure: false, logOutput: false)
            : ProcessTasks.StartProcess(tool, arguments, RootDirectory, throwOnFailure: false, logOutput: false);
        var wall = stopwatch.Elapsed.TotalSeconds;
        if (result.ExitCode != 0)
        {
            throw new BuildException($"{name}: exit {result.ExitCode}: {result.StandardError.Trim()}");
        }

        double? cpu = null;
        long? peak = null;
        if (haveTime)
        {
            var fields = File.ReadAllLines(timeReport).Last(line => line.Length > 0).Split(' ');
            cpu = double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture);
            peak = long.Parse(fields[2], CultureInfo.InvariantCulture);
            File.Delete(timeReport);
        }

        Log.Information($"{name}: {wall.ToString("0.00", CultureInfo.InvariantCulture)} s");
        return new BenchmarkRow(name, frames, wall, cpu, peak, note);
    }

    /// <summary>openssl speed's HMAC-SHA256 on 64-byte messages: the per-core rate the issue's goals are set against.</summary>
    private double MeasureOpenSsl()
    {
        var result = ProcessTasks.StartProcess("openssl", ["speed", "-seconds", "3", "-bytes", "64", "-hmac", "sha256"], RootDirectory, logOutput: false);
        var match = Regex.Match(result.StandardOutput, @"^hmac\(sha256\)\s+([0-9.]+)k", RegexOptions.Multiline);
        if (!match.Success)
        {
            throw new BuildException("openssl speed: no hmac(sha256) line in its output");
        }

        // openssl reports thousands of bytes per second.
        var perSecond = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 1000 / 64;
        Log.Information($"openssl speed -bytes 64 -hmac sha256: {(perSecond / 1e6).ToString("0.00", CultureInfo.InvariantCulture)} M/s");
        return perSecond;
    }

    /// <summary>The receipt's Python check (hmac.new per frame, stdlib only), reading in chunks instead of the whole file.</summary>
    private BenchmarkRow MeasurePython(string capture)
    {
        const string script = """
            import hmac, hashlib, struct, sys
            key = b"MVPS-shared-secret-deterministic-2026"
            frames = valid = 0
            with open(sys.argv[1], "rb") as f:
                f.read(24)
                while True:
                    header = f.read(16)
                    if len(header) < 16:
                        break
                    frame = f.read(struct.unpack_from("<I", header, 8)[0])
                    frames += 1
                    tag = hmac.new(key, frame[42:98], hashlib.sha256).digest()[:12]
                    valid += hmac.compare_digest(tag, frame[98:110])
            print(f"{frames} frames, {valid} tags valid")
            """;
        var path = TemporaryDirectory / "benchmark_hmac.py";
        File.WriteAllText(path, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return Measure("Python stdlib, hmac.new per frame (the seed's check)", BenchmarkFrames, null, "python3", path, capture);
    }

    /// <summary>tshark with the Lua dissector, display-filtered on its HMAC verdict, on the first frames of the capture.</summary>
    private BenchmarkRow MeasureTshark(string capture)
    {
        long frames = Math.Min(BenchmarkTsharkFrames, BenchmarkFrames);
        var slice = BenchmarkCaptureDirectory / "slice.pcap";
        using (var source = File.OpenRead(capture))
        using (var target = File.Create(slice))
        {
            var bytes = new byte[PcapHeaderLength + frames * RecordLength];
            source.ReadExactly(bytes);
            target.Write(bytes);
        }

        var row = Measure($"tshark + evidence/mvps_dissector.lua, {frames:N0}-frame slice", frames, null,
            "tshark", "-X", "lua_script:" + (EvidenceDirectory / Mvps.Evidence.Receipt.ValidationRecipe.DissectorFileName), "-r", slice, "-Y", "mvps.hmac_valid == 1", "-T", "fields", "-e", "frame.number");
        File.Delete(slice);
        var wholeFileSeconds = BenchmarkFrames / row.FramesPerSecond;
        return row with { Note = $"rate extrapolated from the slice: the whole file would take about {wholeFileSeconds.ToString("N0", CultureInfo.InvariantCulture)} s" };
    }

    private static string FormatTable(IReadOnlyList<BenchmarkRow> rows, double openssl, int cores)
    {
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("| what | frames | wall s | frames/s | vs openssl HMAC, 1 core | CPU s | peak RSS MB | note |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        text.Append($"| openssl speed -bytes 64 -hmac sha256 (reference, 1 core) | | | {F(openssl, "N0")} | 1.00 | | | raw keyed-HMAC rate |\n");
        foreach (var row in rows)
        {
            text.Append($"| {row.Name} | {row.Frames.ToString("N0", CultureInfo.InvariantCulture)} | {F(row.WallSeconds, "0.00")} | {F(row.FramesPerSecond, "N0")} | {F(row.FramesPerSecond / openssl, "0.000")} | "
                + $"{(row.CpuSeconds is double cpu ? F(cpu, "0.00") : "n/a")} | {(row.PeakKilobytes is long kb ? F(kb / 1024.0, "0.0") : "n/a")} | {row.Note ?? ""} |\n");
        }

        var single = rows[0];
        var all = rows[1];
        var stdin = rows[3];
        var mixedSingle = rows[4];
        var mixedAll = rows[5];
        string Verdict(bool met) => met ? "met" : "MISSED";
        text.Append('\n');
        text.Append($"Goals (issue 10): 1 thread >= 1.2 x openssl: {F(single.FramesPerSecond / openssl, "0.00")} x ({Verdict(single.FramesPerSecond >= 1.2 * openssl)}); ");
        text.Append($"mixed capture within 25 % of the pure one per MVPS frame: {F(mixedSingle.FramesPerSecond / single.FramesPerSecond, "0.00")} ({Verdict(mixedSingle.FramesPerSecond >= 0.75 * single.FramesPerSecond)}); ");
        text.Append($"{cores} threads >= 1.8 x one: {F(all.FramesPerSecond / single.FramesPerSecond, "0.00")} x pure, {F(mixedAll.FramesPerSecond / mixedSingle.FramesPerSecond, "0.00")} x mixed ({Verdict(all.FramesPerSecond >= 1.8 * single.FramesPerSecond && mixedAll.FramesPerSecond >= 1.8 * mixedSingle.FramesPerSecond)}); ");
        text.Append($"standard input at the file's rate: {F(stdin.FramesPerSecond / single.FramesPerSecond, "0.00")}; ");
        var peakAll = rows.Take(6).Max(r => r.PeakKilobytes);
        text.Append($"peak RSS < 100 MB: {(peakAll is long peak ? F(peak / 1024.0, "0.0") + " MB (" + Verdict(peak < 100 * 1024) + ")" : "not measured")}.\n");
        text.Append($"Machine: {cores} cores; the load from other processes is not controlled, so compare CPU s with wall s.\n");
        return text.ToString();
    }
}
