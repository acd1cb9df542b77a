using System.Buffers.Binary;

namespace Mvps.Codec.Wire;

/// <summary>The mandatory section of an RFC 5880 BFD Control packet (24 bytes, no authentication).</summary>
public readonly record struct BfdControlPacket(
    byte Version,
    BfdDiagnostic Diagnostic,
    BfdState State,
    BfdFlags Flags,
    byte DetectMultiplier,
    byte Length,
    uint MyDiscriminator,
    uint YourDiscriminator,
    uint DesiredMinTxIntervalUs,
    uint RequiredMinRxIntervalUs,
    uint RequiredMinEchoRxIntervalUs)
{
    /// <summary>
    /// RFC 5880 §6.8.3: while a session is not Up, a system sends no faster than once a second, so its Desired Min
    /// TX Interval is at least this many microseconds.
    /// </summary>
    public const uint SlowTxIntervalUs = 1_000_000;

    /// <summary>Reads the mandatory section at the start of <paramref name="packet"/> (at least 24 bytes) without judging it.</summary>
    public static BfdControlPacket Read(ReadOnlySpan<byte> packet) => new(
        Version: ReadVersion(packet),
        Diagnostic: (BfdDiagnostic)(packet[PayloadLocations.BfdVersionDiag] & 0x1F),
        State: (BfdState)(packet[PayloadLocations.BfdStateFlags] >> 6),
        Flags: ReadFlags(packet),
        DetectMultiplier: packet[PayloadLocations.BfdDetectMultiplier],
        Length: packet[PayloadLocations.BfdLength],
        MyDiscriminator: ReadMyDiscriminator(packet),
        YourDiscriminator: BinaryPrimitives.ReadUInt32BigEndian(packet[PayloadLocations.BfdYourDiscriminator..]),
        DesiredMinTxIntervalUs: BinaryPrimitives.ReadUInt32BigEndian(packet[PayloadLocations.BfdDesiredMinTx..]),
        RequiredMinRxIntervalUs: BinaryPrimitives.ReadUInt32BigEndian(packet[PayloadLocations.BfdRequiredMinRx..]),
        RequiredMinEchoRxIntervalUs: BinaryPrimitives.ReadUInt32BigEndian(packet[PayloadLocations.BfdRequiredMinEchoRx..]));

    /// <summary>The fields the frame rules judge, read alone so that the fast screen reads no more than it checks.</summary>
    internal static byte ReadVersion(ReadOnlySpan<byte> packet) => (byte)(packet[PayloadLocations.BfdVersionDiag] >> 5);

    internal static BfdFlags ReadFlags(ReadOnlySpan<byte> packet) => (BfdFlags)(packet[PayloadLocations.BfdStateFlags] & 0x3F);

    internal static uint ReadMyDiscriminator(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[PayloadLocations.BfdMyDiscriminator..]);
}
