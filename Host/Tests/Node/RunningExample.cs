using System;
using OneNetFirmware.Host.Config;
using OneNetFirmware.Host.OneNet;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Tests.Runtime.Sim;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Node;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>
/// The example configuration (nf-config.json) as NodeBuilder composes it, on the simulated world and against
/// ReplyingLink (a broker that answers every post through the real reply path), in virtual time. Made running: eleven
/// virtual minutes — connected, subscribed, desired values fetched, reports, door events and diagnostics answered.
/// </summary>
public sealed class RunningExample
{
    public readonly NodeRuntime Node;
    public readonly ReplyingLink Link = new();
    public readonly VirtualClock Clock = new();
    public readonly NodeConfig Config;
    private readonly SimulatedWorld _world;

    public RunningExample(Action<NodeConfig> change = null)
    {
        ConfigFile.Result loaded = ConfigFile.Load(RepoPaths.Of("nf-config.json"));
        Assert.True(loaded.IsValid);
        Config = loaded.Config;
        change?.Invoke(Config);
        _world = new SimulatedWorld(Config, Clock);
        Node = NodeBuilder.Build(Config, new SimNetwork(Clock, new FaultPlan()), Link, Clock, new SimBoard(),
            new SimLog(), new HmacSigner(), _world.Sensors, _world.Gpio, new SeededRandom(1));
        Run(11 * 60_000); // past the example's 600 s diagnostics interval: the first post goes at connect, the second then
        Assert.True(Node.Supervisor.IsOnline);
        Assert.True(Link.Posts > 20, $"only {Link.Posts} posts");
    }

    /// <summary>
    /// Runs the node for milliseconds in 100 ms steps, the world moving between them; returns what the node's steps
    /// (replies delivered, supervisor, main loop) allocated on this thread, the world's own work left out.
    /// </summary>
    public long Run(long milliseconds)
    {
        long allocated = 0;
        long end = Clock.NowMilliseconds + milliseconds;
        while (Clock.NowMilliseconds < end)
        {
            _world.Update(Clock.NowMilliseconds / 1000.0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Link.DeliverReplies();
            Node.Supervisor.Step(Clock.NowMilliseconds);
            Node.Loop.Step(Clock.NowMilliseconds);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            Clock.Advance(RuntimeDefaults.StepMilliseconds);
        }
        return allocated;
    }

    /// <summary>What an operator and a flaky network do in a while: a set, a get, a service call, a dropped session.</summary>
    public void Disturb(int round)
    {
        string prefix = Node.Topics.Prefix + "thing/";
        Link.Deliver(prefix + "property/set", "{\"id\":\"" + (1000 + round) + "\",\"version\":\"1.0\",\"params\":{\"relay1\":"
            + (round % 2 == 0 ? "true" : "false") + ",\"report_interval\":60}}");
        Run(2_000);
        Link.Deliver(prefix + "property/get", "{\"id\":\"" + (2000 + round) + "\",\"version\":\"1.0\",\"params\":[\"relay1\",\"temperature\"]}");
        Run(2_000);
        Link.Deliver(prefix + "service/report_now/invoke", "{\"id\":\"" + (3000 + round) + "\",\"version\":\"1.0\",\"params\":{}}");
        Run(2_000);
        Link.Drop();
        Run(60_000); // the supervisor notices, backs off and connects again
        Assert.True(Node.Supervisor.IsOnline, "not online again after a drop");
    }
}
