using System.Diagnostics;
using Mvps.Interop.Tests.Infrastructure;
using Mvps.Interop.Tests.Network;

namespace Mvps.Interop.Tests.RealCaptures;

/// <summary>
/// docs/verify-independently.md, "Verifying your own capture": every command there is run exactly as
/// printed. The file commands run in a folder holding a `capture.pcapng` built by Wireshark's tools; the live
/// `tcpdump -i any ... | mvps verify -` runs inside a network namespace this test creates, while tcpreplay
/// sends the evidence frames out of a veth in it.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class DocumentedCaptureCommandsTests
{
    private const string LiveCommand = "tcpdump -i any -c 30 -w - 'udp port 3784 or udp port 4784' | mvps verify -";

    private static readonly string[] FileCommands =
    [
        "mvps verify capture.pcapng",
        "mvps decode capture.pcapng",
        "tshark -r capture.pcapng -Y 'udp.dstport == 3784 || udp.dstport == 4784' -T fields -e frame.number -e bfd.my_discriminator -e ip.ttl -e vlan.id",
    ];

    [Fact]
    public void The_section_lists_exactly_the_commands_these_tests_run()
    {
        Assert.Equal([LiveCommand, .. FileCommands], SectionCommands());
    }

    [ToolFact("text2pcap", "editcap", "mergecap", "tshark")]
    public void The_file_commands_run_as_printed_on_a_two_interface_pcapng()
    {
        var shapes = new CaptureShapes();
        var mixed = RealCaptureTests.Build(shapes, "mixed");
        var sll = shapes.FromFrames("sll-ddos", EvidenceFiles.Ddos, 113, f => CaptureShapes.Behind(f, CaptureShapes.SllHeader), start: "2026-05-25T01:00:00.");
        shapes.Merge("capture.pcapng", "pcapng", mixed, sll);

        var verify = Shell(FileCommands[0], shapes.Folder);
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal("capture.pcapng: OK, 91 records: 60 MVPS (1 session), 30 BFD without extension, 1 ARP", verify.Lines[0]);
        Assert.StartsWith("  session 1: vantage 10, discriminator 0x4d565053, 203.0.113.10 > 203.0.113.20: 60 frames, ticks 1000..36107", verify.Lines[1]);

        var decode = Shell(FileCommands[1], shapes.Folder);
        Assert.Equal(0, decode.ExitCode);
        Assert.Equal(91, decode.Lines.Count);
        Assert.Equal(30, decode.Lines.Count(l => l.Contains(" mvps sll 203.0.113.10:49152 > 203.0.113.20:3784 ok", StringComparison.Ordinal)));

        var tshark = Shell(FileCommands[2], shapes.Folder);
        Assert.Equal(0, tshark.ExitCode);
        Assert.Equal(90, tshark.Lines.Count);
        Assert.All(tshark.Lines, l => Assert.Contains("\t255\t", l));
    }

    [NetworkFact("tcpdump", "tcpreplay")]
    public void The_live_command_runs_as_printed_in_a_namespace_while_tcpreplay_sends_the_evidence()
    {
        using var network = TestNetwork.Create();
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "netns", "exec", network.VantageNamespace, "sh", "-c", LiveCommand })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = MvpsCli.ShimDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var capture = Process.Start(start)!;
        try
        {
            var stdout = capture.StandardOutput.ReadToEndAsync();

            // tcpdump says when it is listening: the replay starts only then, so no packet is missed.
            string? line;
            var stderr = new List<string>();
            while ((line = capture.StandardError.ReadLine()) is not null)
            {
                stderr.Add(line);
                if (line.Contains("listening on any", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.True(line is not null, "tcpdump never listened: " + string.Join('\n', stderr));
            var rest = capture.StandardError.ReadToEndAsync();
            TestNetwork.Exec(network.VantageNamespace, "tcpreplay", "-q", "--topspeed", "-i", network.VantageInterface,
                Path.Combine(RepositoryLayout.EvidenceDirectory, EvidenceFiles.Baseline)).AssertSuccess();
            Assert.True(capture.WaitForExit(TimeSpan.FromMinutes(2)), "the capture did not end after 30 packets");

            var output = stdout.GetAwaiter().GetResult();
            Assert.True(capture.ExitCode == 0, output + rest.GetAwaiter().GetResult());
            Assert.StartsWith("-: OK, 30 records: 30 MVPS (1 session)\n", output);
            Assert.Contains("203.0.113.10 > 203.0.113.20: 30 frames, ticks 1000..1029, 0 lost", output);
        }
        finally
        {
            // The shell and its tcpdump must not outlive the namespaces the network deletes.
            if (!capture.HasExited)
            {
                capture.Kill(entireProcessTree: true);
                capture.WaitForExit();
            }
        }
    }

    private static ProcessResult Shell(string command, string folder) =>
        ExternalProgram.Run("sh", ["-c", command], folder, MvpsCli.ShimDirectory);

    private static List<string> SectionCommands()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "verify-independently.md"));
        var start = document.IndexOf("## 9. Verifying your own capture", StringComparison.Ordinal);
        Assert.True(start >= 0, "the section is missing");
        var section = document[start..];
        return [.. Markdown.FencedBlocks(section, "sh").SelectMany(code => code.Split('\n', StringSplitOptions.RemoveEmptyEntries))];
    }
}
