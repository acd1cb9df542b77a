using System.Security.Cryptography;
using System.Text;

namespace Mvps.Release.Tests;

public sealed class Sha256SumsTests
{
    [Fact]
    public void FormatIsGnuTextModeSortedOrdinalWithLf()
    {
        var text = Sha256Sums.Format([new("b", new string('b', 64)), new("B", new string('1', 64)), new("a b", new string('a', 64))]);

        Assert.Equal($"{new string('1', 64)}  B\n{new string('a', 64)}  a b\n{new string('b', 64)}  b\n", text);
    }

    [Fact]
    public void ComputeHashesEveryRegularFileNonRecursivelyInOrdinalOrder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("z.txt"), "z");
        File.WriteAllText(temp.File("A.txt"), "A");
        temp.Sub("nested");
        File.WriteAllText(Path.Combine(temp.Path, "nested", "inner.txt"), "inner");

        var entries = Sha256Sums.Compute(temp.Path);

        Assert.Equal(["A.txt", "z.txt"], entries.Select(e => e.Name));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("z"u8)), entries[1].Sha256);
    }

    [Fact]
    public void ParseAcceptsTextAndBinaryModeAndReportsMalformedLinesByNumber()
    {
        string good = new('0', 64);
        var text = $"{good}  one\n{good} *two\nnot a line\n{good}  one\n{new string('g', 64)}  three\n{good}  sub/four\n";

        var list = Sha256Sums.Parse(text);

        Assert.Equal(["one", "two"], list.Entries.Select(e => e.Name));
        Assert.All(list.Problems, p => Assert.Equal("SHA256SUMS", p.File));
        Assert.Equal(["line 3", "line 4", "line 5", "line 6"], list.Problems.Select(p => p.Message.Split(':')[0]));
        Assert.Contains("twice", list.Problems[1].Message);
    }

    [Fact]
    public void ParseRejectsCrLfAndInvalidUtf8()
    {
        Assert.Contains("CR", Sha256Sums.Parse($"{new string('0', 64)}  x\r\n").Problems.Single().Message);
        Assert.Contains("UTF-8", Sha256Sums.Parse(new byte[] { 0xFF, 0xFE }).Problems.Single().Message);
    }

    [Fact]
    public void VerifyNamesEachChangedAndEachMissingFile()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("kept"), "kept");
        File.WriteAllText(temp.File("changed"), "before");
        File.WriteAllText(temp.File("gone"), "gone");
        var list = Sha256Sums.Parse(Sha256Sums.Format(Sha256Sums.Compute(temp.Path)));
        File.WriteAllText(temp.File("changed"), "after");
        File.Delete(temp.File("gone"));

        var problems = Sha256Sums.Verify(temp.Path, list);

        Assert.Equal(["changed", "gone"], problems.Select(p => p.File));
        Assert.Contains("differs", problems[0].Message);
        Assert.Contains("missing", problems[1].Message);
    }

    [ToolFact("sha256sum")]
    public void RealSha256SumAcceptsWhatWeWriteAndRejectsATamperedFile()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("data.bin"), [.. Enumerable.Range(0, 1000).Select(i => (byte)i)]);
        File.WriteAllText(temp.File("with space.txt"), "x\n");
        File.WriteAllBytes(temp.File("SHA256SUMS"), Sha256Sums.FormatBytes(Sha256Sums.Compute(temp.Path, ["data.bin", "with space.txt"])));

        var okOutput = Sha256SumOracle.AcceptsThenRejectsATamperedFile(temp.Path, "with space.txt", "tampered");
        Assert.Contains("with space.txt: OK", okOutput);
    }

    [ToolFact("sha256sum")]
    public void WeParseWhatRealSha256SumWrites()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("a.txt"), "a");
        File.WriteAllText(temp.File("b.txt"), "b");

        (var exit, var output) = ExternalProgram.Run("sha256sum", ["b.txt", "a.txt"], workingDirectory: temp.Path);
        var list = Sha256Sums.Parse(Encoding.UTF8.GetBytes(output));

        Assert.Equal(0, exit);
        Assert.Empty(list.Problems);
        Assert.Empty(Sha256Sums.Verify(temp.Path, list));
        Assert.Equal(Sha256Sums.Compute(temp.Path).OrderBy(e => e.Name, StringComparer.Ordinal), list.Entries.OrderBy(e => e.Name, StringComparer.Ordinal));
    }
}
