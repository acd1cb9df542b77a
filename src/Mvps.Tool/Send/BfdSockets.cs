using System.Net;
using System.Net.Sockets;
using Mvps.Codec.Wire;

namespace Mvps.Tool.Send;

/// <summary>
/// The two UDP sockets of a single-hop session (RFC 5881): one bound to <see cref="WireConstants.UdpDestinationPort"/> (read with each datagram's TTL,
/// <see cref="TtlDatagramReader"/>; Linux ignores IP_MINTTL on UDP, measured here), and one sending from a source
/// port in 49152..65535 with TTL 255 and DSCP CS6. Binding failures become one-line usage errors.
/// </summary>
internal sealed class BfdSockets : IDisposable
{
    /// <summary>
    /// The receive buffer asked for: a burst must not push the peer's packets out while we are descheduled. About
    /// half a second of a 20,000 packet/s flood of small datagrams (the kernel charges about 1 KiB for each).
    /// </summary>
    public const int RequestedReceiveBufferBytes = 4 * 1024 * 1024;

    private const int SolSocket = 1;
    private const int SoRcvBufForce = 33;

    private BfdSockets(Socket receive, Socket send)
    {
        Receive = receive;
        Send = send;
    }

    public Socket Receive { get; }

    public Socket Send { get; }

    public IPEndPoint LocalSource => (IPEndPoint)Send.LocalEndPoint!;

    /// <summary>The receive buffer the kernel granted, in its own bookkeeping (Linux reports twice the size set).</summary>
    public int ReceiveBufferBytes => Receive.ReceiveBufferSize;

    public static BfdSockets Open(IPAddress local)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new UsageException("mvps send needs Linux: it reads the TTL of the peer's packets with IP_RECVTTL");
        }

        var receive = NewSocket();
        try
        {
            Bind(receive, new IPEndPoint(local, WireConstants.UdpDestinationPort));
            EnlargeReceiveBuffer(receive);
            var send = OpenSender(local);
            return new BfdSockets(receive, send);
        }
        catch
        {
            receive.Dispose();
            throw;
        }
    }

    /// <summary>The local address the kernel would use towards <paramref name="peer"/> (a route lookup; nothing is sent).</summary>
    public static IPAddress RouteSource(IPAddress peer)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            probe.Connect(new IPEndPoint(peer, WireConstants.UdpDestinationPort));
        }
        catch (SocketException e)
        {
            throw new UsageException($"no route to {peer}: {e.Message}");
        }

        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    public void Dispose()
    {
        Receive.Dispose();
        Send.Dispose();
    }

    private static Socket OpenSender(IPAddress local)
    {
        // RFC 5881 §4: one source port in 49152..65535 for the whole session; the first free one.
        for (int port = WireConstants.UdpSourcePort; port <= ushort.MaxValue; port++)
        {
            var send = NewSocket();
            try
            {
                send.Ttl = WireConstants.Ipv4Ttl;
                send.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.TypeOfService, (int)WireConstants.Ipv4Tos);
                send.Bind(new IPEndPoint(local, port));
                return send;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                send.Dispose();
            }
            catch (SocketException e)
            {
                send.Dispose();
                throw BindError(e, new IPEndPoint(local, port));
            }
        }

        throw new UsageException($"no free UDP source port in {WireConstants.UdpSourcePort}..65535 on {local}");
    }

    /// <summary>SO_RCVBUFFORCE goes past net.core.rmem_max where allowed (CAP_NET_ADMIN); otherwise SO_RCVBUF, which the kernel caps there.</summary>
    private static void EnlargeReceiveBuffer(Socket socket)
    {
        try
        {
            socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(RequestedReceiveBufferBytes));
        }
        catch (SocketException)
        {
            socket.ReceiveBufferSize = RequestedReceiveBufferBytes;
        }
    }

    private static Socket NewSocket() => new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    private static void Bind(Socket socket, IPEndPoint endPoint)
    {
        try
        {
            socket.Bind(endPoint);
        }
        catch (SocketException e)
        {
            throw BindError(e, endPoint);
        }
    }

    private static UsageException BindError(SocketException e, IPEndPoint endPoint) => e.SocketErrorCode switch
    {
        SocketError.AddressNotAvailable => new UsageException($"--local {endPoint.Address}: not an address of this host"),
        SocketError.AddressAlreadyInUse => new UsageException($"UDP {endPoint} is in use (is a BFD daemon running on this host?)"),
        SocketError.AccessDenied => new UsageException($"UDP {endPoint}: permission denied"),
        _ => new UsageException($"UDP {endPoint}: {e.Message}"),
    };
}
