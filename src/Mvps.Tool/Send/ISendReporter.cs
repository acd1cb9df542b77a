using System.Net;

namespace Mvps.Tool.Send;

/// <summary>Where `mvps send` reports what happens, as it happens: text for people, JSON Lines for machines.</summary>
public interface ISendReporter
{
    void Started(SendOptions options, IPEndPoint source);

    void Transition(in SessionTransition transition, long tick);

    void Rejected(PacketVerdict verdict, IPEndPoint sender, long tick);

    void Finished(SendSummary summary);
}
