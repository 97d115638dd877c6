using OneNetFirmware.Host.Simulation;
using System;
using System.Collections.Generic;
using System.Linq;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Node;
using Xunit;

namespace OneNetFirmware.Host.Tests.Runtime.Sim;

/// <summary>
/// The deterministic simulation: one virtual clock drives the supervisor, the main loop and the simulated OneNET in
/// 100 ms ticks. A board reboot builds a fresh node on the same board (the record survives, RAM does not).
/// </summary>
public sealed class NodeSim
{
    public const int StepMs = 100;
    public const string Prefix = "$sys/PID0000001/node-01/thing/";

    public readonly VirtualClock Clock = new();
    public readonly FaultPlan Faults;
    public readonly NodeConfig Config;
    public readonly SimNetwork Network;
    public readonly SimBoard Board = new();
    public readonly SimLog Log = new();
    public readonly SimLink Link;
    public readonly PropertyTable Properties;
    public readonly SamplerFake Sampler;
    public readonly OutputsFake Outputs;
    public readonly List<long> Reboots = new();
    public readonly List<string> RebootReasons = new();
    public readonly List<NodeRuntime> Nodes = new();
    public bool FreezeMainLoop;
    public int LostAtReboot;
    public int EventsLostAtReboot;
    private readonly int _seed;

    public NodeSim(FaultPlan faults = null, Action<NodeConfig> configure = null, int seed = 1)
    {
        Faults = faults ?? new FaultPlan();
        _seed = seed;
        Config = new NodeConfig();
        Config.OneNet.ProductId = "PID0000001";
        Config.OneNet.DeviceName = "node-01";
        Config.Node.ReportIntervalSeconds = 10;
        Config.Sensors = new[]
        {
            new SensorConfig
            {
                Type = "sht3x", IntervalSeconds = 10,
                Channels = new[]
                {
                    new ChannelConfig { Quantity = "temperature", Identifier = "temperature" },
                    new ChannelConfig { Quantity = "humidity", Identifier = "humidity" },
                },
            },
        };
        Config.Outputs = new[] { new OutputConfig { Type = "relay", Pin = 25, Identifier = "relay1" } };
        Config.Inputs = new[] { new InputConfig { Type = "contact", Pin = 27, Identifier = "door" } };
        configure?.Invoke(Config);
        Properties = NodeProperties.FromConfig(Config);
        Network = new SimNetwork(Clock, Faults);
        Link = new SimLink(Clock, Faults, Prefix);
        Sampler = new SamplerFake(new[] { Properties.IndexOf("temperature"), Properties.IndexOf("humidity") },
            Config.Sensors[0].IntervalSeconds * 1000);
        Outputs = new OutputsFake(Properties.IndexOf("relay1"));
        Boot();
    }

    public NodeRuntime Node => Nodes[^1];

    private void Boot()
    {
        var node = new NodeContext(new NodePorts(Clock, Log, Board, new SeededRandom(_seed * 7919 + Nodes.Count)), Properties,
            NodeEvents.FromConfig(Config), NodeRecord.LoadAndCountBoot(Board), Sampler, Outputs);
        int payloadBytes = NodeBuilder.PayloadBufferBytes(Properties, node.Events, Sampler.SensorCount,
            Diagnostics.ResetReason(node.Record, Board));
        Nodes.Add(new NodeRuntime(Config, node, Network, Link,
            new OneNetProtocol(new SimTokens(), new JsonWriterFake(), new DownlinkParserFake(), payloadBytes)));
    }

