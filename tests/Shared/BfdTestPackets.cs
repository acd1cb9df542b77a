using System.Buffers.Binary;

namespace Mvps.Tests.Shared;

/// <summary>Third-party BFD Control packets built byte by byte from RFC 5880 §4, as a peer would send them.</summary>
public static class BfdTestPackets
{
    /// <summary>A version 1 Control packet; with an authentication section the A bit is set and Length covers it.</summary>
    public static byte[] Control(byte diagnostic, byte state, byte flags, byte multiplier, uint my, uint your, uint tx, uint rx, uint echo, byte[]? authentication = null)
    {
        var packet = new byte[24 + (authentication?.Length ?? 0)];
        packet[0] = (byte)((1 << 5) | diagnostic);
        packet[1] = (byte)((state << 6) | flags | (authentication is null ? 0 : 0x04));
        packet[2] = multiplier;
        packet[3] = (byte)packet.Length;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), my);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), your);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), tx);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), rx);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(20), echo);
        authentication?.CopyTo(packet, 24);
        return packet;
    }

    /// <summary>An Up packet from discriminator 0x22 to 0x4d565053 carrying <paramref name="authentication"/>.</summary>
    public static byte[] Authenticated(byte[] authentication) =>
        Control(0, 3, 0x00, 3, 0x0000_0022, 0x4d56_5053, 300_000, 300_000, 0, authentication);

    /// <summary>A Simple Password section (RFC 5880 §4.2): type 1, length 3 + the password.</summary>
    public static byte[] SimplePassword(byte keyId, string password) =>
        [1, (byte)(3 + password.Length), keyId, .. System.Text.Encoding.ASCII.GetBytes(password)];

    /// <summary>An MD5 or SHA1 section (RFC 5880 §4.3, §4.4); the digest is a fixed pattern, not a real hash.</summary>
    public static byte[] Keyed(byte type, byte length, byte keyId, uint sequence, int digestLength)
    {
        var section = new byte[8 + digestLength];
        section[0] = type;
        section[1] = length;
        section[2] = keyId;
        BinaryPrimitives.WriteUInt32BigEndian(section.AsSpan(4), sequence);
        for (var i = 0; i < digestLength; i++)
        {
            section[8 + i] = (byte)(0xA0 + i);
        }

        return section;
    }
}
