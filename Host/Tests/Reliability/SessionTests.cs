using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using OneNetFirmware.Host.Mqtt;
using OneNetFirmware.Host.Tests.Emulator;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>
/// Sessions the platform ends: a token that expired while the node was online, and another client logging in with the
/// node's device name (OneNET keeps one connection per device and kicks the older one).
/// </summary>
public class SessionTests
{
    private static async Task<(TestEmulator Emulator, ReliableNode Node)> StartAsync(Action<OneNetFirmware.OneNet.Config.NodeConfig> configure = null)
    {
        ReliableNode node = null;
        TestEmulator t = await TestEmulator.StartAsync(o => o.Clock = () => node.UtcNow);
        node = new ReliableNode(TestEmulator.ProductId, TestEmulator.DeviceName, TestEmulator.Key, t.Port, configure);
        Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 30_000), node.Trace());
        return (t, node);
    }

    [Fact]
    public async Task AfterItsTokenExpiredTheNodeReconnectsWithAFreshOne()
    {
        (TestEmulator t, ReliableNode node) = await StartAsync(c =>
        {
            c.OneNet.TokenLifetimeHours = 1;
            c.Watchdog.HeartbeatTimeoutSeconds = 0; // the test jumps two hours at once
        });
        await using (t)
        using (node)
        {
            long firstEt = node.Clock.UtcUnixMilliseconds / 1000 + 3600; // no earlier than the first CONNECT's token's et
            node.RunFor(5_000);
            node.Clock.Advance(2 * 3600 * 1000L); // the platform's clock is now past that token's et
            node.RunFor(1_000);
            Assert.True(node.Node.Supervisor.IsOnline, "OneNET checks the token at CONNECT only\n" + node.Trace());

            // A token like the first one is refused now (CONNACK 5, and no kick): a reconnect must not reuse it.
            using (var probe = new MqttNetLink())
            {
                Assert.Equal(ConnectResult.NotAuthorized, probe.Connect(t.Options(password: Tokens.Make(
                    "products/" + TestEmulator.ProductId + "/devices/" + TestEmulator.DeviceName, firstEt, "sha256", TestEmulator.Key))));
            }
            Assert.Equal(0, t.Emulator.Kicks);

            long kickedAt = node.Now;
            int eventsBefore = t.Emulator.ConnectionEvents.Count;
            await t.Emulator.StopAsync();
            node.ExpectReplies = false;
            Assert.True(node.WaitForLink(false, TimeSpan.FromSeconds(10)), node.Trace());
            Assert.True(node.RunUntil(() => !node.Node.Supervisor.IsOnline, 1_000), node.Trace());
            await t.Emulator.StartAsync();
            node.ExpectReplies = true;
            node.AssertRecovers(kickedAt, 60_000);

            Assert.Equal(2, node.Node.Counters.MqttConnects);
            Assert.Equal(0, node.Node.Counters.AuthFailures);
            Assert.DoesNotContain(t.Emulator.ConnectionEvents.Skip(eventsBefore), e => e.What.Contains("refused"));
            Assert.Contains(t.Emulator.ConnectionEvents.Skip(eventsBefore), e => e.ClientId == TestEmulator.DeviceName && e.What.StartsWith("connected"));
            Assert.DoesNotContain(node.Log.Lines, l => l.Contains("sign="));
        }
    }

    [Fact]
    public async Task ASecondClientWithTheSameDeviceNameIsSurvivedAndRepeatedStealingIsReportedWithoutAStorm()
    {
        (TestEmulator t, ReliableNode node) = await StartAsync();
        await using (t)
        using (node)
        {
            NodeCounters counters = node.Node.Counters;
            var thieves = new List<MqttNetLink>();
            MqttNetLink Steal()
            {
                var thief = new MqttNetLink();
                thieves.Add(thief);
                MqttConnectOptions options = t.Options(password: Tokens.Make("products/" + TestEmulator.ProductId + "/devices/" + TestEmulator.DeviceName,
                    node.Clock.UtcUnixMilliseconds / 1000 + 3600, "sha256", TestEmulator.Key));
                Assert.Equal(ConnectResult.Accepted, thief.Connect(options));
                return thief;
            }
            try
            {
                // Once: the node is kicked, backs off and logs in again (which kicks the other client).
                node.RunFor(15_000); // longer than a quick drop
                long stolenAt = node.Now;
                Steal();
                Assert.True(node.WaitForLink(false, TimeSpan.FromSeconds(10)), node.Trace());
                Assert.True(node.RunUntil(() => !node.Node.Supervisor.IsOnline, 1_000), node.Trace());
                node.AssertRecovers(stolenAt, 60_000);
                Assert.Equal(0, counters.QuickDrops);
                Assert.False(counters.DuplicateDeviceSuspected);

                // Again and again, 5 s after every login (the other client also keeps within OneNET's login limit).
                int steals = 0;
                while (!counters.DuplicateDeviceSuspected && steals < 6)
                {
                    Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 300_000), node.Trace());
                    node.RunFor(5_000);
                    Steal();
                    steals++;
                    Assert.True(node.WaitForLink(false, TimeSpan.FromSeconds(10)), node.Trace());
                    Assert.True(node.RunUntil(() => !node.Node.Supervisor.IsOnline, 1_000), node.Trace());
                }
                Assert.True(counters.DuplicateDeviceSuspected, node.Trace());
                Assert.Equal(RuntimeDefaults.DuplicateSuspectDrops, steals);
                Assert.Equal(RuntimeDefaults.DuplicateSuspectDrops, counters.QuickDrops);
                Assert.Contains(node.Log.Lines, l => l.Contains("another board using device name 'node-01'"));

                // Suspected: the next login waits at least the duplicate penalty after the last kick.
                long lastKick = node.Now;
                int attempts = node.Link.ConnectTimes.Count;
                Assert.True(node.RunUntil(() => node.Node.Supervisor.IsOnline, 200_000), node.Trace());
                Assert.Equal(attempts + 1, node.Link.ConnectTimes.Count);
                Assert.True(node.Link.ConnectTimes[^1] - lastKick >= RuntimeDefaults.DuplicatePenaltyMilliseconds - RuntimeDefaults.StepMilliseconds,
                    string.Join(",", node.Link.ConnectTimes));
                node.RunFor(15_000);
                Assert.True(node.Node.Supervisor.IsOnline, node.Trace());

                // The node's own CONNECTs (the emulator also counts the other client's).
                Assert.Equal(counters.ConnectAttempts, node.Link.ConnectTimes.Count);
                Assert.True(ReliableNode.MostInWindow(node.Link.ConnectTimes, 5_000) <= 2, string.Join(",", node.Link.ConnectTimes));
                Assert.Equal(0, t.Emulator.Bans);
                Assert.Equal(steals + 1 + steals + 1, t.Emulator.Kicks); // each theft kicks the node, each return kicks the thief
                Assert.Equal(0, counters.AuthFailures);
            }
            finally
            {
                foreach (MqttNetLink thief in thieves) thief.Dispose();
            }
        }
    }
}