    /// <summary>Runs until the virtual time reaches untilMs, checking the bounded-memory invariants every tick.</summary>
    public void RunUntil(long untilMs)
    {
        while (Clock.NowMilliseconds < untilMs)
        {
            Link.Tick();
            int blocking = Link.BlockingCalls + Network.BlockingCalls;
            Node.Supervisor.Step(Clock.NowMilliseconds);
            Assert.True(Link.BlockingCalls + Network.BlockingCalls - blocking <= 1, "more than one blocking call in a step");
            if (Board.RebootRequested)
            {
                Board.RebootRequested = false;
                Reboots.Add(Clock.NowMilliseconds);
                RebootReasons.Add(NodeRecord.Parse(Board.Record).LastRebootReason);
                LostAtReboot += Node.Outbox.Depth;
                EventsLostAtReboot += Node.InputEvents.Depth;
                Link.Disconnect();
                Boot();
            }
            else if (!FreezeMainLoop)
            {
                Link.Tick();
                long before = Clock.NowMilliseconds;
                Node.Loop.Step(Clock.NowMilliseconds);
                Assert.Equal(before, Clock.NowMilliseconds); // the main loop never blocks on the network
            }
            Outbox o = Node.Outbox;
            Assert.True(o.Depth <= Config.Outbox.CapacityReadings && o.Bytes <= Config.Outbox.CapacityBytes);
            Assert.True(Node.Downlinks.Count <= RuntimeDefaults.DownlinkSlots);
            Clock.Advance(StepMs);
        }
    }

    public void RunFor(long ms) => RunUntil(Clock.NowMilliseconds + ms);

    public int Dropped => Nodes.Sum(n => n.Outbox.Dropped);
    public int Rejected => Nodes.Sum(n => n.Outbox.Rejected);

    /// <summary>Never more than 2 CONNECTs in any 5 s window.</summary>
    public void AssertLoginLimit()
    {
        var t = Link.ConnectAttempts;
        for (int i = 2; i < t.Count; i++)
        {
            Assert.True(t[i] - t[i - 2] > 5000, $"3 CONNECTs within 5 s at {t[i - 2]}, {t[i - 1]}, {t[i]}");
        }
    }

    /// <summary>Posts (property, history, desired/get, diagnostics) at most one per second.</summary>
    public void AssertUplinkPacing()
    {
        var posts = Link.Uplinks.Where(u => u.Topic.EndsWith("/post") || u.Topic.EndsWith("/desired/get")).ToList();
        for (int i = 1; i < posts.Count; i++)
        {
            Assert.True(posts[i].At - posts[i - 1].At >= 1000, $"two posts within 1 s at {posts[i].At}");
        }
    }

    /// <summary>
    /// Every sampled reading reached the platform with its original timestamp, except at most the ones the outbox
    /// dropped (full), OneNET rejected, or a reboot lost. Returns how many are missing.
    /// </summary>
    public int AssertDelivered(bool clockWasValid = true)
    {
        var byValue = Link.Points.Where(p => p.Identifier is "temperature" or "humidity")
            .GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.ToList());
        int missing = 0;
        foreach (var (property, value, mono) in Sampler.Sampled)
        {
            if (!byValue.TryGetValue(value, out var points))
            {
                missing++;
                continue;
            }
            foreach (var p in points)
            {
                Assert.Equal(Properties.Identifier(property), p.Identifier);
                if (clockWasValid)
                {
                    Assert.Equal(VirtualClock.UtcAt(mono), p.Time);
                }
            }
        }
        Assert.True(missing <= Dropped + Rejected + LostAtReboot,
            $"{missing} readings missing, only {Dropped} dropped + {Rejected} rejected + {LostAtReboot} lost at reboot");
        return missing;
    }

    /// <summary>
    /// Every raised input event reached the platform with the time it happened, except at most the ones the queue
    /// dropped, OneNET rejected, or a reboot lost. Returns how many are missing.
    /// </summary>
    public int AssertEventsDelivered()
    {
        var byTime = Link.Events.GroupBy(e => e.Time).ToDictionary(g => g.Key, g => g.ToList());
        int missing = 0;
        foreach (var (value, mono) in Sampler.Raised)
        {
            if (!byTime.TryGetValue(VirtualClock.UtcAt(mono), out var events))
            {
                missing++;
                continue;
            }
            Assert.All(events, e => Assert.Equal(value, e.Value.GetProperty("open").GetBoolean()));
        }
        int lost = Nodes.Sum(n => n.InputEvents.Dropped + n.InputEvents.Rejected) + EventsLostAtReboot;
        Assert.True(missing <= lost, $"{missing} events missing, only {lost} dropped, rejected or lost at reboot");
        return missing;
    }

    public void AssertNoSecretsLogged()
    {
        Assert.DoesNotContain(Log.Lines, l => l.Contains("tok:"));
    }
}
