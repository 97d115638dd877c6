using System;
using System.Collections.Generic;

namespace OneNetFirmware.Host.Tests.Runtime.Sim;

/// <summary>Which faults are active when: windows in virtual ms, plus per-message loss/latency/rejection.</summary>
public sealed class FaultPlan
{
    public readonly List<(long From, long To)> NetworkOutages = new();
    public readonly List<(long From, long To)> BrokerOutages = new();
    public readonly List<(long From, long To)> AuthRejections = new();
    /// <summary>While active, every session is kicked this many ms after CONNACK (another board with the same name).</summary>
    public readonly List<(long From, long To)> DuplicateKicks = new();
    public int KickAfterMs = 2000;
    public int ConnectDurationMs = 300;
    /// <summary>A failing CONNECT blocks this long before NetworkError (a TCP timeout).</summary>
    public int ConnectFailDurationMs = 3000;
    public double ReplyLoss;
    public double ReplyRejection;
    public int ReplyLatencyMs = 200;
    public int SlowReplyMs = 15000;
    public double SlowReplyRate;
    public Random Random = new(1);

    public bool NetworkDown(long t) => In(NetworkOutages, t);
    public bool BrokerDown(long t) => In(BrokerOutages, t);
    public bool AuthRejected(long t) => In(AuthRejections, t);
    public bool Kicking(long t) => In(DuplicateKicks, t);

    private static bool In(List<(long From, long To)> windows, long t)
    {
        foreach (var (from, to) in windows)
        {
            if (t >= from && t < to)
            {
                return true;
            }
        }
        return false;
    }
}
