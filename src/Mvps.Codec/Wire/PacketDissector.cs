using System.Buffers.Binary;
using System.Globalization;
using static Mvps.Codec.Wire.PacketLayout;

namespace Mvps.Codec.Wire;

/// <summary>
/// The one step from a captured record to its UDP payload: link layer (by link type, VLAN tags skipped),
/// network layer (IPv4 options and IPv6 extension headers skipped, fragments set apart), UDP, and the
/// classification of every record into exactly one <see cref="RecordClass"/>. The decoder, the verifier's
/// fast screen and `mvps decode` all start here, so they share one set of rules. Never throws on content.
/// Checksums are computed only for MVPS frames, the only records that are judged.
/// </summary>
public static class PacketDissector
{
    /// <summary>Worded once, so that dissecting allocates nothing.</summary>
    private static readonly string NotBfdControlNote = string.Create(CultureInfo.InvariantCulture,
        $"to a BFD port, but not a BFD Control packet (length below {Bfd.MinimumLength} or beyond the UDP payload)");

    /// <summary>Dissects one captured record.</summary>
    /// <param name="linkType">The record's LINKTYPE_ value (<see cref="LinkTypes"/>).</param>
    /// <param name="data">The captured bytes of the record.</param>
    /// <returns>The layers found and the record's class; offsets are into <paramref name="data"/>.</returns>
    public static PacketLayers Dissect(uint linkType, ReadOnlySpan<byte> data)
    {
        var s = new State { LinkType = linkType, NetworkOffset = -1, UdpOffset = -1 };
        int network;
        ushort etherType;
        switch (linkType)
        {
            case LinkTypes.Ethernet or LinkTypes.LinuxSll or LinkTypes.LinuxSll2:
                (network, var protocolOffset) = EtherTypeHeader(linkType);
                if (data.Length < network)
                {
                    return s.Truncated(data.Length, network);
                }

                etherType = BinaryPrimitives.ReadUInt16BigEndian(data[protocolOffset..]);
                break;
            case LinkTypes.Null:
            case LinkTypes.Loop:
                if (data.Length < NullLoopback.HeaderLength)
                {
                    return s.Truncated(data.Length, NullLoopback.HeaderLength);
                }

                var family = linkType == LinkTypes.Loop
                    ? BinaryPrimitives.ReadUInt32BigEndian(data)
                    : BinaryPrimitives.ReadUInt32LittleEndian(data);
                if (family > 0xFFFF)
                {
                    family = BinaryPrimitives.ReverseEndianness(family); // written by a big-endian host
                }

                return family switch
                {
                    NullLoopback.AddressFamilyInet => Ipv4Layer(ref s, data, NullLoopback.HeaderLength),
                    NullLoopback.AddressFamilyInet6Linux or NullLoopback.AddressFamilyInet6Bsd
                        or NullLoopback.AddressFamilyInet6FreeBsd or NullLoopback.AddressFamilyInet6Darwin
                        => Ipv6Layer(ref s, data, NullLoopback.HeaderLength),
                    _ => s.Finish(RecordClass.NotIp, "loopback address family is not IP"),
                };
            case LinkTypes.Raw:
                if (data.Length < 1)
                {
                    return s.Truncated(0, 1);
                }

                return (data[0] >> 4) switch
                {
                    4 => Ipv4Layer(ref s, data, 0),
                    6 => Ipv6Layer(ref s, data, 0),
                    _ => s.Finish(RecordClass.NotIp, "raw packet of IP version other than 4 or 6"),
                };
            case LinkTypes.Ipv4:
                return Ipv4Layer(ref s, data, 0);
            case LinkTypes.Ipv6:
                return Ipv6Layer(ref s, data, 0);
            default:
                return s.Finish(RecordClass.UnsupportedLinkType, null);
        }

        // Ethernet and Linux cooked captures: an EtherType, possibly behind one or two VLAN tags.
        while (etherType is EtherTypes.Vlan or EtherTypes.ServiceVlan or EtherTypes.LegacyQinQ)
        {
            if (s.VlanCount == Ethernet.MaxVlanTags)
            {
                s.EtherType = etherType;
                return s.Finish(RecordClass.NotIp, "more than two VLAN tags");
            }

            if (data.Length < network + Ethernet.VlanTagLength)
            {
                return s.Truncated(data.Length, network + Ethernet.VlanTagLength);
            }

            var id = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(data[network..]) & Ethernet.VlanIdMask);
            if (s.VlanCount == 0)
            {
                s.OuterVlanId = id;
            }
            else
            {
                s.InnerVlanId = id;
            }

            s.VlanCount++;
            etherType = BinaryPrimitives.ReadUInt16BigEndian(data[(network + 2)..]);
            network += Ethernet.VlanTagLength;
        }

