namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 flag bits, as they sit in the low six bits of the second byte.</summary>
[Flags]
public enum BfdFlags : byte
{
    /// <summary>No flag set: what every MVPS frame carries.</summary>
    None = 0,
    /// <summary>M: reserved for point-to-multipoint; must be zero (RFC 5880 §6.8.6).</summary>
    Multipoint = 0x01,
    /// <summary>D: the sender wants Demand mode.</summary>
    Demand = 0x02,
    /// <summary>A: an authentication section follows the 24 mandatory bytes.</summary>
    AuthenticationPresent = 0x04,
    /// <summary>C: the sender's BFD does not share fate with its control plane.</summary>
    ControlPlaneIndependent = 0x08,
    /// <summary>F: the answer to a Poll.</summary>
    Final = 0x10,
    /// <summary>P: asks the peer to confirm a parameter change with Final.</summary>
    Poll = 0x20,
}
