namespace Mvps.Codec.Wire;

/// <summary>RFC 5880 §4.1 diagnostic codes (5 bits).</summary>
public enum BfdDiagnostic : byte
{
    NoDiagnostic = 0,
    ControlDetectionTimeExpired = 1,
    EchoFunctionFailed = 2,
    NeighborSignaledSessionDown = 3,
    ForwardingPlaneReset = 4,
    PathDown = 5,
    ConcatenatedPathDown = 6,
    AdministrativelyDown = 7,
    ReverseConcatenatedPathDown = 8,
}
