namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 session state (Sta).</summary>
public enum BfdState : byte
{
    /// <summary>State 0: held down by an operator.</summary>
    AdminDown = 0,
    /// <summary>State 1: no session, or the session went down.</summary>
    Down = 1,
    /// <summary>State 2: the peer is heard but has not yet confirmed hearing us.</summary>
    Init = 2,
    /// <summary>State 3: both sides hear each other.</summary>
    Up = 3,
}
