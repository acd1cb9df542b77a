using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Mvps.Codec.Wire;
using Mvps.Evidence.Regimes;
using Mvps.Tool.Send;

namespace Mvps.Tool;

/// <summary>
/// `mvps send`: a live RFC 5880 session with a real BFD peer over UDP (RFC 5881 single hop), every packet an
/// MVPS Coherence-BFD frame carrying the regime's tick, phi and coherence values. See docs/interop.md.
/// </summary>
internal static class SendCommand
{
    public const int MaxTicks = 100_000_000;
    public const uint MinLatticeUs = 1_000;
    public const uint MaxLatticeUs = 60_000_000;
    public const int DefaultTicks = 600;

    public static Command Create()
    {
        var peer = new Option<string>("--peer") { Description = $"IPv4 address of the BFD peer (UDP port {WireConstants.UdpDestinationPort})", Required = true };
        var local = new Option<string?>("--local") { Description = "Local IPv4 address to use (default: the one the route to the peer uses); must be an address of this host" };
        var regime = new Option<string>("--regime") { Description = "Regime whose lattice, lost ticks, phi and coherence values the packets carry", DefaultValueFactory = _ => "baseline" };
        regime.AcceptOnlyFromAmong("baseline", "ddos");
        var ticks = new Option<int>("--ticks") { Description = $"Regime frames to run (1..{MaxTicks}); lost ticks come on top, then Detect Mult AdminDown packets", DefaultValueFactory = _ => DefaultTicks };
        var lattice = new Option<uint>("--lattice-us") { Description = $"Tick lattice period in microseconds ({MinLatticeUs}..{MaxLatticeUs}); also the desired transmit and required receive interval once Up", DefaultValueFactory = _ => RegimeModel.LatticePeriodUs };
        var keys = new KeyOptions(fileDescription: "HMAC key file for the Coherence tag (default: the seed's public proof key)");
        var seed = new Option<ulong>("--seed") { Description = "Regime PRNG seed", DefaultValueFactory = _ => RegimeModel.DefaultSeed };
        var discriminator = new Option<uint>("--discriminator") { Description = "My Discriminator, nonzero (default 0x4d565053, \"MVPS\")", DefaultValueFactory = _ => RegimeModel.MyDiscriminator };
        var json = new Option<bool>("--json") { Description = "JSON Lines on stdout: one object per transition, then a summary" };

        var command = new Command("send", "Run a live BFD session with a peer, every packet an MVPS frame; Ctrl-C ends it with AdminDown (exit 0 session came Up and ended cleanly, 1 never Up or the peer's packets failed validation, 2 unusable input)")
        {
            peer, local, regime, ticks, lattice, keys.File, keys.Environment, seed, discriminator, json,
        };
        command.SetAction(parse =>
        {
            var options = Validate(
                parse.GetValue(peer)!, parse.GetValue(local), parse.GetValue(regime)!, parse.GetValue(ticks), parse.GetValue(lattice),
                parse.GetValue(keys.File), parse.GetValue(keys.Environment), parse.GetValue(seed), parse.GetValue(discriminator), parse.GetValue(json));
            return Run(options);
        });
        return command;
    }

    public static SendOptions Validate(string peer, string? local, string regime, int ticks, uint latticeUs, string? keyFile, string? keyEnv, ulong seed, uint discriminator, bool json)
    {
        var peerAddress = Ipv4("--peer", peer);
        if (peerAddress.Equals(IPAddress.Any) || peerAddress.Equals(IPAddress.Broadcast) || IsMulticast(peerAddress))
        {
            throw new UsageException($"--peer {peer}: single-hop BFD needs a unicast address");
        }

        var localAddress = local is null ? null : Ipv4("--local", local);
        if (ticks < 1 || ticks > MaxTicks)
        {
            throw new UsageException($"--ticks {ticks}: give a count from 1 to {MaxTicks}");
        }

        if (latticeUs < MinLatticeUs || latticeUs > MaxLatticeUs)
        {
            throw new UsageException($"--lattice-us {latticeUs}: give a period from {MinLatticeUs} to {MaxLatticeUs} microseconds");
        }

        if (discriminator == 0)
        {
            throw new UsageException("--discriminator 0: My Discriminator must be nonzero (RFC 5880 §6.8.1)");
        }

        var key = KeySource.Load(keyFile, keyEnv);
        var profile = regime == "ddos" ? RegimeProfile.Ddos : RegimeProfile.Baseline;
        return new SendOptions(peerAddress, localAddress, profile, ticks, latticeUs, key, seed, discriminator, json);
    }

    private static int Run(SendOptions options)
    {
        var local = options.Local ?? BfdSockets.RouteSource(options.Peer);
        using var sockets = BfdSockets.Open(local);
        ISendReporter reporter = options.Json ? new JsonSendReporter(Console.OpenStandardOutput()) : new TextSendReporter(Console.Out);
        using var stop = new CancellationTokenSource();
        // Ctrl-C or a polite kill ends the session properly: AdminDown on the wire, then the summary.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

        reporter.Started(options, sockets.LocalSource, sockets.ReceiveBufferBytes);
        using var runner = new SessionRunner(options, reporter, sockets);
        var summary = runner.Run(stop.Token);
        reporter.Finished(summary);
        return summary.ExitCode;

        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static IPAddress Ipv4(string option, string text)
    {
        if (!IPAddress.TryParse(text, out var address))
        {
            throw new UsageException($"{option} {text}: not an IP address");
        }

        return address.AddressFamily == AddressFamily.InterNetwork
            ? address
            : throw new UsageException($"{option} {text}: MVPS frames are IPv4 (the 110-byte Ethernet/IPv4 layout); give an IPv4 address");
    }

    private static bool IsMulticast(IPAddress address) => address.GetAddressBytes()[0] is >= 224 and <= 239;
}
