namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 flag bits, as they sit in the low six bits of the second byte.</summary>
[Flags]
public enum BfdFlags : byte
{
    None = 0,
    Multipoint = 0x01,
    Demand = 0x02,
    AuthenticationPresent = 0x04,
    ControlPlaneIndependent = 0x08,
    Final = 0x10,
    Poll = 0x20,
}
