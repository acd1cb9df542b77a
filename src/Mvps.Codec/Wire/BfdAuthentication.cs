using System.Buffers.Binary;
using static Mvps.Codec.Wire.PacketLayout;

namespace Mvps.Codec.Wire;

/// <summary>
/// The head of a BFD Control packet's authentication section (RFC 5880 §4.2–4.4): Auth Type and Auth Len, the
/// Auth Key ID, and for the MD5 and SHA1 types the Sequence Number. The password or digest itself is not read:
/// a decoder has no use for it and a simple password is a secret.
/// </summary>
/// <param name="Type">Auth Type.</param>
/// <param name="Length">Auth Len, as the packet states it: the length of the whole section.</param>
/// <param name="KeyId">Null when the section ends before it.</param>
/// <param name="SequenceNumber">Null for the other types, or when the section ends before it.</param>
public readonly record struct BfdAuthentication(BfdAuthenticationType Type, byte Length, byte? KeyId, uint? SequenceNumber)
{
    /// <summary>
    /// The section of <paramref name="packet"/> (a BFD Control packet, whose Length field bounds it) when the A bit
    /// is set and the Length leaves room for at least Auth Type and Auth Len (<see cref="PacketLayout.Bfd.MinimumLengthWithAuthentication"/>, RFC 5880 §6.8.6).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, out BfdAuthentication authentication)
    {
        authentication = default;
        if (packet.Length < Bfd.MinimumLength
            || (packet[PayloadLocations.BfdStateFlags] & (byte)BfdFlags.AuthenticationPresent) == 0)
        {
            return false;
        }

        var section = packet[Bfd.MinimumLength..Math.Min(packet[Bfd.LengthOffset], packet.Length)];
        if (section.Length <= Bfd.AuthLengthOffset)
        {
            return false;
        }

        var type = (BfdAuthenticationType)section[Bfd.AuthTypeOffset];
        var sequenced = type is >= BfdAuthenticationType.KeyedMd5 and <= BfdAuthenticationType.MeticulousKeyedSha1;
        authentication = new BfdAuthentication(
            type,
            section[Bfd.AuthLengthOffset],
            section.Length > Bfd.AuthKeyIdOffset ? section[Bfd.AuthKeyIdOffset] : null,
            sequenced && section.Length >= Bfd.AuthSequenceOffset + 4 ? BinaryPrimitives.ReadUInt32BigEndian(section[Bfd.AuthSequenceOffset..]) : null);
        return true;
    }
}
