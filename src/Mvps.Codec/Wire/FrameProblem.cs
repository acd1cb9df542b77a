namespace Mvps.Codec.Wire;

/// <summary>One thing wrong with a frame, at the frame offset of the field concerned.</summary>
public readonly record struct FrameProblem(FrameProblemKind Kind, int Offset, string Detail)
{
    /// <summary>The problem as "offset N: detail", the form the decoder's callers print.</summary>
    public override string ToString() => $"offset {Offset}: {Detail}";
}
