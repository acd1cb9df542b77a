namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 session state (Sta).</summary>
public enum BfdState : byte
{
    AdminDown = 0,
    Down = 1,
    Init = 2,
    Up = 3,
}
