using Mvps.Tests.Shared;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// A [Fact] that needs a test network: root (network namespaces and veth pairs) and the named programs.
/// Elsewhere it is reported as skipped with the reason, never passed silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NetworkFactAttribute : FactAttribute
{
    public NetworkFactAttribute(params string[] tools)
    {
        Skip = NetworkRequirements.SkipReason(tools);
    }
}

/// <summary>What every network test needs, and the programs outside PATH it runs (the peers' daemons).</summary>
public static class NetworkRequirements
{
    public const string Zebra = "/usr/lib/frr/zebra";
    public const string Bfdd = "/usr/lib/frr/bfdd";
    public const string Bird = "/usr/sbin/bird";

    /// <summary>Programs every test network runs: ip (iproute2) and ethtool (checksum offload off, see TestNetwork).</summary>
    private static readonly string[] Always = ["ip", "ethtool"];

    public static string? SkipReason(IEnumerable<string> tools)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "network tests need root (ip netns add, veth pairs)";
        }

        var onPath = new List<string>();
        var missing = new List<string>();
        foreach (var tool in Always.Concat(tools).Distinct(StringComparer.Ordinal))
        {
            if (Path.IsPathRooted(tool))
            {
                if (!File.Exists(tool))
                {
                    missing.Add(tool);
                }
            }
            else
            {
                onPath.Add(tool);
            }
        }

        var pathReason = ToolLocator.SkipReason(onPath);
        if (pathReason is not null)
        {
            return pathReason;
        }

        return missing.Count == 0 ? null
            : $"required program not found: {string.Join(", ", missing)} (Debian package {string.Join(", ", missing.Select(Package).Distinct())})";
    }

    private static string Package(string program) => program == Bird ? "bird2" : "frr";
}

/// <summary>A [Theory] with the requirements of <see cref="NetworkFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NetworkTheoryAttribute : TheoryAttribute
{
    public NetworkTheoryAttribute(params string[] tools)
    {
        Skip = NetworkRequirements.SkipReason(tools);
    }
}
