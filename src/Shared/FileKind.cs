using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Mvps.IO;

/// <summary>What a path names, asked of the kernel without opening it (opening a FIFO blocks until a writer comes).</summary>
internal enum FileKindValue
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// The file type bits of stat(2). .NET reports a FIFO, a device and a socket all as a file of length 0,
/// so they are asked of statx(2) on Linux, whose struct layout (unlike stat's) is the same on every architecture.
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxBufferLength = 256;

    /// <summary>The kind of <paramref name="path"/>; with <paramref name="followLinks"/> false a symlink is reported as one.</summary>
    public static FileKindValue Of(string path, bool followLinks = true)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[StatxBufferLength];
            if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, buffer) != 0)
            {
                return FileKindValue.Missing;
            }

            return (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(StatxModeOffset)) & 0xF000) switch
            {
                0x8000 => FileKindValue.Regular,
                0x4000 => FileKindValue.Directory,
                0xA000 => FileKindValue.SymbolicLink,
                0x1000 => FileKindValue.Fifo,
                0x2000 => FileKindValue.CharacterDevice,
                0x6000 => FileKindValue.BlockDevice,
                0xC000 => FileKindValue.Socket,
                _ => FileKindValue.Other,
            };
        }

        // Elsewhere .NET's own view: enough to tell files, folders and links apart.
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return FileKindValue.SymbolicLink;
        }

        return Directory.Exists(path) ? FileKindValue.Directory : File.Exists(path) ? FileKindValue.Regular : FileKindValue.Missing;
    }

    /// <summary>"a FIFO", "a character device", ...: for "NAME: is X, not a regular file".</summary>
    public static string Describe(FileKindValue kind) => kind switch
    {
        FileKindValue.Missing => "missing",
        FileKindValue.Regular => "a regular file",
        FileKindValue.Directory => "a folder",
        FileKindValue.SymbolicLink => "a symbolic link",
        FileKindValue.Fifo => "a FIFO (named pipe)",
        FileKindValue.CharacterDevice => "a character device",
        FileKindValue.BlockDevice => "a block device",
        FileKindValue.Socket => "a socket",
        _ => "not a regular file",
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
