using System.Diagnostics;
using System.Globalization;
using Mvps.Build.Engine;
using Mvps.Evidence.Analysis;
using Mvps.IO;

namespace Mvps.Build.Determinism;

/// <summary>
/// The reprotest run: Debian's reprotest builds "the evidence" twice from a folder holding the framework-dependent
/// tool — a control build and an experiment build under its variations (time through faketime, directory order
/// through disorderfs, kernel, ASLR, CPUs, host name, HOME, locale, PATH, time zone, umask, ...) — and compares the
/// two itself. Its --store-dir keeps both builds' files (without it, reprotest deletes them and prints hashes only):
/// the experiment's files become artifacts/runs/reprotest, so the varied output also goes through Diff (against run a
/// and evidence/), Receipt and Snapshot like every other run, not only through reprotest's own control-vs-experiment check.
/// </summary>
internal static class ReprotestRun
{
    /// <summary>The shell command reprotest runs in its build folder: the same generate and report every run makes.</summary>
    private static string BuildCommand(string dotnet) =>
        $"{dotnet} tool/mvps.dll generate --out out --quiet && {dotnet} tool/mvps.dll report --evidence out --out out/{ReportFileNames.Page} --analysis-json out/{ReportFileNames.Analysis}";

    /// <summary>
    /// Makes the reprotest run into <paramref name="folder"/> with the tool in <paramref name="toolFolder"/> (the
    /// Compile target's output); returns what it varied, for the summary. Fails when reprotest does.
    /// </summary>
    public static string Make(EvidenceRun run, AbsolutePath folder, string toolFolder, AbsolutePath temporaryDirectory)
    {
        var sourceDirectory = temporaryDirectory / "reprotest-source";
        var storeDirectory = temporaryDirectory / "reprotest-store";
        RunFolder.Recreate(folder);

        var dotnet = ToolOnPath.Find("dotnet") ?? "dotnet";
        var probes = ReprotestVariations.Probe(dotnet);
        var variations = ReprotestVariations.Decide(probes);
        foreach (var skipped in variations.Where(variation => variation.NotApplied is not null))
        {
            Log.Warning($"run {run.Name}: variation {skipped.Name} not applied: {skipped.NotApplied}");
        }

        var vary = ReprotestVariations.VarySpec(variations, probes.SecondUser);
        var experiment = storeDirectory / "experiment-1" / "source-root" / "out";
        var logFile = temporaryDirectory / "reprotest.log";
        // Reused only while the tool's bytes, the variations asked for, the build command and reprotest itself are
        // what the stored experiment was made with: the same experiment again would only repeat its verdict. A fresh
        // clone (CI) always runs it.
        var version = ReprotestVersion();
        var fingerprint = InputFingerprint.Combine(InputFingerprint.FolderDigest(toolFolder), ["reprotest", vary, BuildCommand(dotnet), version]);
        var stamp = temporaryDirectory / "reprotest.inputs";
        string log;
        if (InputFingerprint.IsCurrent(stamp, fingerprint) && Directory.Exists(experiment) && File.Exists(logFile))
        {
            log = File.ReadAllText(logFile);
            Log.Information($"run {run.Name}: reprotest reused, tool and variations unchanged (fingerprint {fingerprint[..16]})");
        }
        else
        {
            InputFingerprint.Forget(stamp);
            log = RunReprotest(run, vary, dotnet, toolFolder, sourceDirectory, storeDirectory, temporaryDirectory, logFile);
            InputFingerprint.Record(stamp, fingerprint);
        }

        foreach (var name in RunFolder.EvidenceFiles.Concat(RunFolder.ReportFiles))
        {
            if (File.Exists(experiment / name))
            {
                File.Copy(experiment / name, folder / name); // a missing file is Diff's to name
            }
        }

        var (varied, values, warnings) = ReprotestVariations.ParseLog(log);
        foreach (var warning in warnings)
        {
            Log.Warning($"run {run.Name}: {warning}");
        }

        // What reprotest says it varied, with the value it chose; a variation it was asked for but did not report is named too.
        var applied = variations.Where(variation => variation.NotApplied is null).ToList();
        var notApplied = variations.Where(variation => variation.NotApplied is not null).ToDictionary(variation => variation.Name, variation => variation.NotApplied!, StringComparer.Ordinal);
        foreach (var variation in applied.Where(variation => !varied.Contains(variation.Name)))
        {
            notApplied[variation.Name] = "asked for, but reprotest's log does not list it as varied";
        }

        var listed = applied.Where(variation => varied.Contains(variation.Name))
            .Select(variation => $"{variation.Name}: {variation.What}{(values.TryGetValue(ValueKey(variation.Name), out var value) ? " — " + value : "")}")
            .ToList();
        RunSettingsFile.Write(folder / RunSettingsFile.FileName, run,
            $"reprotest --vary={RedactUser(vary, probes.SecondUser)} -s .nuke/temp/reprotest-source (the Compile target's framework-dependent tool) \"{BuildCommand("dotnet")}\" \"out/*\": the experiment build's files, kept with --store-dir",
            "reprotest's own build folders (the build path is one of its variations)",
            "0022 in the control build, 0002 in the experiment build (reprotest's umask variation)",
            listed,
            notApplied,
            version);
        RunFolder.WriteChecksums(folder);

        var summary = $"reprotest varied {listed.Count} of {ReprotestVariations.All.Length}"
            + (notApplied.Count == 0 ? "" : $", not: {string.Join(", ", notApplied.Keys.Order(StringComparer.Ordinal))}");
        Log.Information($"run {run.Name}: {summary}{string.Concat(notApplied.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"; {pair.Key}: {pair.Value}"))}");

        // reprotest logs the time variation as FAKETIME, the directory order as DISORDERFS, the locale as LOCALE.
        return summary;

        static string ValueKey(string name) => name switch { "time" => "faketime", "fileordering" => "disorderfs", "locales" => "locale", _ => name };
    }

