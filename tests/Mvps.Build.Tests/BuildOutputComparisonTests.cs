using System.IO.Compression;

namespace Mvps.Build.Tests;

/// <summary>The Reproduce gate: two compiles' outputs are compared byte for byte and a package difference is named by entry.</summary>
public sealed class BuildOutputComparisonTests : IDisposable
{
    private static readonly DateTimeOffset CommitTime = new(2026, 5, 25, 0, 0, 0, TimeSpan.Zero);

    private readonly ComparedFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [Fact]
    public void Identical_outputs_in_nested_folders_pass()
    {
        foreach (var folder in _folders.Both)
        {
            Write(folder, "bin/Mvps.Codec/Mvps.Codec.dll", [1, 2, 3]);
            WritePackage(folder, "packages/Mvps.Codec.1.0.0.nupkg", CommitTime, "lib/net10.0/Mvps.Codec.dll");
        }

        Assert.Empty(BuildOutputComparison.Compare(_folders.First, _folders.Second));
    }

    [Fact]
    public void A_package_entry_timestamp_is_caught_and_named()
    {
        WritePackage(_folders.First, "packages/mvps.1.0.0.nupkg", CommitTime, "tools/net10.0/any/mvps.dll");
        WritePackage(_folders.Second, "packages/mvps.1.0.0.nupkg", CommitTime.AddSeconds(2), "tools/net10.0/any/mvps.dll");

        var differences = BuildOutputComparison.Compare(_folders.First, _folders.Second);

        Assert.NotEmpty(differences);
        Assert.All(differences, difference => Assert.StartsWith("packages/mvps.1.0.0.nupkg: entry ", difference));
        Assert.Contains(differences, difference => difference.StartsWith("packages/mvps.1.0.0.nupkg: entry tools/net10.0/any/mvps.dll: timestamp", StringComparison.Ordinal));
        Assert.DoesNotContain(differences, difference => difference.Contains("content differs", StringComparison.Ordinal));
    }

    [Fact]
    public void One_assembly_byte_is_caught_with_its_offset()
    {
        Write(_folders.First, "bin/mvps/mvps.dll", [0x4d, 0x5a, 0x90, 0x00]);
        Write(_folders.Second, "bin/mvps/mvps.dll", [0x4d, 0x5a, 0x91, 0x00]);

        var difference = Assert.Single(BuildOutputComparison.Compare(_folders.First, _folders.Second));
        Assert.Equal("bin/mvps/mvps.dll: 4 and 4 bytes, first difference at offset 2", difference);
    }

    [Fact]
    public void A_file_made_by_only_one_compile_is_caught()
    {
        Write(_folders.First, "bin/mvps/mvps.dll", [1]);
        Write(_folders.Second, "bin/mvps/mvps.dll", [1]);
        Write(_folders.Second, "bin/mvps/mvps.pdb", [2]);

        var difference = Assert.Single(BuildOutputComparison.Compare(_folders.First, _folders.Second));
        Assert.StartsWith("bin/mvps/mvps.pdb: only in ", difference);
    }

    private static void Write(string folder, string relative, byte[] bytes)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static void WritePackage(string folder, string relative, DateTimeOffset time, string entryName)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var entry = zip.CreateEntry(entryName);
        entry.LastWriteTime = time;
        using var stream = entry.Open();
        stream.Write([1, 2, 3, 4]);
    }
}
