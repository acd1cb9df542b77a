namespace Mvps.Codec.Capture;

/// <summary>
/// Every magic number, offset and length of the capture formats, in one place.
/// Sources: the libpcap file format (draft-ietf-opsawg-pcap) and pcapng (draft-ietf-opsawg-pcapng).
/// </summary>
internal static class CaptureLayout
{
    /// <summary>Upper bound for one packet's captured bytes, as Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD.</summary>
    public const int MaxRecordSize = 262144;

    /// <summary>The timestamp fractions both formats count in: classic pcap's two resolutions and pcapng's nanosecond results.</summary>
    public const uint MicrosecondsPerSecond = 1_000_000;
    public const uint NanosecondsPerSecond = 1_000_000_000;

    /// <summary>Classic libpcap global header (24 bytes).</summary>
    public static class PcapFileHeader
    {
        public const int Length = 24;

        public const int MagicOffset = 0;
        public const int VersionMajorOffset = 4;
        public const int VersionMinorOffset = 6;
        public const int ThisZoneOffset = 8;
        public const int SigFigsOffset = 12;
        public const int SnapLengthOffset = 16;
        public const int LinkTypeOffset = 20;

        /// <summary>Magic as read little-endian from a little-endian microsecond file.</summary>
        public const uint MagicMicroseconds = 0xA1B2C3D4;

        /// <summary>Magic as read little-endian from a big-endian microsecond file.</summary>
        public const uint MagicMicrosecondsSwapped = 0xD4C3B2A1;

        /// <summary>Magic as read little-endian from a little-endian nanosecond file.</summary>
        public const uint MagicNanoseconds = 0xA1B23C4D;

        /// <summary>Magic as read little-endian from a big-endian nanosecond file.</summary>
        public const uint MagicNanosecondsSwapped = 0x4D3CB2A1;

        public const ushort VersionMajor = 2;
        public const ushort VersionMinor = 4;

        public const uint LinkTypeEthernet = Wire.LinkTypes.Ethernet;
        public const int DefaultSnapLength = 65535;
    }

    /// <summary>Classic libpcap per-record header (16 bytes).</summary>
    public static class PcapRecordHeader
    {
        public const int Length = 16;

        public const int TimestampSecondsOffset = 0;
        public const int TimestampFractionOffset = 4;
        public const int IncludedLengthOffset = 8;
        public const int OriginalLengthOffset = 12;
    }

    /// <summary>Block type codes of pcapng.</summary>
    public static class PcapngBlockTypes
    {
        /// <summary>Palindromic, so it reads the same in either byte order.</summary>
        public const uint SectionHeader = 0x0A0D0D0A;
        public const uint InterfaceDescription = 0x00000001;
        public const uint ObsoletePacket = 0x00000002;
        public const uint SimplePacket = 0x00000003;
        public const uint NameResolution = 0x00000004;
        public const uint InterfaceStatistics = 0x00000005;
        public const uint EnhancedPacket = 0x00000006;
        public const uint DecryptionSecrets = 0x0000000A;
        public const uint Custom = 0x00000BAD;
        public const uint CustomNoCopy = 0x40000BAD;
    }

    /// <summary>Framing shared by every pcapng block: type, total length, body, total length again.</summary>
    public static class PcapngBlock
    {
        public const int TypeOffset = 0;
        public const int TotalLengthOffset = 4;
        public const int BodyOffset = 8;

        /// <summary>Type + leading length + trailing length.</summary>
        public const int FramingLength = 12;
        public const int TrailerLength = 4;
        public const int Alignment = 4;

        /// <summary>
        /// Largest block that is held in memory to be parsed (packet and interface blocks).
        /// Other block types are skipped by streaming whatever their length.
        /// </summary>
        public const int MaxBufferedBlockLength = 1 << 20;
    }

    /// <summary>Section Header Block.</summary>
    public static class PcapngSectionHeader
    {
        public const int ByteOrderMagicOffset = 8;
        public const int VersionMajorOffset = 12;
        public const int VersionMinorOffset = 14;
        public const int SectionLengthOffset = 16;
        public const int MinimumLength = 28;

        /// <summary>Byte-order magic as read in the writer's byte order.</summary>
        public const uint ByteOrderMagic = 0x1A2B3C4D;

        /// <summary>Byte-order magic as read in the opposite byte order.</summary>
        public const uint ByteOrderMagicSwapped = 0x4D3C2B1A;

        public const ushort VersionMajor = 1;
    }

    /// <summary>Interface Description Block.</summary>
    public static class PcapngInterfaceDescription
    {
        public const int LinkTypeOffset = 8;
        public const int ReservedOffset = 10;
        public const int SnapLengthOffset = 12;
        public const int OptionsOffset = 16;
        public const int MinimumLength = 20;

        /// <summary>Interfaces per section are bounded so a hostile file cannot grow the table without limit.</summary>
        public const int MaxInterfacesPerSection = 65536;
    }

    /// <summary>Enhanced Packet Block.</summary>
    public static class PcapngEnhancedPacket
    {
        public const int InterfaceIdOffset = 8;
        public const int TimestampHighOffset = 12;
        public const int TimestampLowOffset = 16;
        public const int CapturedLengthOffset = 20;
        public const int OriginalLengthOffset = 24;
        public const int DataOffset = 28;
        public const int MinimumLength = 32;
    }

    /// <summary>Simple Packet Block: always interface 0, no timestamp.</summary>
    public static class PcapngSimplePacket
    {
        public const int OriginalLengthOffset = 8;
        public const int DataOffset = 12;
        public const int MinimumLength = 16;
    }

    /// <summary>
    /// Obsolete Packet Block (type 2), still written by old tools: a 16-bit interface id and a 16-bit drops count
    /// where <see cref="PcapngEnhancedPacket"/> has its 32-bit interface id, and from the timestamp on its layout.
    /// </summary>
    public static class PcapngObsoletePacket
    {
        public const int InterfaceIdOffset = 8;
        public const int DropsCountOffset = 10;
        public const int MinimumLength = PcapngEnhancedPacket.MinimumLength;
    }

    /// <summary>Option encoding: code u16, length u16, value padded to 4 bytes.</summary>
    public static class PcapngOptions
    {
        public const int HeaderLength = 4;
        public const ushort EndOfOptions = 0;
        public const ushort InterfaceTimestampResolution = 9;
        public const ushort InterfaceTimestampOffset = 14;

        /// <summary>if_tsresol high bit set: the rest is a negative power of 2, else of 10.</summary>
        public const byte TimestampResolutionBinaryFlag = 0x80;

        /// <summary>Default if_tsresol: 10^-6 (microseconds).</summary>
        public const byte DefaultTimestampResolution = 6;
    }
}
