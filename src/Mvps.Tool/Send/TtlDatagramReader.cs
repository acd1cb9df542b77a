using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Mvps.Tool.Send;

/// <summary>
/// Reads datagrams together with the TTL they arrived with (IP_RECVTTL and recvmsg(2)): RFC 5881 §5 discards a
/// single-hop packet whose TTL is not 255, and .NET's Socket does not hand out that ancillary data. Linux only;
/// non-blocking (MSG_DONTWAIT), with buffers pinned once for the session, and the sender as numbers rather than
/// an object: reading a datagram allocates nothing, so a flood cannot grow memory. MSG_TRUNC makes the kernel
/// report a datagram's real length even when only the buffer's worth of it is kept.
/// </summary>
internal sealed class TtlDatagramReader : IDisposable
{
    private const int IpProtocolIp = 0;
    private const int IpTtl = 2;
    private const int IpRecvTtl = 12;
    private const int MessageTruncate = 0x20;
    private const int MessageDontWait = 0x40;
    private const int SolSocket = 1;
    private const int SoMemInfo = 55;
    private const int MemInfoDrops = 8; // SK_MEMINFO_DROPS: datagrams the kernel dropped for this socket
    private const int ErrorWouldBlock = 11; // EAGAIN
    private const int SockaddrInLength = 16;
    private const int ControlLength = 64;

    private readonly Socket _socket;
    private readonly GCHandle _data;
    private readonly GCHandle _name;
    private readonly GCHandle _control;
    private readonly IntPtr _iov;
    private readonly byte[] _nameBytes = new byte[SockaddrInLength];
    private readonly byte[] _controlBytes = new byte[ControlLength];

    public TtlDatagramReader(Socket socket, byte[] buffer)
    {
        _socket = socket;
        socket.SetRawSocketOption(IpProtocolIp, IpRecvTtl, BitConverter.GetBytes(1));
        Buffer = buffer;
        _data = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        _name = GCHandle.Alloc(_nameBytes, GCHandleType.Pinned);
        _control = GCHandle.Alloc(_controlBytes, GCHandleType.Pinned);
        _iov = Marshal.AllocHGlobal(Marshal.SizeOf<IoVec>());
        Marshal.StructureToPtr(new IoVec { Base = _data.AddrOfPinnedObject(), Length = (UIntPtr)buffer.Length }, _iov, false);
    }

    public byte[] Buffer { get; }

    /// <summary>
    /// One queued datagram, if any: its real length (more than <see cref="Buffer"/> holds if it was longer), its
    /// sender's IPv4 address as a big-endian number and port, and its TTL (-1 if the kernel gave none).
    /// </summary>
    public bool TryReceive(out int length, out uint senderAddress, out ushort senderPort, out int ttl)
    {
        var message = new MsgHdr
        {
            Name = _name.AddrOfPinnedObject(),
            NameLength = SockaddrInLength,
            Iov = _iov,
            IovLength = 1,
            Control = _control.AddrOfPinnedObject(),
            ControlLength = ControlLength,
        };
        var received = (long)RecvMsg((int)_socket.SafeHandle.DangerousGetHandle(), ref message, MessageDontWait | MessageTruncate);
        if (received < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == ErrorWouldBlock)
            {
                length = 0;
                senderAddress = 0;
                senderPort = 0;
                ttl = 0;
                return false;
            }

            throw new SocketException(error);
        }

        length = (int)received;
        senderAddress = BinaryPrimitives.ReadUInt32BigEndian(_nameBytes.AsSpan(4, 4));
        senderPort = BinaryPrimitives.ReadUInt16BigEndian(_nameBytes.AsSpan(2));
        ttl = FindTtl(_controlBytes.AsSpan(0, (int)message.ControlLength));
        return true;
    }

    /// <summary>The sender of <see cref="TryReceive"/> as an end point, for reports (this allocates).</summary>
    public static IPEndPoint EndPoint(uint address, ushort port)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, address);
        return new IPEndPoint(new IPAddress(bytes), port);
    }

    /// <summary>
    /// The kernel's count of datagrams it dropped for this socket, mostly because the receive buffer was full
    /// (SO_MEMINFO's SK_MEMINFO_DROPS, the "drops" column of /proc/net/udp).
    /// </summary>
    public long KernelDrops()
    {
        Span<byte> info = stackalloc byte[(MemInfoDrops + 1) * sizeof(uint)];
        var written = _socket.GetRawSocketOption(SolSocket, SoMemInfo, info);
        return written >= info.Length ? BitConverter.ToUInt32(info[(MemInfoDrops * sizeof(uint))..]) : -1;
    }

    public void Dispose()
    {
        _data.Free();
        _name.Free();
        _control.Free();
        Marshal.FreeHGlobal(_iov);
    }

    /// <summary>Walks the cmsghdr list (size_t length, int level, int type, data; each aligned to size_t).</summary>
    private static int FindTtl(ReadOnlySpan<byte> control)
    {
        var header = IntPtr.Size + 8;
        var offset = 0;
        while (offset + header <= control.Length)
        {
            var cmsgLength = IntPtr.Size == 8
                ? (long)BitConverter.ToUInt64(control[offset..])
                : BitConverter.ToUInt32(control[offset..]);
            var level = BitConverter.ToInt32(control[(offset + IntPtr.Size)..]);
            var type = BitConverter.ToInt32(control[(offset + IntPtr.Size + 4)..]);
            if (cmsgLength < header || offset + cmsgLength > control.Length)
            {
                break;
            }

            if (level == IpProtocolIp && type == IpTtl && cmsgLength >= header + 4)
            {
                return BitConverter.ToInt32(control[(offset + header)..]);
            }

            offset += (int)((cmsgLength + IntPtr.Size - 1) & ~(long)(IntPtr.Size - 1));
        }

        return -1;
    }

    [DllImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static extern IntPtr RecvMsg(int socket, ref MsgHdr message, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public IntPtr Base;
        public UIntPtr Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MsgHdr
    {
        public IntPtr Name;
        public uint NameLength;
        public IntPtr Iov;
        public UIntPtr IovLength;
        public IntPtr Control;
        public UIntPtr ControlLength;
        public int Flags;
    }
}
