using System.Buffers.Binary;
using System.Globalization;
using Mvps.IO;
using static Mvps.IO.Invariant;

namespace Mvps.Codec.Wire;

/// <summary>One named field of a frame with its decoded value as text.</summary>
public readonly record struct FieldValue(string Name, int Offset, int Length, string Value);

/// <summary>
/// Names and decodes every field of a frame, header fields included, so that two frames can be
/// compared field by field (mvps diff) rather than byte by byte.
/// </summary>
public static class FrameFieldValues
{
    /// <summary>Every field of a frame, in frame order, with its decoded value (numbers big-endian, as sent).</summary>
    /// <param name="f">A frame; a shorter span yields only its length and its bytes in hex.</param>
    public static List<FieldValue> Describe(ReadOnlySpan<byte> f)
    {
        var list = new List<FieldValue>(40);
        if (f.Length < FieldLengths.Frame)
        {
            list.Add(new("frame.length", 0, f.Length, I($"{f.Length}")));
            list.Add(new("frame.bytes", 0, f.Length, LowerHex.Of(f)));
            return list;
        }

        var c = FrameDecoder.ReadFields(f);
        void Add(string name, int offset, int length, string value) => list.Add(new(name, offset, length, value));
        string Float(float v) => I($"{v.ToString("R", CultureInfo.InvariantCulture)} (0x{BitConverter.SingleToUInt32Bits(v):x8})");

        Add("eth.dst", FieldLocations.EthernetDestination, 6, LowerHex.Of(f.Slice(FieldLocations.EthernetDestination, 6)));
        Add("eth.src", FieldLocations.EthernetSource, 6, LowerHex.Of(f.Slice(FieldLocations.EthernetSource, 6)));
        Add("eth.type", FieldLocations.EtherType, 2, X16(f, FieldLocations.EtherType));
        Add("ip.version_ihl", FieldLocations.Ipv4VersionIhl, 1, I($"0x{f[FieldLocations.Ipv4VersionIhl]:x2}"));
        Add("ip.tos", FieldLocations.Ipv4Tos, 1, I($"0x{f[FieldLocations.Ipv4Tos]:x2}"));
        Add("ip.len", FieldLocations.Ipv4TotalLength, 2, U16(f, FieldLocations.Ipv4TotalLength));
        Add("ip.id", FieldLocations.Ipv4Identification, 2, U16(f, FieldLocations.Ipv4Identification));
        Add("ip.flags_frag", FieldLocations.Ipv4FlagsFragment, 2, X16(f, FieldLocations.Ipv4FlagsFragment));
        Add("ip.ttl", FieldLocations.Ipv4Ttl, 1, I($"{f[FieldLocations.Ipv4Ttl]}"));
        Add("ip.proto", FieldLocations.Ipv4Protocol, 1, I($"{f[FieldLocations.Ipv4Protocol]}"));
        Add("ip.checksum", FieldLocations.Ipv4Checksum, 2, X16(f, FieldLocations.Ipv4Checksum));
        Add("ip.src", FieldLocations.Ipv4Source, 4, new System.Net.IPAddress(f.Slice(FieldLocations.Ipv4Source, 4)).ToString());
        Add("ip.dst", FieldLocations.Ipv4Destination, 4, new System.Net.IPAddress(f.Slice(FieldLocations.Ipv4Destination, 4)).ToString());
        Add("udp.srcport", FieldLocations.UdpSourcePort, 2, U16(f, FieldLocations.UdpSourcePort));
        Add("udp.dstport", FieldLocations.UdpDestinationPort, 2, U16(f, FieldLocations.UdpDestinationPort));
        Add("udp.length", FieldLocations.UdpLength, 2, U16(f, FieldLocations.UdpLength));
        Add("udp.checksum", FieldLocations.UdpChecksum, 2, X16(f, FieldLocations.UdpChecksum));
        Add("bfd.version", FieldLocations.BfdVersionDiag, 1, I($"{c.Bfd.Version}"));
        Add("bfd.diag", FieldLocations.BfdVersionDiag, 1, I($"{(int)c.Bfd.Diagnostic} ({c.Bfd.Diagnostic})"));
        Add("bfd.state", FieldLocations.BfdStateFlags, 1, I($"{(int)c.Bfd.State} ({c.Bfd.State})"));
        Add("bfd.flags", FieldLocations.BfdStateFlags, 1, I($"0x{(int)c.Bfd.Flags:x2}"));
        Add("bfd.detect_mult", FieldLocations.BfdDetectMultiplier, 1, I($"{c.Bfd.DetectMultiplier}"));
        Add("bfd.length", FieldLocations.BfdLength, 1, I($"{c.Bfd.Length}"));
        Add("bfd.my_discriminator", FieldLocations.BfdMyDiscriminator, 4, I($"0x{c.Bfd.MyDiscriminator:x8}"));
        Add("bfd.your_discriminator", FieldLocations.BfdYourDiscriminator, 4, I($"0x{c.Bfd.YourDiscriminator:x8}"));
        Add("bfd.desired_min_tx_us", FieldLocations.BfdDesiredMinTx, 4, I($"{c.Bfd.DesiredMinTxIntervalUs}"));
        Add("bfd.required_min_rx_us", FieldLocations.BfdRequiredMinRx, 4, I($"{c.Bfd.RequiredMinRxIntervalUs}"));
        Add("bfd.required_min_echo_rx_us", FieldLocations.BfdRequiredMinEchoRx, 4, I($"{c.Bfd.RequiredMinEchoRxIntervalUs}"));
        Add("mvps.ext_version", FieldLocations.ExtensionVersion, 1, I($"{c.ExtensionVersion}"));
        Add("mvps.flags", FieldLocations.ExtensionFlags, 1, I($"0x{c.ExtensionFlags:x2}"));
        Add("mvps.vantage", FieldLocations.VantageId, 2, I($"{c.VantageId}"));
        Add("mvps.lattice_period_us", FieldLocations.LatticePeriod, 4, I($"{c.LatticePeriodUs}"));
        Add("mvps.magic", FieldLocations.Magic, 4, I($"0x{BinaryPrimitives.ReadUInt32BigEndian(f[FieldLocations.Magic..]):x8}"));
        Add("mvps.tick", FieldLocations.Tick, 4, I($"{c.Tick}"));
        Add("mvps.phi_ns", FieldLocations.Phi, 4, I($"{c.PhiNanoseconds}"));
        Add("mvps.c1", FieldLocations.C1, 4, Float(c.C1));
        Add("mvps.c2", FieldLocations.C2, 4, Float(c.C2));
        Add("mvps.c3", FieldLocations.C3, 4, Float(c.C3));
        Add("mvps.hmac", FieldLocations.Tag, FieldLengths.Tag, LowerHex.Of(f.Slice(FieldLocations.Tag, FieldLengths.Tag)));
        if (f.Length > FieldLengths.Frame)
        {
            Add("frame.trailing", FieldLengths.Frame, f.Length - FieldLengths.Frame, LowerHex.Of(f[FieldLengths.Frame..]));
        }

        return list;
    }

    private static string U16(ReadOnlySpan<byte> f, int offset) => I($"{BinaryPrimitives.ReadUInt16BigEndian(f[offset..])}");

    private static string X16(ReadOnlySpan<byte> f, int offset) => I($"0x{BinaryPrimitives.ReadUInt16BigEndian(f[offset..]):x4}");
}
