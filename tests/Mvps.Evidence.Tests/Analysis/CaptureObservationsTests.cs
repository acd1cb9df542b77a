using Mvps.Codec.Capture;
using Mvps.Codec.Tests.Capture;
using Mvps.Codec.Wire;
using Mvps.Evidence.Analysis;
using Mvps.Tests.Shared;

namespace Mvps.Evidence.Tests.Analysis;

public sealed class CaptureObservationsTests
{
    [Fact]
    public void A_vlan_tagged_copy_with_other_traffic_gives_the_same_observations_as_the_evidence()
    {
        var evidence = File.ReadAllBytes(RepositoryRoot.Evidence("mvps_ddos.pcap"));
        var frames = new List<(uint Seconds, uint Micros, byte[] Data)>();
        using (var reader = CaptureReader.Open(new MemoryStream(evidence), "mvps_ddos.pcap"))
        {
            while (reader.TryReadNext(out var record))
            {
                frames.Add(((uint)record.TimestampSeconds, record.TimestampNanoseconds / 1000, record.Data.ToArray()));
            }
        }

        // Each frame behind an 802.1Q tag (VLAN 42), with an ARP request between frames, as on a trunk port.
        byte[] arp = [.. Enumerable.Repeat((byte)0xff, 6), 0x02, 0, 0, 0, 0, 1, 0x08, 0x06, .. new byte[28]];
        var builder = new ClassicPcapBuilder(bigEndian: false, nanoseconds: false);
        foreach (var (seconds, micros, data) in frames)
        {
            byte[] tagged = [.. data.AsSpan(0, 12), 0x81, 0x00, 0x00, 42, .. data.AsSpan(12)];
            builder.Record(seconds, micros, tagged).Record(seconds, micros, arp);
        }

        var plain = Read(evidence);
        var shaped = Read(builder.ToArray());
        Assert.Equal(30, plain.Frames.Count);
        Assert.Equal(0, plain.Skipped);
        Assert.Equal(30, shaped.Skipped); // the ARP requests
        Assert.Equal(plain.Frames.Select(f => (f.Session, f.Tick, f.Vector)), shaped.Frames.Select(f => (f.Session, f.Tick, f.Vector)));
    }

    private static CaptureObservations Read(byte[] capture)
    {
        using var reader = CaptureReader.Open(new MemoryStream(capture), "capture.pcap");
        return CaptureObservations.Read(reader, FrameAuthenticator.ForProofKey());
    }
}