    /// <summary>Runs reprotest on a fresh copy of the tool into an empty store; returns its log. Fails when reprotest does.</summary>
    private static string RunReprotest(EvidenceRun run, string vary, string dotnet, string toolFolder, AbsolutePath sourceDirectory, AbsolutePath storeDirectory,
        AbsolutePath temporaryDirectory, AbsolutePath logFile)
    {
        // reprotest copies its source root into each build folder: the tool alone (under 1 MB), not the repository.
        if (Directory.Exists(sourceDirectory))
        {
            Directory.Delete(sourceDirectory, recursive: true);
        }

        FolderCopy.CopyAll(toolFolder, sourceDirectory / "tool");
        if (Directory.Exists(storeDirectory))
        {
            Directory.Delete(storeDirectory, recursive: true); // --store-dir must be empty or absent
        }

        var workingDirectory = temporaryDirectory / ("run-" + run.Name);
        Directory.CreateDirectory(workingDirectory);
        var stopwatch = Stopwatch.StartNew(); // build log only
        var result = ProcessTasks.StartProcess("reprotest",
            ["--verbosity", "1", "--vary=" + vary, "--store-dir", storeDirectory, "-s", sourceDirectory, BuildCommand(dotnet), "out/*"],
            workingDirectory, throwOnFailure: false, logOutput: false);
        var log = string.Concat(result.Output.Select(line => line.Text + "\n"));
        AtomicFile.WriteAllText(logFile, log);
        Log.Information($"run {run.Name}: reprotest took {stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, exit code {result.ExitCode} (its log: .nuke/temp/reprotest.log)");
        if (result.ExitCode != 0)
        {
            foreach (var line in log.Split('\n').Where(line => line.Contains("ERROR", StringComparison.Ordinal) || line.Contains("differ", StringComparison.OrdinalIgnoreCase)).Take(20))
            {
                Log.Error(line);
            }

            throw new BuildException($"run {run.Name}: reprotest exited with code {result.ExitCode} ({(result.ExitCode == 1 ? "the control and the experiment build differ; diffoscope's report is in .nuke/temp/reprotest-store" : "the build or reprotest itself failed")}; its log: .nuke/temp/reprotest.log).");
        }

        return log;
    }

    /// <summary>The second user's name stays out of settings.json (no user names in anything the build writes).</summary>
    private static string RedactUser(string vary, string? secondUser) =>
        secondUser is null ? vary : vary.Replace(secondUser, "<second user>", StringComparison.Ordinal);

    private static string ReprotestVersion()
    {
        if (!ToolOnPath.Exists("dpkg-query"))
        {
            return "unknown (not installed with dpkg)";
        }

        var query = ProcessTasks.StartProcess("dpkg-query", ["-W", "-f", "${Version}", "reprotest"], throwOnFailure: false, logOutput: false);
        return query.ExitCode == 0 ? query.StandardOutput.Trim() : "unknown (not installed with dpkg)";
    }
}
