namespace Mvps.Codec.Wire;

/// <summary>
/// Offsets and values of the link, network and transport headers <see cref="PacketDissector"/> walks.
/// Sources: IEEE 802.3/802.1Q/802.1ad, the tcpdump.org LINKTYPE_LINUX_SLL/SLL2 and NULL descriptions,
/// RFC 791 (IPv4), RFC 8200 (IPv6 and its extension headers), RFC 768 (UDP), RFC 5881/5883 (BFD ports).
/// The owner of each protocol value (EtherType, IP protocol, port); the Ethernet, IPv4, UDP and BFD header
/// offsets are those of the frame's fields (<see cref="FieldLocations"/>), taken relative to their header.
/// <see cref="WireConstants"/> names the values the evidence frame carries and refers here.
/// </summary>
internal static class PacketLayout
{
    public static class EtherTypes
    {
        public const ushort Ipv4 = 0x0800;
        public const ushort Arp = 0x0806;
        public const ushort Ipv6 = 0x86DD;
        public const ushort Vlan = 0x8100;
        public const ushort ServiceVlan = 0x88A8;
        public const ushort LegacyQinQ = 0x9100;

        /// <summary>Values below this are an 802.3 length, not an EtherType.</summary>
        public const ushort Minimum = 0x0600;
    }

    public static class Ethernet
    {
        public const int EtherTypeOffset = FieldLocations.EtherType - FieldLocations.EthernetDestination;
        public const int HeaderLength = FieldLengths.EthernetHeader;
        public const int VlanTagLength = 4;
        public const int MaxVlanTags = 2;
        public const ushort VlanIdMask = 0x0FFF;
    }

    public static class LinuxSll
    {
        public const int ProtocolOffset = 14;
        public const int HeaderLength = 16;
    }

    public static class LinuxSll2
    {
        public const int ProtocolOffset = 0;
        public const int HeaderLength = 20;
    }

    public static class NullLoopback
    {
        public const int HeaderLength = 4;

        public const uint AddressFamilyInet = 2;

        /// <summary>AF_INET6 as Linux, NetBSD/OpenBSD, FreeBSD and Darwin number it.</summary>
        public const uint AddressFamilyInet6Linux = 10;
        public const uint AddressFamilyInet6Bsd = 24;
        public const uint AddressFamilyInet6FreeBsd = 28;
        public const uint AddressFamilyInet6Darwin = 30;
    }

    public static class Ipv4
    {
        public const int MinimumHeaderLength = FieldLengths.Ipv4Header;
        public const int TotalLengthOffset = FieldLocations.Ipv4TotalLength - FieldLocations.Ipv4;
        public const int FlagsFragmentOffset = FieldLocations.Ipv4FlagsFragment - FieldLocations.Ipv4;
        public const int TtlOffset = FieldLocations.Ipv4Ttl - FieldLocations.Ipv4;
        public const int ProtocolOffset = FieldLocations.Ipv4Protocol - FieldLocations.Ipv4;
        public const int ChecksumOffset = FieldLocations.Ipv4Checksum - FieldLocations.Ipv4;
        public const int SourceOffset = FieldLocations.Ipv4Source - FieldLocations.Ipv4;
        public const int AddressLength = FieldLengths.Ipv4Address;

        /// <summary>RFC 791: the Flags/Fragment Offset word's DF and MF bits and its 13-bit offset.</summary>
        public const ushort DontFragment = 0x4000;
        public const ushort MoreFragments = 0x2000;
        public const ushort FragmentOffsetMask = 0x1FFF;

        /// <summary>The bits that make a packet a fragment: MF set or a nonzero offset (DF alone does not).</summary>
        public const ushort FragmentBits = MoreFragments | FragmentOffsetMask;
    }

    public static class Ipv6
    {
        public const int HeaderLength = 40;
        public const int PayloadLengthOffset = 4;
        public const int NextHeaderOffset = 6;
        public const int HopLimitOffset = 7;
        public const int SourceOffset = 8;
        public const int AddressLength = 16;

        public const byte HopByHop = 0;
        public const byte Routing = 43;
        public const byte Fragment = 44;
        public const byte AuthenticationHeader = 51;
        public const byte DestinationOptions = 60;

        public const int FragmentHeaderLength = 8;
        public const ushort FragmentOffsetMask = 0xFFF8;
        public const ushort MoreFragments = 0x0001;

        /// <summary>Extension headers followed before giving up: real packets carry one or two.</summary>
        public const int MaxExtensionHeaders = 8;
    }

    public static class Udp
    {
        public const byte Protocol = 17;
        public const int HeaderLength = FieldLengths.UdpHeader;
        public const int LengthOffset = FieldLocations.UdpLength - FieldLocations.Udp;
        public const int ChecksumOffset = FieldLocations.UdpChecksum - FieldLocations.Udp;

        /// <summary>RFC 5881 §4: single-hop BFD Control.</summary>
        public const ushort BfdSingleHopPort = 3784;

        /// <summary>RFC 5883 §2: multihop BFD Control.</summary>
        public const ushort BfdMultihopPort = 4784;

        /// <summary>RFC 5881 §4: BFD Echo (single-hop only; the payload is the sender's own business).</summary>
        public const ushort BfdEchoPort = 3785;
    }

    /// <summary>RFC 5880 §4.1–4.4: the BFD Control packet's mandatory section and the head of its authentication section.</summary>
    public static class Bfd
    {
        public const int LengthOffset = PayloadLocations.BfdLength;

        /// <summary>The mandatory section; the authentication section, when the A bit is set, starts here.</summary>
        public const int MinimumLength = FieldLengths.BfdControl;

        /// <summary>RFC 5880 §6.8.6: with the A bit set, Length must leave room for Auth Type and Auth Len.</summary>
        public const int MinimumLengthWithAuthentication = MinimumLength + AuthLengthOffset + 1;

        /// <summary>Offsets within the authentication section, the same for every Auth Type.</summary>
        public const int AuthTypeOffset = 0;
        public const int AuthLengthOffset = 1;
        public const int AuthKeyIdOffset = 2;

        /// <summary>Keyed MD5 and SHA1 (types 2 to 5) only, after a reserved byte.</summary>
        public const int AuthSequenceOffset = 4;
    }
}
