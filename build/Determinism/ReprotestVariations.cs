using System.Text.RegularExpressions;
using Mvps.Build.Engine;

namespace Mvps.Build.Determinism;

/// <summary>One of reprotest's variations and, when this machine cannot apply it, why (null when it is applied).</summary>
internal sealed record ReprotestVariation(string Name, string What, string? NotApplied);

/// <summary>What the machine offers the variations that need more than reprotest itself (measured by <see cref="ReprotestVariations.Probe"/>).</summary>
internal sealed record ReprotestProbes(
    string? Fuse,
    string? Kernel,
    string? Aslr,
    string? UtsNamespace,
    int Cpus,
    string? SecondUser,
    string? UserGroup);

/// <summary>
/// reprotest's variations (reprotest 0.7.23, `--vary=+all`), which of them this machine can apply, the --vary value
/// that applies exactly those, and what reprotest's log says it applied. A variation that cannot run here (disorderfs
/// without FUSE, setarch refused by the kernel, no second user) is switched off by name and recorded with the reason:
/// never dropped silently, and never left to fail the whole run.
/// </summary>
internal static class ReprotestVariations
{
    /// <summary>Every variation of `--vary=+all`, in reprotest's order, with what it changes between the control and the experiment build.</summary>
    public static readonly (string Name, string What)[] All =
    [
        ("environment", "an added environment variable"),
        ("build_path", "the build path"),
        ("kernel", "the kernel's reported version and machine (setarch --uname-2.6)"),
        ("aslr", "address space layout randomization (off in the control build)"),
        ("num_cpus", "the number of CPUs (taskset)"),
        ("time", "the clock (faketime, months ahead)"),
        ("user_group", "the user and group (sudo to a second user)"),
        ("fileordering", "directory order (disorderfs --shuffle-dirents)"),
        ("domain_host", "host and domain name (a UTS namespace)"),
        ("home", "HOME (/nonexistent/second-build)"),
        ("locales", "the locale (C.UTF-8 against et_EE.UTF-8)"),
        ("exec_path", "PATH (an extra folder)"),
        ("timezone", "the time zone (GMT+12 against GMT-14)"),
        ("umask", "umask (0022 against 0002)"),
    ];

    /// <summary>The variations with the reason each one cannot be applied here (pure: the probes are passed in).</summary>
    public static IReadOnlyList<ReprotestVariation> Decide(ReprotestProbes probes) =>
        All.Select(variation => new ReprotestVariation(variation.Name, variation.What, variation.Name switch
        {
            "fileordering" => probes.Fuse,
            "kernel" => probes.Kernel,
            "aslr" => probes.Aslr,
            "domain_host" => probes.UtsNamespace,
            "num_cpus" => probes.Cpus > 1 ? null : "this machine has 1 CPU, so the count cannot differ",
            "user_group" => probes.SecondUser is null ? "no second local user to build as" : probes.UserGroup,
            _ => null,
        })).ToList();

    /// <summary>The --vary value: +all, minus each variation that cannot run here; user_group also names the second user.</summary>
    public static string VarySpec(IReadOnlyList<ReprotestVariation> variations, string? secondUser)
    {
        var parts = new List<string> { "+all" };
        parts.AddRange(variations.Where(variation => variation.NotApplied is not null).Select(variation => "-" + variation.Name));
        if (secondUser is not null && variations.Any(variation => variation.Name == "user_group" && variation.NotApplied is null))
        {
            // reprotest needs sudo for the host name as soon as the user varies (it refuses the unshare -r way then).
            parts.Add("user_group.available+=" + secondUser);
            parts.Add("domain_host.use_sudo=1");
        }

        return string.Join(",", parts);
    }

