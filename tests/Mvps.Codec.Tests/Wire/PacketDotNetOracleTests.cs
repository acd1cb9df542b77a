using Mvps.Codec.Capture;
using PacketDotNet;

namespace Mvps.Codec.Tests.Wire;

/// <summary>
/// An independent oracle: PacketDotNet, a separate packet library, parses every frame of the
/// committed evidence and must agree on addresses, ports, lengths and both checksums.
/// </summary>
public sealed class PacketDotNetOracleTests
{
    [Theory]
    [InlineData("mvps_baseline.pcap")]
    [InlineData("mvps_ddos.pcap")]
    public void PacketDotNet_agrees_on_every_frame_of_the_evidence(string file)
    {
        using var reader = CaptureReader.Open(RepositoryRoot.Evidence(file));
        var frames = 0;
        while (reader.TryReadNext(out var record))
        {
            var ethernet = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, record.Data.ToArray());
            Assert.Equal("024D56505314", ethernet.DestinationHardwareAddress.ToString());
            Assert.Equal("024D5650530A", ethernet.SourceHardwareAddress.ToString());
            Assert.Equal(EthernetType.IPv4, ethernet.Type);

            var ip = ethernet.Extract<IPv4Packet>();
            Assert.Equal("203.0.113.10", ip.SourceAddress.ToString());
            Assert.Equal("203.0.113.20", ip.DestinationAddress.ToString());
            Assert.Equal(96, ip.TotalLength);
            Assert.Equal(255, ip.TimeToLive);
            Assert.Equal(ProtocolType.Udp, ip.Protocol);
            Assert.True(ip.ValidIPChecksum, $"frame {frames}: IPv4 checksum");

            var udp = ip.Extract<UdpPacket>();
            Assert.Equal(49152, udp.SourcePort);
            Assert.Equal(3784, udp.DestinationPort);
            Assert.Equal(76, udp.Length);
            Assert.NotEqual(0, udp.Checksum);
            Assert.True(udp.ValidUdpChecksum, $"frame {frames}: UDP checksum");
            Assert.Equal(68, udp.PayloadData.Length);
            Assert.Equal("COHE"u8.ToArray(), udp.PayloadData[32..36]);
            frames++;
        }

        Assert.Equal(30, frames);
    }
}
