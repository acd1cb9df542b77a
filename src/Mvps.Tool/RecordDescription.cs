using System.Net;
using Mvps.Codec.Wire;
using static Mvps.IO.Invariant;

namespace Mvps.Tool;

/// <summary>How `decode` and `diff` name a record's encapsulation and addresses.</summary>
internal static class RecordDescription
{
    /// <summary>Link type name and VLAN ids, e.g. "ethernet vlan=100.200" or "sll2".</summary>
    public static string Encapsulation(in PacketLayers layers) => layers.VlanCount switch
    {
        0 => LinkTypes.Name(layers.LinkType),
        1 => I($"{LinkTypes.Name(layers.LinkType)} vlan={layers.OuterVlanId}"),
        _ => I($"{LinkTypes.Name(layers.LinkType)} vlan={layers.OuterVlanId}.{layers.InnerVlanId}"),
    };

    public static string? Source(ReadOnlySpan<byte> data, in PacketLayers layers) =>
        layers.AddressLength == 0 ? null : new IPAddress(data.Slice(layers.AddressOffset, layers.AddressLength)).ToString();

    public static string? Destination(ReadOnlySpan<byte> data, in PacketLayers layers) =>
        layers.AddressLength == 0 ? null : new IPAddress(data.Slice(layers.AddressOffset + layers.AddressLength, layers.AddressLength)).ToString();

    /// <summary>"a:port > b:port" (IPv6 in brackets), "a > b" without UDP, "" without IP.</summary>
    public static string Addresses(ReadOnlySpan<byte> data, in PacketLayers layers)
    {
        if (Source(data, layers) is not string source || Destination(data, layers) is not string destination)
        {
            return "";
        }

        if (layers.UdpOffset < 0)
        {
            return I($"{source} > {destination} proto={layers.IpProtocol}");
        }

        var v6 = layers.IpVersion == 6;
        return I($"{(v6 ? "[" + source + "]" : source)}:{layers.SourcePort} > {(v6 ? "[" + destination + "]" : destination)}:{layers.DestinationPort}");
    }

    /// <summary>BFD fields of the peer's plain Control packet: state, discriminators, Length, and the authentication type, key and sequence when present.</summary>
    public static string Bfd(ReadOnlySpan<byte> data, in PacketLayers layers)
    {
        var p = data.Slice(layers.PayloadOffset, layers.PayloadLength);
        var bfd = BfdControlPacket.Read(p);
        var text = I($"bfd={bfd.State}/{bfd.Diagnostic} my=0x{bfd.MyDiscriminator:x8} your=0x{bfd.YourDiscriminator:x8} length={bfd.Length}");
        if (BfdAuthentication.TryRead(p, out var auth))
        {
            text += I($" auth={auth.Type}/{auth.Length}") + (auth.KeyId is byte key ? I($" key={key}") : "") + (auth.SequenceNumber is uint sequence ? I($" seq={sequence}") : "");
        }

        return text;
    }
}
