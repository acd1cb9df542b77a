namespace Mvps.Release;

/// <summary>One thing wrong with a release: the file it concerns and what is wrong, printable as one line.</summary>
public sealed record ReleaseProblem(string File, string Message)
{
    /// <summary>The problem as "file: message" on one line.</summary>
    public override string ToString() => $"{ReleaseFileNames.Printable(File)}: {Message.ReplaceLineEndings(" ")}";
}
