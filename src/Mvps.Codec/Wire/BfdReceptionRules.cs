namespace Mvps.Codec.Wire;

/// <summary>
/// RFC 5880 §6.8.6, the checks a received BFD Control packet must pass before it is used, stated once: each rule
/// alone, on the field it judges (the frame rules of <see cref="FrameDecoder"/> and <see cref="FrameScreen"/> apply those a frame can break
/// on its own), and <see cref="Check(in BfdControlPacket, int, uint)"/>, all of them in the RFC's order for a
/// session without authentication (`mvps send`).
/// </summary>
public static class BfdReceptionRules
{
    /// <summary>The version is 1, the only one RFC 5880 defines.</summary>
    internal static bool VersionHolds(byte version) => version == WireConstants.BfdVersion;

    /// <summary>Length covers the mandatory section (and Auth Type and Auth Len when the A bit is set) and no more than was received.</summary>
    internal static bool LengthHolds(in BfdControlPacket packet, int receivedLength) =>
        packet.Length >= (AuthenticationAbsent(packet.Flags) ? PacketLayout.Bfd.MinimumLength : PacketLayout.Bfd.MinimumLengthWithAuthentication)
        && packet.Length <= receivedLength;

    /// <summary>Detect Mult is not zero.</summary>
    internal static bool DetectMultiplierHolds(byte detectMultiplier) => detectMultiplier != 0;

    /// <summary>The M bit is clear (multipoint is not for single-hop sessions).</summary>
    internal static bool MultipointClear(BfdFlags flags) => (flags & BfdFlags.Multipoint) == 0;

    /// <summary>My Discriminator is not zero.</summary>
    internal static bool MyDiscriminatorHolds(uint myDiscriminator) => myDiscriminator != 0;

    /// <summary>Your Discriminator may be zero only while the sender is Down or AdminDown (it has not heard from us).</summary>
    internal static bool YourDiscriminatorHolds(in BfdControlPacket packet) =>
        packet.YourDiscriminator != 0 || packet.State is BfdState.Down or BfdState.AdminDown;

    /// <summary>The A bit is clear: what a session without authentication, and the evidence frame, require.</summary>
    internal static bool AuthenticationAbsent(BfdFlags flags) => (flags & BfdFlags.AuthenticationPresent) == 0;

    /// <summary>Every §6.8.6 check on the packet at the start of <paramref name="payload"/> (the whole UDP payload).</summary>
    public static BfdReception Check(ReadOnlySpan<byte> payload, uint localDiscriminator) =>
        payload.Length < PacketLayout.Bfd.MinimumLength
            ? BfdReception.Truncated
            : Check(BfdControlPacket.Read(payload), payload.Length, localDiscriminator);

    /// <summary>
    /// Every §6.8.6 check on a packet that arrived in <paramref name="receivedLength"/> bytes, for the one session
    /// whose discriminator is <paramref name="localDiscriminator"/> and which uses no authentication.
    /// </summary>
    public static BfdReception Check(in BfdControlPacket packet, int receivedLength, uint localDiscriminator)
    {
        if (!VersionHolds(packet.Version))
        {
            return BfdReception.WrongVersion;
        }

        if (!LengthHolds(packet, receivedLength))
        {
            return BfdReception.BadLength;
        }

        if (!DetectMultiplierHolds(packet.DetectMultiplier))
        {
            return BfdReception.ZeroDetectMultiplier;
        }

        if (!MultipointClear(packet.Flags))
        {
            return BfdReception.MultipointSet;
        }

        if (!MyDiscriminatorHolds(packet.MyDiscriminator))
        {
            return BfdReception.ZeroMyDiscriminator;
        }

        if (packet.YourDiscriminator != 0 && packet.YourDiscriminator != localDiscriminator)
        {
            return BfdReception.UnknownYourDiscriminator;
        }

        if (!YourDiscriminatorHolds(packet))
        {
            return BfdReception.ZeroYourDiscriminator;
        }

        return AuthenticationAbsent(packet.Flags) ? BfdReception.Valid : BfdReception.UnexpectedAuthentication;
    }
}
