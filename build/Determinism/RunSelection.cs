using System.Globalization;

namespace Mvps.Build.Determinism;

/// <summary>A run this build does not make, why, and the line that installs what it needs (null when nothing can: another platform).</summary>
internal sealed record RunNotMade(EvidenceRun Run, string Reason, string? InstallLine)
{
    /// <summary>"arm64 (apt-get install qemu-user-static)", or the platform reason when no install line helps.</summary>
    public override string ToString() => $"{Run.Name} ({InstallLine ?? Reason})";

    /// <summary>"reason (install: line)": how the log and a failure name it.</summary>
    public string Explained => $"{Reason}{(InstallLine is null ? "" : $" (install: {InstallLine})")}";

    /// <summary>The same for the Markdown step summary, with the install line as code.</summary>
    public string ExplainedMarkdown => $"{Reason}{(InstallLine is null ? "" : $" (`{InstallLine}`)")}";
}

/// <summary>How the --runs value was read.</summary>
internal enum RunsMode
{
    /// <summary>`--runs auto` (the default): every run this machine can make; strict on a build server.</summary>
    Auto,

    /// <summary>`--runs all`: every known run, on any machine; a missing prerequisite fails.</summary>
    All,

    /// <summary>`--runs a b`: exactly those (and run a); a missing prerequisite fails.</summary>
    Listed,
}

/// <summary>
/// Which evidence runs a build makes, decided from --runs, whether a build server runs it and the host's facts.
/// Pure: the same inputs give the same selection, on any machine (the tests describe Linux, macOS and Windows).
/// <list type="bullet">
/// <item>auto, locally: every run whose prerequisites are present; the others are listed with their install line
/// and the build still succeeds.</item>
/// <item>auto on a build server: every run this platform can make is required; a missing prerequisite fails the
/// build. A run no platform install can enable (arm64 emulation on macOS) is listed, not required.</item>
/// <item>all: every known run is required, whatever the platform.</item>
/// <item>a list: those runs are required (run a is always made).</item>
/// </list>
/// </summary>
internal sealed record RunSelection(RunsMode Mode, bool Strict, IReadOnlyList<EvidenceRun> Runs, IReadOnlyList<RunNotMade> NotRunHere, IReadOnlyList<RunNotMade> Missing)
{
    public const string AutoValue = "auto";
    public const string AllValue = "all";

    /// <summary>True when a required run cannot be made: the build fails with <see cref="FailureMessage"/>.</summary>
    public bool Failed => Missing.Count > 0;

    public static RunSelection Resolve(IReadOnlyList<string> requested, bool isServerBuild, HostFacts host)
    {
        var mode = requested switch
        {
            [] or [AutoValue] => RunsMode.Auto,
            [AllValue] => RunsMode.All,
            _ when requested.Contains(AutoValue) || requested.Contains(AllValue) =>
                throw new Mvps.Build.Engine.BuildException($"--runs {string.Join(" ", requested)}: give '{AutoValue}', '{AllValue}' or a list of run names, not both."),
            _ => RunsMode.Listed,
        };
        var wanted = mode == RunsMode.Listed ? EvidenceRun.Select(requested) : EvidenceRun.Known;
        var strict = mode != RunsMode.Auto || isServerBuild;

        var runs = new List<EvidenceRun>();
        var notRun = new List<RunNotMade>();
        var missing = new List<RunNotMade>();
        foreach (var run in EvidenceRun.Known)
        {
            if (!wanted.Contains(run))
            {
                continue;
            }

            if (RunPrerequisites.PlatformLimit(run, host) is { } limit)
            {
                // Only `all` and an explicit list insist on a run this platform can never make.
                (mode == RunsMode.Auto ? notRun : missing).Add(new RunNotMade(run, limit, null));
                continue;
            }

            var absent = RunPrerequisites.For(run, host).Where(item => !item.Present(host)).ToList();
            if (absent.Count == 0)
            {
                runs.Add(run);
                continue;
            }

            var reason = string.Join(", ", absent.Select(item => item.What)) + (absent.Count == 1 ? " is missing" : " are missing");
            (strict ? missing : notRun).Add(new RunNotMade(run, reason, RunPrerequisites.InstallLine(absent)));
        }

        // Listed runs that were not asked for are not "not run here": the user chose them away.
        return new RunSelection(mode, strict, runs, notRun, missing);
    }

    /// <summary>Why a strict build stops, naming every missing prerequisite with its install line.</summary>
    public string FailureMessage(bool isServerBuild) =>
        $"{(Mode switch { RunsMode.All => "--runs all", RunsMode.Listed => "the runs asked for", _ => "on a build server every run this platform can make" })} "
        + $"{(isServerBuild && Mode == RunsMode.Auto ? "is" : "are")} required, and {Missing.Count} cannot be made here: "
        + string.Join("; ", Missing.Select(item => $"{item.Run.Name}: {item.Explained}"))
        + (Mode == RunsMode.Auto ? ". Install what is missing; a local build (no CI variable) makes what it can." : ". Install what is missing, or ask for fewer runs, e.g. --runs a b.");

    /// <summary>The log's heading of the selection: strict or what this machine can make, and whether a build server decided it.</summary>
    public string Heading(bool isServerBuild) =>
        $"evidence runs ({(Strict ? "strict" : "auto: what this machine can make")}{(isServerBuild && Mode == RunsMode.Auto ? ", build server" : "")}):";

    /// <summary>One Markdown item per known run for the step summary: made here, not run here, or required and missing.</summary>
    public IReadOnlyList<string> SummaryItems() =>
    [
        .. Runs.Select(run => $"{run.Name}: made here"),
        .. NotRunHere.Select(item => $"{item.Run.Name}: not run here — {item.ExplainedMarkdown}"),
        .. Missing.Select(item => $"{item.Run.Name}: **required, missing** — {item.ExplainedMarkdown}"),
    ];

    /// <summary>"3 of 6 runs (a b net8), 1 ISA, 2 runtimes — not run here: arm64 (apt-get install qemu-user-static), ...".</summary>
    public string Describe()
    {
        var isas = Runs.Select(run => run.InstructionSet).Distinct(StringComparer.Ordinal).Count();
        var runtimes = Runs.Select(run => run.Runtime).Distinct(StringComparer.Ordinal).Count();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Runs.Count} of {EvidenceRun.Known.Count} runs ({string.Join(" ", Runs.Select(run => run.Name))}), {isas} ISA{(isas == 1 ? "" : "s")}, {runtimes} runtime{(runtimes == 1 ? "" : "s")}");
        var notMade = NotRunHere.Concat(Missing).ToList();
        return notMade.Count == 0 ? text : text + " — not run here: " + string.Join(", ", notMade);
    }
}
