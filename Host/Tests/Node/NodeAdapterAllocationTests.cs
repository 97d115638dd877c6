using System;
using OneNetFirmware.Host.Simulation;
using OneNetFirmware.Host.Simulation.Chips.Sht3x;
using OneNetFirmware.Runtime.Node;
using OneNetFirmware.Runtime;
using OneNetFirmware.Runtime.Sampling;
using Xunit;

namespace OneNetFirmware.Host.Tests.Node;

/// <summary>The hot path through the real adapters (sampling and writing posts) allocates nothing once warm.</summary>
public class NodeAdapterAllocationTests
{
    private sealed class Sink : IReadingSink
    {
        public int Count;
        public int Events;
        public void Add(int propertyIndex, double value) => Count++;
        public void AddEvent(int eventIndex, bool value) => Events++;
    }

    [Fact]
    public void SamplingAndWritingPropertyAndEventPostsAllocateNothing()
    {
        var clock = new VirtualClock();
        var config = NodeHarness.SensorNodeConfig("P1", "d1", Convert.ToBase64String(new byte[32]), 1);
        config.Inputs = [new OneNetFirmware.OneNet.Config.InputConfig { Type = "contact", Pin = 27, Identifier = "door" }];
        var hardware = new SimulatedSensorHardware();
        hardware.Bus(1).Attach(0x44, new Sht3xChip(clock) { Temperature = 21.5, Humidity = 40 });
        var gpio = new SimulatedGpio();
        PropertyTable table = NodeProperties.FromConfig(config);
        EventTable events = NodeEvents.FromConfig(config);
        var sampler = new SensorSampler(config.Sensors, hardware, clock,
            new InputPoller(config.Inputs, gpio), table, events);
        var writer = new OneJsonPayloadWriter();
        var sink = new Sink();
        var points = new PointBatch(2);
        points.Count = 2;
        points.Property[0] = table.IndexOf("temperature");
        points.Property[1] = table.IndexOf("humidity");
        points.HasTime[0] = points.HasTime[1] = true;
        byte[] buffer = new byte[512];
        int written = 0;
        int round = 0;
        void Round()
        {
            gpio.Set(27, ++round / 2 % 2 == 0); // a new level every other poll: the debounce sees it stable once
            clock.Advance(1000);
            sampler.SampleDue(clock.NowMilliseconds, false, sink);
            points.Value[0] = sampler.LatestValue(points.Property[0]);
            points.Value[1] = sampler.LatestValue(points.Property[1]);
            points.UtcMilliseconds[0] = points.UtcMilliseconds[1] = clock.UtcUnixMilliseconds;
            written += writer.WritePropertyPost(buffer, 7, table, points);
            written += writer.WriteEventPost(buffer, 8, events, 0, round % 2 == 0, clock.UtcUnixMilliseconds);
        }
        for (int i = 0; i < 5; i++) Round();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++) Round();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(sink.Count >= 400, $"only {sink.Count} readings");
        Assert.True(written > 205 * 120);
        Assert.True(sink.Events >= 100, $"only {sink.Events} events");
    }
}
