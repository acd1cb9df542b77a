namespace Mvps.Tool.Tests;

/// <summary>A committed evidence file copied into a test's folder and damaged there, for the commands to find.</summary>
internal static class EvidenceCopy
{
    /// <summary>The copy of evidence file <paramref name="name"/> in <paramref name="temp"/>, its bytes changed in place by <paramref name="edit"/>.</summary>
    public static string Edited(TempFolder temp, string name, Action<byte[]> edit) => Rewritten(temp, name, bytes =>
    {
        edit(bytes);
        return bytes;
    });

    /// <summary>The copy of evidence file <paramref name="name"/> in <paramref name="temp"/>, its bytes replaced by what <paramref name="rewrite"/> makes of them.</summary>
    public static string Rewritten(TempFolder temp, string name, Func<byte[], byte[]> rewrite)
    {
        var copy = temp.Copy(MvpsProcess.Evidence(name));
        File.WriteAllBytes(copy, rewrite(File.ReadAllBytes(copy)));
        return copy;
    }
}
