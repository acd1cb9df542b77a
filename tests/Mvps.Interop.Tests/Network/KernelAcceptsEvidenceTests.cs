using System.Globalization;
using Mvps.Codec.Wire;
using Mvps.Interop.Tests.Infrastructure;

namespace Mvps.Interop.Tests.Network;

/// <summary>
/// Part 1 of the wire proof: tcpreplay puts each evidence file on the vantage's veth; in the peer namespace the
/// Linux IPv4/UDP stack delivers every frame to a socket bound to 203.0.113.20:3784 (so it accepted every header
/// and checksum), byte for byte, and tcpdump there captures frames that `mvps diff` finds identical to the
/// evidence but for the capture timestamps.
/// </summary>
[Collection(NetworkCollection.Name)]
public sealed class KernelAcceptsEvidenceTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Binds the BFD port, says "ready", prints each datagram as "sender-ip sender-port hex" until it has the
    /// expected count, then reports whether anything more was queued. The timeout is a safety net only.
    /// </summary>
    internal const string ReceiverScript = """
        import socket, sys
        expected = int(sys.argv[1])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("203.0.113.20", 3784))
        s.settimeout(30)
        print("ready", flush=True)
        n = 0
        while n < expected:
            try:
                data, (host, port) = s.recvfrom(65535)
            except socket.timeout:
                break
            n += 1
            print("datagram", host, port, data.hex(), flush=True)
        s.setblocking(False)
        extra = 0
        while True:
            try:
                s.recvfrom(65535)
                extra += 1
            except BlockingIOError:
                break
        print("received", n, "extra", extra, flush=True)
        """;

    public static TheoryData<string> EvidenceCaptures() => new(EvidenceFiles.Baseline, EvidenceFiles.Ddos);

    [NetworkTheory("tcpreplay", "tcpdump", "/usr/bin/python3")]
    [MemberData(nameof(EvidenceCaptures))]
    public void The_peer_kernel_delivers_all_30_datagrams_byte_identical_and_tcpdump_sees_the_evidence_frames(string capture)
    {
        var evidence = Path.Combine(RepositoryLayout.EvidenceDirectory, capture);
        var frames = CaptureFile.Frames(evidence);
        Assert.Equal(EvidenceFiles.FramesPerCapture, frames.Count);
        var folder = TempFolder.ForProcess("replay");
        var received = Path.Combine(folder, Path.GetFileNameWithoutExtension(capture) + "_replayed.pcap");

        using (var network = TestNetwork.Create())
        {
            var receiver = network.Start(network.PeerNamespace, "/usr/bin/python3", "-c", ReceiverScript,
                frames.Count.ToString(CultureInfo.InvariantCulture));
            receiver.WaitForLine(line => line == "ready", Limit, "'ready' from the receiving socket");
            var tcpdump = network.StartCapture(network.PeerNamespace, network.PeerInterface, received, "udp", frames.Count);

            // --topspeed: the claim is about acceptance, not pacing; the evidence's own 100 ms spacing adds nothing.
            var replay = TestNetwork.Exec(network.VantageNamespace, ExternalProgram.Require("tcpreplay"),
                "--intf1=" + network.VantageInterface, "--topspeed", evidence).AssertSuccess();
            Assert.Contains($"Actual: {frames.Count} packets", replay.StandardOutput, StringComparison.Ordinal);

            Assert.Equal(0, receiver.WaitForExit(Limit));
            Assert.Equal(0, tcpdump.WaitForExit(Limit));

            var datagrams = receiver.StandardOutput.Where(line => line.StartsWith("datagram ", StringComparison.Ordinal))
                .Select(line => line.Split(' ')).ToList();
            Assert.Equal($"received {frames.Count} extra 0", receiver.StandardOutput[^1]);
            Assert.Equal(frames.Count, datagrams.Count);
            for (var i = 0; i < frames.Count; i++)
            {
                Assert.Equal(TestNetwork.VantageAddress, datagrams[i][1]);
                Assert.Equal(WireConstants.UdpSourcePort.ToString(CultureInfo.InvariantCulture), datagrams[i][2]);
                Assert.Equal(Convert.ToHexStringLower(frames[i].AsSpan(FieldLocations.Bfd)), datagrams[i][3]);
            }
        }

        Assert.Equal(frames.Count, CaptureFile.Frames(received).Count);
        var diff = MvpsCli.Run("diff", evidence, received);
        Assert.Equal(1, diff.ExitCode);
        Assert.Equal($"different: {frames.Count} difference(s) in {frames.Count} compared frames", diff.Lines[^1]);
        Assert.All(diff.Lines.SkipLast(1), line => Assert.Matches(@"^frame \d+: timestamp \d+\.\d{9} != \d+\.\d{9}$", line));

        InteropArtifacts.Keep(received, Path.GetFileName(received));
        InteropArtifacts.Summary("1-replay-" + Path.GetFileNameWithoutExtension(capture),
        [
            $"- `{capture}` replayed with tcpreplay: {frames.Count}/{frames.Count} datagrams delivered by the peer's kernel to 203.0.113.20:3784, payloads byte-identical; `mvps diff` against the peer's tcpdump capture: only the {frames.Count} capture timestamps differ.",
        ]);
    }
}
