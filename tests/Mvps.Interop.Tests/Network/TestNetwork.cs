using System.Globalization;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Two network namespaces joined by a veth pair, with the evidence's addresses: the vantage at 203.0.113.10
/// (MAC 02:4d:56:50:53:0a) and the peer at 203.0.113.20 (MAC 02:4d:56:50:53:14), so replayed evidence frames
/// are addressed to the peer's interface. Names carry this test process's id and a counter, so parallel runs
/// never collide; <see cref="Dispose"/> stops every process started in them (by pid) and deletes exactly the
/// two namespaces it created (the veth pair goes with them), then checks that nothing is left.
/// </summary>
internal sealed class TestNetwork : IDisposable
{
    public const string VantageAddress = "203.0.113.10";
    public const string PeerAddress = "203.0.113.20";
    public const string VantageMac = "02:4d:56:50:53:0a";
    public const string PeerMac = "02:4d:56:50:53:14";
    private const string PrefixLength = "/24";

    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(10);
    private static int _counter;

    private readonly List<BackgroundProcess> _processes = [];
    private readonly List<Action> _cleanups = [];
    private bool _disposed;

    private TestNetwork(int number)
    {
        var run = number.ToString(CultureInfo.InvariantCulture);
        VantageNamespace = NamePrefix + run + "-vantage";
        PeerNamespace = NamePrefix + run + "-peer";
        // Interface names have at most 15 characters.
        var shortRun = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId % 10_000_000}{number % 100}");
        VantageInterface = "mv" + shortRun + "v";
        PeerInterface = "mv" + shortRun + "p";
    }

    /// <summary>Every namespace this test process creates starts with this: what the leak check looks for.</summary>
    /// <summary>
    /// Every namespace of this test process starts with it: "mvps-test-", the build's run tag when the Interop target
    /// started the tests (MVPS_INTEROP_RUN, so its leftover check sees its own namespaces only, not those of another
    /// clone's run beside it), and this process's id.
    /// </summary>
    public static string NamePrefix { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{BasePrefix}{(Environment.GetEnvironmentVariable(RunTagVariable) is { Length: > 0 } tag ? tag + "-" : "")}{Environment.ProcessId}-");

    /// <summary>The start of every test namespace name, of any run.</summary>
    public const string BasePrefix = "mvps-test-";

    /// <summary>The environment variable through which the Interop target tags the namespaces of its test run.</summary>
    public const string RunTagVariable = "MVPS_INTEROP_RUN";

    public string VantageNamespace { get; }

    public string PeerNamespace { get; }

    public string VantageInterface { get; }

    public string PeerInterface { get; }

    /// <summary>Pids of every process started through this network: the leak check's list.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Id)];

    public static TestNetwork Create()
    {
        var network = new TestNetwork(Interlocked.Increment(ref _counter));
        try
        {
            network.Build();
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Runs a program to completion inside a namespace (`ip netns exec`).</summary>
    public static ProcessResult Exec(string ns, string program, params string[] arguments) =>
        ExternalProgram.Run("ip", new[] { "netns", "exec", ns, program }.Concat(arguments));

    /// <summary>Starts a program inside a namespace; it is stopped (by pid) at the latest when the network is disposed.</summary>
    public BackgroundProcess Start(string ns, string program, params string[] arguments)
    {
        // `ip netns exec` enters the namespace and execs env, which execs the program: the pid is the program's own.
        // env gives SIGINT its default action back first. A test run started from a script's background job (nohup,
        // `cmd &` without job control) inherits SIGINT ignored, and an ignored SIGINT stays ignored across fork and
        // exec (a .NET program then does not even install its handler): the tests' "Ctrl-C" to mvps send went unheard
        // in such a run (seen: two of five `./build.sh Test` runs started by a background loop failed that way).
        var process = BackgroundProcess.Start(ExternalProgram.Require("ip"),
            new[] { "netns", "exec", ns, ExternalProgram.Require("env"), "--default-signal=INT", program }.Concat(arguments));
        _processes.Add(process);
        return process;
    }

    /// <summary>Something to undo at teardown before the namespaces go (FRR's daemons, by their pid files).</summary>
    public void OnTeardown(Action cleanup) => _cleanups.Add(cleanup);

    /// <summary>tcpdump on one side's interface writing a pcap; returns once tcpdump reports it is listening.</summary>
    public BackgroundProcess StartCapture(string ns, string device, string file, string filter, int? packetCount = null)
    {
        // -U: each packet is written when it arrives, so the file can be watched; -s 65535 as in the evidence header.
        var arguments = new List<string> { "-i", device, "-n", "-U", "-s", "65535", "-w", file };
        if (packetCount is int count)
        {
            arguments.AddRange(["-c", count.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.Add(filter);
        var tcpdump = Start(ns, ExternalProgram.Require("tcpdump"), [.. arguments]);
        tcpdump.WaitForLine(line => line.StartsWith("tcpdump: listening on " + device, StringComparison.Ordinal), ReadyLimit, "'listening on' from tcpdump");
        return tcpdump;
    }

    /// <summary>Namespaces of this test process that still exist.</summary>
    public static IReadOnlyList<string> LeftoverNamespaces() =>
        [.. ExternalProgram.Run("ip", "netns", "list").AssertSuccess().Lines
            .Select(line => line.Split(' ', 2)[0])
            .Where(name => name.StartsWith(NamePrefix, StringComparison.Ordinal))];

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var problems = new List<string>();
        foreach (var cleanup in Enumerable.Reverse(_cleanups))
        {
            Try(cleanup, problems);
        }

        foreach (var process in Enumerable.Reverse(_processes))
        {
            Try(() =>
            {
                if (!process.HasExited)
                {
                    process.Stop();
                }

                process.Dispose();
            }, problems);
        }

        foreach (var ns in new[] { VantageNamespace, PeerNamespace })
        {
            if (NamespaceExists(ns))
            {
                var deleted = ExternalProgram.Run("ip", "netns", "del", ns);
                if (deleted.ExitCode != 0)
                {
                    problems.Add($"ip netns del {ns}: {deleted.StandardError.Trim()}");
                }
            }
        }

        problems.AddRange(new[] { VantageNamespace, PeerNamespace }.Where(NamespaceExists).Select(ns => $"namespace {ns} still exists"));
        problems.AddRange(_processes.Where(p => BackgroundProcess.IsAlive(p.Id)).Select(p => $"process {p.Id} ({p.Display}) still runs"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("test network teardown: " + string.Join("; ", problems));
        }
    }

    private static bool NamespaceExists(string ns) => File.Exists(Path.Combine("/run/netns", ns));

    private static void Try(Action action, List<string> problems)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            problems.Add(e.Message);
        }
    }

    private void Build()
    {
        Ip("netns", "add", VantageNamespace);
        Ip("netns", "add", PeerNamespace);
        Ip("link", "add", VantageInterface, "netns", VantageNamespace, "type", "veth", "peer", "name", PeerInterface, "netns", PeerNamespace);
        Configure(VantageNamespace, VantageInterface, VantageMac, VantageAddress);
        Configure(PeerNamespace, PeerInterface, PeerMac, PeerAddress);
        WaitUntilUp(VantageNamespace, VantageInterface);
        WaitUntilUp(PeerNamespace, PeerInterface);
    }

    private void Configure(string ns, string device, string mac, string address)
    {
        Ip("-n", ns, "link", "set", "lo", "up");
        Ip("-n", ns, "link", "set", device, "address", mac);
        Ip("-n", ns, "addr", "add", address + PrefixLength, "dev", device);
        // veth leaves UDP checksums to "hardware" that does not exist: a capture would show the unfinished
        // checksum of every locally sent packet. With transmit offload off the kernel computes it in software.
        Exec(ns, ExternalProgram.Require("ethtool"), "-K", device, "tx", "off").AssertSuccess();
        Ip("-n", ns, "link", "set", device, "up");
    }

    private static void WaitUntilUp(string ns, string device)
    {
        var last = "";
        Poll.Until(() => (last = ExternalProgram.Run("ip", "-n", ns, "-o", "link", "show", device).AssertSuccess().StandardOutput).Contains("state UP", StringComparison.Ordinal),
            ReadyLimit, () => $"{device} in {ns} not up: {last.Trim()}");
    }

    private static void Ip(params string[] arguments) => ExternalProgram.Run("ip", arguments).AssertSuccess();
}