    /// <summary>
    /// What reprotest reports for its experiment build: the variations it marked "vary" and the value each one got
    /// ("time" → "faketime = +285days+16hours+1minutes"), and its warnings that a variation had no effect. PATH's value
    /// is reduced to what was added, so the run's settings.json names no folder of this machine.
    /// </summary>
    public static (IReadOnlyList<string> Varied, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Warnings) ParseLog(string log)
    {
        var lines = log.Split('\n');
        var start = Array.FindIndex(lines, line => line.Contains("build \"experiment-1\":", StringComparison.Ordinal));
        if (start < 0)
        {
            return ([], new Dictionary<string, string>(), []);
        }

        var varied = lines[start][(lines[start].IndexOf("\":", StringComparison.Ordinal) + 2)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(item => item.StartsWith("vary ", StringComparison.Ordinal))
            .Select(item => item["vary ".Length..])
            .ToList();
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.Contains("build \"experiment-2\":", StringComparison.Ordinal))
            {
                break;
            }

            var match = Regex.Match(line, @"^INFO:reprotest\.build:([A-Z_]+) variation: (.*)$");
            if (match.Success)
            {
                var name = match.Groups[1].Value.ToLowerInvariant();
                values[name] = name == "exec_path" ? "PATH = $PATH:/i_capture_the_path" : match.Groups[2].Value.Trim();
            }
            else if (line.Contains("num_cpus is ineffective", StringComparison.Ordinal) || line.Contains("IGNORING", StringComparison.Ordinal))
            {
                warnings.Add(line.Trim());
            }
        }

        return (varied, values, warnings);
    }

    /// <summary>Tries, on this machine, what the variations beyond reprotest itself need.</summary>
    public static ReprotestProbes Probe(string dotnet)
    {
        var secondUser = SecondUser();
        string? userGroup = null;
        var fuse = FuseProblem();
        if (secondUser is not null)
        {
            var user = secondUser.Split(':')[0];
            // reprotest 0.7.23 switches users with `sudo -h localhost ...`; sudo 1.9 refuses -h outside -l.
            userGroup = Fails("sudo", "-n", "-h", "localhost", "true")
                ?? Fails("sudo", "-n", "-u", user, "test", "-x", dotnet)
                ?? (fuse is null ? Fails("sudo", "-n", "-u", user, "test", "-r", "/dev/fuse", "-a", "-w", "/dev/fuse") : null);
            if (userGroup is not null)
            {
                userGroup = "reprotest cannot build as the second user here: " + userGroup;
            }
        }

        return new ReprotestProbes(
            fuse,
            Fails("setarch", "uname26", "--uname-2.6", "true") is null || Fails("setarch", "linux64", "--uname-2.6", "true") is null
                ? null
                : "setarch cannot change the kernel personality here: " + Fails("setarch", "linux64", "--uname-2.6", "true"),
            Fails("setarch", "-R", "true") is { } aslr ? "setarch -R (ASLR off for the control build) fails here: " + aslr : null,
            Fails("unshare", "-r", "--uts", "true") is { } uts ? "no UTS namespace for the host name (unshare -r --uts): " + uts : null,
            Environment.ProcessorCount,
            secondUser,
            userGroup);
    }

    /// <summary>disorderfs mounts through FUSE: /dev/fuse must open for reading and writing, and fusermount must unmount it again.</summary>
    private static string? FuseProblem()
    {
        if (!ToolOnPath.Exists("fusermount") && !ToolOnPath.Exists("fusermount3"))
        {
            return "disorderfs needs FUSE, and fusermount is not on PATH (install: apt-get install fuse3)";
        }

        try
        {
            using var device = new FileStream("/dev/fuse", FileMode.Open, FileAccess.ReadWrite);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"disorderfs needs FUSE, and /dev/fuse cannot be opened here ({exception.GetType().Name}: {exception.Message})";
        }
    }

    /// <summary>The first regular local user that is not this one, as "user:group", or null.</summary>
    private static string? SecondUser()
    {
        if (!File.Exists("/etc/passwd") || !File.Exists("/etc/group"))
        {
            return null;
        }

        var me = Environment.UserName;
        var groups = File.ReadAllLines("/etc/group").Select(line => line.Split(':')).Where(fields => fields.Length >= 3)
            .GroupBy(fields => fields[2], StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First()[0], StringComparer.Ordinal);
        foreach (var fields in File.ReadAllLines("/etc/passwd").Select(line => line.Split(':')).Where(fields => fields.Length >= 7))
        {
            if (int.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var uid)
                && uid is >= 1000 and < 65534 && fields[0] != me && groups.TryGetValue(fields[3], out var group))
            {
                return fields[0] + ":" + group;
            }
        }

        return null;
    }

    /// <summary>Null when the command exits 0, otherwise its first line of error output (or its exit code).</summary>
    private static string? Fails(string program, params string[] arguments)
    {
        if (!ToolOnPath.Exists(program))
        {
            return $"{program} is not on PATH";
        }

        var result = ProcessTasks.StartProcess(program, arguments, logOutput: false, throwOnFailure: false);
        return result.ExitCode == 0
            ? null
            : result.StandardError.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? $"{program} exited with {result.ExitCode}";
    }
}
