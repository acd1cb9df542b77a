namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 diagnostic codes (5 bits).</summary>
public enum BfdDiagnostic : byte
{
    /// <summary>Code 0: no diagnostic.</summary>
    NoDiagnostic = 0,
    /// <summary>Code 1: no Control packet arrived within the detection time.</summary>
    ControlDetectionTimeExpired = 1,
    /// <summary>Code 2: the Echo function failed.</summary>
    EchoFunctionFailed = 2,
    /// <summary>Code 3: the neighbour signalled that the session went down.</summary>
    NeighborSignaledSessionDown = 3,
    /// <summary>Code 4: the forwarding plane was reset.</summary>
    ForwardingPlaneReset = 4,
    /// <summary>Code 5: the path is down.</summary>
    PathDown = 5,
    /// <summary>Code 6: a concatenated path is down.</summary>
    ConcatenatedPathDown = 6,
    /// <summary>Code 7: taken down by an operator.</summary>
    AdministrativelyDown = 7,
    /// <summary>Code 8: a reverse concatenated path is down.</summary>
    ReverseConcatenatedPathDown = 8,
}