        s.EtherType = etherType;
        return etherType switch
        {
            EtherTypes.Ipv4 => Ipv4Layer(ref s, data, network),
            EtherTypes.Ipv6 => Ipv6Layer(ref s, data, network),
            EtherTypes.Arp => s.Finish(RecordClass.Arp, null),
            < EtherTypes.Minimum => s.Finish(RecordClass.NotIp, "802.3 length field, not an EtherType (LLC)"),
            _ => s.Finish(RecordClass.NotIp, null),
        };
    }

    /// <summary>The link layers that end in an EtherType: their header length and where the EtherType sits.</summary>
    private static (int HeaderLength, int ProtocolOffset) EtherTypeHeader(uint linkType) => linkType switch
    {
        LinkTypes.Ethernet => (Ethernet.HeaderLength, Ethernet.EtherTypeOffset),
        LinkTypes.LinuxSll => (LinuxSll.HeaderLength, LinuxSll.ProtocolOffset),
        _ => (LinuxSll2.HeaderLength, LinuxSll2.ProtocolOffset),
    };

    private static PacketLayers Ipv4Layer(ref State s, ReadOnlySpan<byte> data, int at)
    {
        s.NetworkOffset = at;
        s.IpVersion = 4;
        if (data.Length < at + Ipv4.MinimumHeaderLength)
        {
            return s.Truncated(data.Length, at + Ipv4.MinimumHeaderLength);
        }

        var ip = data[at..];
        if (ip[0] >> 4 != 4)
        {
            return s.Finish(RecordClass.Malformed, "IPv4 EtherType, but the IP version is not 4");
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[Ipv4.TotalLengthOffset..]);
        if (headerLength < Ipv4.MinimumHeaderLength || totalLength < headerLength)
        {
            return s.Finish(RecordClass.Malformed, "IPv4 header length or total length impossible");
        }

        s.HopLimit = ip[Ipv4.TtlOffset];
        s.IpProtocol = ip[Ipv4.ProtocolOffset];
        s.AddressOffset = at + Ipv4.SourceOffset;
        s.AddressLength = Ipv4.AddressLength;
        var fragment = BinaryPrimitives.ReadUInt16BigEndian(ip[Ipv4.FlagsFragmentOffset..]);
        if ((fragment & Ipv4.FragmentBits) != 0)
        {
            return s.Finish(RecordClass.Fragment, null);
        }

        if (s.IpProtocol != Udp.Protocol)
        {
            return s.Finish(RecordClass.OtherIp, null);
        }

        if (data.Length < at + headerLength)
        {
            return s.Truncated(data.Length, at + headerLength);
        }

        var result = UdpLayer(ref s, data, at + headerLength, at + totalLength);
        if (result.Class == RecordClass.Mvps)
        {
            result = result with
            {
                Ipv4HeaderChecksum = InternetChecksum.Verifies(data.Slice(at, headerLength), [], 0) ? ChecksumState.Valid : ChecksumState.Mismatch,
                UdpChecksum = UdpChecksumState(data, result, pseudoHeaderLengthField: false),
            };
        }

        return result;
    }

    private static PacketLayers Ipv6Layer(ref State s, ReadOnlySpan<byte> data, int at)
    {
        s.NetworkOffset = at;
        s.IpVersion = 6;
        if (data.Length < at + Ipv6.HeaderLength)
        {
            return s.Truncated(data.Length, at + Ipv6.HeaderLength);
        }

        var ip = data[at..];
        if (ip[0] >> 4 != 6)
        {
            return s.Finish(RecordClass.Malformed, "IPv6 EtherType, but the IP version is not 6");
        }

        s.HopLimit = ip[Ipv6.HopLimitOffset];
        s.AddressOffset = at + Ipv6.SourceOffset;
        s.AddressLength = Ipv6.AddressLength;
        var end = at + Ipv6.HeaderLength + BinaryPrimitives.ReadUInt16BigEndian(ip[Ipv6.PayloadLengthOffset..]);
        var next = ip[Ipv6.NextHeaderOffset];
        var header = at + Ipv6.HeaderLength;
        for (var skipped = 0; ; skipped++)
        {
            int length;
            switch (next)
            {
                case Ipv6.HopByHop:
                case Ipv6.Routing:
                case Ipv6.DestinationOptions:
                case Ipv6.AuthenticationHeader:
                case Ipv6.Fragment:
                    if (skipped == Ipv6.MaxExtensionHeaders)
                    {
                        return s.Finish(RecordClass.OtherIp, "more IPv6 extension headers than are followed");
                    }

                    if (data.Length < header + 8)
                    {
                        return s.Truncated(data.Length, header + 8);
                    }

                    if (next == Ipv6.Fragment)
                    {
                        var offsetFlags = BinaryPrimitives.ReadUInt16BigEndian(data[(header + 2)..]);
                        if ((offsetFlags & (Ipv6.FragmentOffsetMask | Ipv6.MoreFragments)) != 0)
                        {
                            s.IpProtocol = data[header];
                            return s.Finish(RecordClass.Fragment, null);
                        }

                        length = Ipv6.FragmentHeaderLength; // an atomic fragment (RFC 6946): the packet is whole
                    }
                    else
                    {
                        length = next == Ipv6.AuthenticationHeader ? (data[header + 1] + 2) * 4 : (data[header + 1] + 1) * 8;
                    }

                    next = data[header];
                    header += length;
                    if (header > end)
                    {
                        return s.Finish(RecordClass.Malformed, "IPv6 extension headers run past the payload length");
                    }

                    continue;
            }

            break;
        }

        s.IpProtocol = next;
        if (next != Udp.Protocol)
        {
            return s.Finish(RecordClass.OtherIp, null);
        }

        var result = UdpLayer(ref s, data, header, end);
        if (result.Class == RecordClass.Mvps)
        {
            // RFC 8200 §8.1: over IPv6 a zero UDP checksum is not "none" but wrong.
            result = result with { UdpChecksum = UdpChecksumState(data, result, pseudoHeaderLengthField: true) };
        }

        return result;
    }

    /// <summary>UDP header at <paramref name="at"/>; the IP packet ends at <paramref name="ipEnd"/> (Ethernet padding may follow).</summary>
    private static PacketLayers UdpLayer(ref State s, ReadOnlySpan<byte> data, int at, int ipEnd)
    {
        if (data.Length < at + Udp.HeaderLength)
        {
            return s.Truncated(data.Length, at + Udp.HeaderLength);
        }

        s.UdpOffset = at;
        s.SourcePort = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
        s.DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(data[(at + Udp.LengthOffset)..]);
        s.PayloadOffset = at + Udp.HeaderLength;
        s.PayloadLength = Math.Max(udpLength - Udp.HeaderLength, 0);
        if (s.DestinationPort is not (Udp.BfdSingleHopPort or Udp.BfdMultihopPort))
        {
            // Echo payloads are opaque, so, as other UDP, they are classed by port alone.
            return s.Finish(s.DestinationPort == Udp.BfdEchoPort ? RecordClass.BfdEcho : RecordClass.OtherUdp, null);
        }

        if (udpLength < Udp.HeaderLength || at + udpLength > ipEnd)
        {
            return s.Finish(RecordClass.Malformed, "UDP length does not fit the IP packet");
        }

        if (data.Length < at + udpLength)
        {
            return s.Truncated(data.Length, at + udpLength);
        }

        var payload = data.Slice(s.PayloadOffset, s.PayloadLength);
        if (payload.Length < Bfd.MinimumLength || payload[Bfd.LengthOffset] < Bfd.MinimumLength || payload[Bfd.LengthOffset] > payload.Length)
        {
            return s.Finish(RecordClass.Malformed, NotBfdControlNote);
        }

        return s.Finish(payload.Length > payload[Bfd.LengthOffset] ? RecordClass.Mvps : RecordClass.BfdWithoutExtension, null);
    }

    private static ChecksumState UdpChecksumState(ReadOnlySpan<byte> data, in PacketLayers layers, bool pseudoHeaderLengthField)
    {
        var udp = data.Slice(layers.UdpOffset, Udp.HeaderLength + layers.PayloadLength);
        if (BinaryPrimitives.ReadUInt16BigEndian(udp[Udp.ChecksumOffset..]) == 0)
        {
            return pseudoHeaderLengthField ? ChecksumState.Mismatch : ChecksumState.Absent;
        }

        // Pseudo-header: both addresses, protocol and UDP length (the same sum for IPv4 and IPv6).
        return InternetChecksum.Verifies(data.Slice(layers.AddressOffset, 2 * layers.AddressLength), udp, Udp.Protocol + (uint)udp.Length)
            ? ChecksumState.Valid
            : ChecksumState.Mismatch;
    }

    /// <summary>The facts gathered so far; turned into the immutable result at whichever layer the walk ends.</summary>
    private struct State
    {
        public uint LinkType;
        public ushort EtherType;
        public byte VlanCount;
        public ushort OuterVlanId;
        public ushort InnerVlanId;
        public int NetworkOffset;
        public byte IpVersion;
        public byte HopLimit;
        public byte IpProtocol;
        public int AddressOffset;
        public byte AddressLength;
        public int UdpOffset;
        public ushort SourcePort;
        public ushort DestinationPort;
        public int PayloadOffset;
        public int PayloadLength;

        public readonly PacketLayers Truncated(int captured, int needed) =>
            Finish(RecordClass.CapturedTruncated, null) with { CapturedBytes = captured, NeededBytes = needed };

        public readonly PacketLayers Finish(RecordClass kind, string? note) => new()
        {
            Class = kind,
            LinkType = LinkType,
            EtherType = EtherType,
            VlanCount = VlanCount,
            OuterVlanId = OuterVlanId,
            InnerVlanId = InnerVlanId,
            NetworkOffset = NetworkOffset,
            IpVersion = IpVersion,
            HopLimit = HopLimit,
            IpProtocol = IpProtocol,
            AddressOffset = AddressOffset,
            AddressLength = AddressLength,
            UdpOffset = UdpOffset,
            SourcePort = SourcePort,
            DestinationPort = DestinationPort,
            PayloadOffset = PayloadOffset,
            PayloadLength = PayloadLength,
            Note = note,
        };
    }
}
