namespace Mvps.Build.Determinism;

/// <summary>How a run's generator is built and started.</summary>
internal enum EvidenceRunKind
{
    /// <summary>The framework-dependent mvps.dll of the Compile target, under the JIT of the installed runtime.</summary>
    Jit,

    /// <summary>Published self-contained and ReadyToRun for linux-arm64 and run under qemu-aarch64-static with a Debian arm64 sysroot.</summary>
    Arm64Emulated,

    /// <summary>Published with NativeAOT for linux-x64 (ahead-of-time code, x86-64-v2 baseline) and run natively.</summary>
    NativeAot,

    /// <summary>The tool built for net8.0, published self-contained for this host's RID on the .NET 8 runtime pack from NuGet, run natively.</summary>
    Net8Runtime,

    /// <summary>The framework-dependent mvps.dll of the Compile target, run twice by Debian's reprotest under its variations (time, file order, kernel, ...).</summary>
    Reprotest,
}

/// <summary>
/// One way of running the generator. Runs differ in everything that must not matter: working directory,
/// time zone, culture, HOME, umask, the JIT's code generation (tiering, SIMD width), the instruction set
/// (arm64 under emulation), the code generator itself (NativeAOT), the runtime with its base library (.NET 8) and
/// what Debian's reprotest varies (time, directory order, kernel, host name, ...). <see cref="Variations"/> is what
/// the report page's run matrix and settings.json list; <see cref="RunPrerequisites"/> says what each run needs.
/// </summary>
internal sealed record EvidenceRun(
    string Name,
    string Description,
    EvidenceRunKind Kind,
    string InstructionSet,
    string Runtime,
    bool OwnWorkingDirectory,
    string Umask,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> Variations)
{
    /// <summary>The instruction set the native runs execute: the host's (x64 on the development machine, arm64 on an arm64 runner).</summary>
    public static readonly string HostInstructionSet = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    public static readonly EvidenceRun Plain = new(
        "a",
        "plain: repository root as working directory, inherited environment, framework-dependent mvps.dll under the JIT",
        EvidenceRunKind.Jit,
        HostInstructionSet,
        ".NET 10",
        false,
        "022",
        new Dictionary<string, string>(),
        ["nothing: the reference every other run is compared with"]);

    public static readonly EvidenceRun Perturbed = new(
        "b",
        "perturbed: own working directory and HOME, TZ Pacific/Chatham, Turkish culture with globalization (ICU) switched on, umask 077, JIT without tiering and without hardware intrinsics (no SIMD)",
        EvidenceRunKind.Jit,
        HostInstructionSet,
        ".NET 10",
        true,
        "077",
        new Dictionary<string, string>
        {
            ["TZ"] = "Pacific/Chatham",
            ["LANG"] = "tr_TR.UTF-8",
            ["LC_ALL"] = "tr_TR.UTF-8",
            ["HOME"] = "{temp}",
            ["DOTNET_TieredCompilation"] = "0",
            ["DOTNET_EnableHWIntrinsic"] = "0",
            ["DOTNET_gcServer"] = "1",
        },
        ["working directory", "HOME", "TZ Pacific/Chatham", "tr_TR.UTF-8 culture through ICU", "umask 077", "JIT without tiering", "no SIMD (hardware intrinsics off)", "server GC"]);

    public static readonly EvidenceRun Arm64 = new(
        "arm64",
        "another machine: self-contained ReadyToRun linux-arm64 publish under qemu-aarch64-static with a Debian arm64 sysroot (arm64 glibc/libm and OpenSSL, 128-bit AdvSimd instead of x64 vectors), own working directory, TZ America/St_Johns, umask 027",
        EvidenceRunKind.Arm64Emulated,
        "arm64",
        ".NET 10",
        true,
        "027",
        new Dictionary<string, string>
        {
            ["TZ"] = "America/St_Johns",
            ["HOME"] = "{temp}",
        },
        ["instruction set arm64 (qemu-aarch64-static)", "ReadyToRun code from crossgen2", "arm64 glibc/libm and OpenSSL", "128-bit AdvSimd vectors", "working directory", "HOME", "TZ America/St_Johns", "umask 027"]);

    public static readonly EvidenceRun Aot = new(
        "aot",
        "another code generator: NativeAOT publish for linux-x64 (ahead-of-time code for the x86-64-v2 baseline, no JIT), own working directory, TZ Asia/Kathmandu",
        EvidenceRunKind.NativeAot,
        HostInstructionSet,
        ".NET 10",
        true,
        "022",
        new Dictionary<string, string>
        {
            ["TZ"] = "Asia/Kathmandu",
            ["HOME"] = "{temp}",
        },
        ["code generator NativeAOT (ahead of time, x86-64-v2 baseline on x64)", "working directory", "HOME", "TZ Asia/Kathmandu"]);

    public static readonly EvidenceRun Net8 = new(
        "net8",
        "another runtime: the tool built for net8.0 and published self-contained for linux-x64 on the .NET 8 runtime pack from NuGet (the .NET 8 JIT, base library, System.Text.Json and cryptography bindings), own working directory and HOME, TZ Australia/Lord_Howe, umask 002",
        EvidenceRunKind.Net8Runtime,
        HostInstructionSet,
        ".NET 8",
        true,
        "002",
        new Dictionary<string, string>
        {
            ["TZ"] = "Australia/Lord_Howe",
            ["HOME"] = "{temp}",
        },
        [".NET 8 runtime, JIT and base library (runtime pack from NuGet)", "working directory", "HOME", "TZ Australia/Lord_Howe", "umask 002"]);

    /// <summary>
    /// Debian's reprotest varies the environment of the framework-dependent tool itself; what it applied on this
    /// machine (and what it could not) is in the run's settings.json, not here: see <see cref="ReprotestVariations"/>.
    /// Run b stays for what reprotest does not vary: JIT tiering, SIMD, server GC and a culture through ICU.
    /// </summary>
    public static readonly EvidenceRun Reprotest = new(
        "reprotest",
        "reprotest: Debian's reproducible-builds tool runs the framework-dependent mvps.dll twice (a control and an experiment build) under its variations; the experiment's files are this run's",
        EvidenceRunKind.Reprotest,
        HostInstructionSet,
        ".NET 10",
        true,
        "022",
        new Dictionary<string, string>(),
        ["reprotest --vary=+all: the variations applied here are listed in settings.json"]);

    public static readonly IReadOnlyList<EvidenceRun> Known = [Plain, Perturbed, Arm64, Aot, Net8, Reprotest];

    /// <summary>The runs named by the Runs parameter, run a always first (everything is diffed against it).</summary>
    public static IReadOnlyList<EvidenceRun> Select(IEnumerable<string> names)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var unknown = wanted.Where(name => Known.All(run => run.Name != name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new Mvps.Build.Engine.BuildException($"Unknown evidence run(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Known.Select(run => run.Name))}.");
        }

        return [Plain, .. Known.Where(run => run != Plain && wanted.Contains(run.Name))];
    }
}
