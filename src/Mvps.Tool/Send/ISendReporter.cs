using System.Net;

namespace Mvps.Tool.Send;

/// <summary>Where `mvps send` reports what happens, as it happens: text for people, JSON Lines for machines.</summary>
internal interface ISendReporter
{
    void Started(SendOptions options, IPEndPoint source, int receiveBufferBytes);

    void Transition(in SessionTransition transition, long tick);

    /// <summary>
    /// A datagram from the peer's address was discarded. Only the first <see cref="SessionRunner.ListedDiscardsPerReason"/>
    /// of each reason are reported one by one (<paramref name="lastListed"/> on the last); the rest are counted.
    /// </summary>
    void Rejected(PacketVerdict verdict, IPEndPoint sender, long tick, bool lastListed);

    void Finished(SendSummary summary);
}
