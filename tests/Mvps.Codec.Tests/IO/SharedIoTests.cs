using Mvps.IO;

namespace Mvps.Codec.Tests.IO;

/// <summary>The shared file helpers (src/Shared, compiled into each assembly) as the codec sees them.</summary>
public class SharedIoTests
{
    [Fact]
    public void AtomicFile_replaces_a_symlink_at_the_final_name_and_leaves_its_target_alone()
    {
        using var temp = new TempFolder();
        string victim = temp.File("victim");
        File.WriteAllText(victim, "precious");
        string target = temp.File("out.bin");
        File.CreateSymbolicLink(target, victim);

        AtomicFile.Write(target, stream => stream.Write("new"u8));

        Assert.Equal("precious", File.ReadAllText(victim));
        Assert.Null(new FileInfo(target).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(["out.bin", "victim"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AtomicFile_leaves_nothing_when_the_writer_fails_and_keeps_the_old_file()
    {
        using var temp = new TempFolder();
        string target = temp.File("out.bin");
        File.WriteAllText(target, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("writer failed");
        }));

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal(["out.bin"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void AtomicFile_uses_a_new_unpredictable_temporary_name_each_time()
    {
        using var temp = new TempFolder();
        string target = temp.File("out.bin");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 5; i++)
        {
            AtomicFile.Write(target, stream =>
            {
                string name = Path.GetFileName(((FileStream)stream).Name);
                Assert.Matches("^\\.out\\.bin\\.[0-9a-f]{32}\\.partial$", name);
                Assert.True(seen.Add(name), $"{name} used twice");
            });
        }
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device")]
    [InlineData("/dev/null", "is a character device")]
    [InlineData("/", "is a folder")]
    public void BoundedFile_refuses_what_is_not_a_regular_file(string path, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => BoundedFile.ReadAll(path, 1024, "test"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void BoundedFile_stops_at_the_limit_whatever_the_stream_reports()
    {
        // A stream that never ends and cannot report a length, like a device read through a handle.
        var endless = new EndlessStream();
        var error = Assert.Throws<InvalidDataException>(() => BoundedFile.ReadAll(endless, "endless", 100_000, "test"));
        Assert.Contains("larger than the", error.Message);
        Assert.InRange(endless.Served, 100_001, 100_001 + 65_536);

        byte[] exact = BoundedFile.ReadAll(new MemoryStream(new byte[1024]), "exact", 1024, "test");
        Assert.Equal(1024, exact.Length);
    }

    [Theory]
    [InlineData("plain.pcap", "plain.pcap")]
    [InlineData("a\nb", "a?b")]
    [InlineData("tab\there\r\n\u001b[2J\u0085\u007f", "tab?here???[2J??")]
    public void DisplayName_cleans_control_characters(string name, string expected) => Assert.Equal(expected, DisplayName.Of(name));

    [Fact]
    public void DisplayName_cuts_a_huge_name_and_states_its_length()
    {
        string shown = DisplayName.Of(new string('x', 100_000));
        Assert.Equal(DisplayName.MaxLength + " (100000 characters)".Length + 3, shown.Length);
        Assert.EndsWith("... (100000 characters)", shown);
    }

    private sealed class EndlessStream : Mvps.Codec.Tests.Capture.ForwardOnlyReadStream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }
    }
}
