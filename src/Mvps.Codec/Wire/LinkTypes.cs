namespace Mvps.Codec.Wire;

/// <summary>
/// The LINKTYPE_* values (the tcpdump.org list of link-layer header types) that <see cref="PacketDissector"/>
/// reads. Any other link type is reported as unsupported, never decoded as if it were one of these.
/// </summary>
public static class LinkTypes
{
    /// <summary>BSD loopback: a 4-byte address family in the capturing host's byte order.</summary>
    public const uint Null = 0;

    /// <summary>Ethernet II (IEEE 802.3), optionally VLAN-tagged: what the evidence captures use.</summary>
    public const uint Ethernet = 1;

    /// <summary>Raw IP: the version is the first nibble.</summary>
    public const uint Raw = 101;

    /// <summary>OpenBSD loopback: as <see cref="Null"/>, with the address family in network byte order.</summary>
    public const uint Loop = 108;

    /// <summary>Linux cooked capture v1 (what tcpdump -i any wrote before 4.99): 16-byte header, protocol at 14.</summary>
    public const uint LinuxSll = 113;

    /// <summary>Raw IPv4: the record starts with the IPv4 header.</summary>
    public const uint Ipv4 = 228;
    /// <summary>Raw IPv6: the record starts with the IPv6 header.</summary>
    public const uint Ipv6 = 229;

    /// <summary>Linux cooked capture v2 (tcpdump -i any since 4.99): 20-byte header, protocol at 0.</summary>
    public const uint LinuxSll2 = 276;

    /// <summary>A short lower-case name of <paramref name="linkType"/> ("ethernet", "sll2"), or "linktype-N" for one not listed here.</summary>
    public static string Name(uint linkType) => linkType switch
    {
        Null => "null",
        Ethernet => "ethernet",
        Raw => "raw",
        Loop => "loop",
        LinuxSll => "sll",
        Ipv4 => "ipv4",
        Ipv6 => "ipv6",
        LinuxSll2 => "sll2",
        _ => "linktype-" + linkType.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
