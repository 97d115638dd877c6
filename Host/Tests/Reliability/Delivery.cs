using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OneNetFirmware.Host.Emulator;
using OneNetFirmware.Host.Simulation;
using Xunit;

namespace OneNetFirmware.Host.Tests.Reliability;

/// <summary>One point as the platform received it, in arrival order.</summary>
public sealed record ReceivedPoint(string Identifier, long TimeMs, double Value, bool History, long ReceivedAtMs);

/// <summary>
/// What the runtime promises about delivery across an outage, checked on what the platform received:
/// at least once, with the original timestamp, nothing lost, each stream in time order, and a duplicate only where a
/// post reached the platform but its reply was lost in the cut (the runtime resends unanswered posts).
/// </summary>
public static class Delivery
{
    public static List<ReceivedPoint> From(IEnumerable<AcceptedPost> posts) =>
        posts.SelectMany(p => p.Values.Select(v => new ReceivedPoint(v.Identifier, v.TimeMs ?? -1, Number(v.Value),
            p.Topic.EndsWith("history/post", StringComparison.Ordinal), p.ReceivedAt.ToUnixTimeMilliseconds()))).ToList();

    /// <summary>A point's number (NaN for a bool or text value).</summary>
    public static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;

    /// <param name="points">Everything received, in arrival order.</param>
    /// <param name="outageStartMs">Virtual (monotonic) ms the outage began.</param>
    /// <param name="outageEndMs">Virtual ms it ended.</param>
    /// <param name="replyTimeoutMs">The outbox's reply timeout: a reply lost in the cut belongs to a post this recent.</param>
    /// <param name="sampleIntervalMs">The sensor's interval.</param>
    /// <param name="repliesLostDuringOutage">Posts reached the platform during the outage but their replies did not reach
    /// the node (a one-way route): those may arrive twice as well.</param>
    public static void AssertComplete(IReadOnlyList<ReceivedPoint> points, long outageStartMs, long outageEndMs, long replyTimeoutMs,
        long sampleIntervalMs, bool repliesLostDuringOutage = false)
    {
        long lastLostReplyMs = repliesLostDuringOutage ? outageEndMs : outageStartMs;
        Assert.All(points, p => Assert.True(p.TimeMs > 0, p.Identifier + " without a time"));
        long Mono(long utcMs) => utcMs - VirtualClock.UtcEpochMs;

        // Original timestamps: the SHT3x temperature encodes the virtual time it was sampled at (modulo 100 s).
        foreach (ReceivedPoint p in points.Where(p => p.Identifier == "temperature"))
        {
            long said = ReliableNode.SampledAtModulo(p.Value);
            long stamped = Mono(p.TimeMs) % 100_000;
            long distance = Math.Min(Math.Abs(said - stamped), 100_000 - Math.Abs(said - stamped));
            Assert.True(distance <= 200, $"temperature {p.Value} was sampled at ~{said} ms (mod 100 s) but carries {stamped}");
        }

        foreach (string identifier in new[] { "temperature", "humidity" })
        {
            List<ReceivedPoint> mine = points.Where(p => p.Identifier == identifier).ToList();
            // Nothing lost: one reading per sample interval, from before the outage to after it, without a gap.
            List<long> times = mine.Select(p => Mono(p.TimeMs)).Distinct().OrderBy(t => t).ToList();
            Assert.True(times.Count > 0 && times[0] < outageStartMs - sampleIntervalMs, identifier + ": nothing from before the outage");
            Assert.True(times[^1] > outageEndMs + sampleIntervalMs, identifier + ": nothing from after the outage");
            for (int i = 1; i < times.Count; i++)
            {
                long gap = times[i] - times[i - 1];
                Assert.True(gap <= sampleIntervalMs + sampleIntervalMs / 2, $"{identifier}: readings between {times[i - 1]} and {times[i]} ms are missing");
            }
            Assert.Contains(times, t => t > outageStartMs && t < outageEndMs); // sampled during the outage, delivered afterwards

            // Each stream in time order: live property posts, and the back-fill's first arrivals (a resend of a post whose
            // reply was lost goes out when its timeout expires, after newer readings).
            AssertAscending(identifier + " property posts", mine.Where(p => !p.History).Select(p => p.TimeMs).ToList());
            var seen = new HashSet<long>();
            AssertAscending(identifier + " history posts", mine.Where(p => seen.Add(p.TimeMs) && p.History).Select(p => p.TimeMs).ToList());

            // Duplicates only for posts the platform accepted just before the cut, or during a one-way outage (their reply was lost).
            foreach (IGrouping<long, ReceivedPoint> copies in mine.GroupBy(p => p.TimeMs).Where(g => g.Count() > 1))
            {
                long firstAccepted = Mono(copies.First().ReceivedAtMs);
                Assert.True(firstAccepted <= lastLostReplyMs && firstAccepted >= outageStartMs - replyTimeoutMs - 1000,
                    $"{identifier} at {Mono(copies.Key)} ms arrived {copies.Count()} times, first at {firstAccepted} ms: only a lost reply may cause a resend");
            }
        }
        // Both channels of every sample arrived.
        Assert.Equal(Times(points, "temperature"), Times(points, "humidity"));
    }

    private static List<long> Times(IEnumerable<ReceivedPoint> points, string identifier) =>
        points.Where(p => p.Identifier == identifier).Select(p => p.TimeMs).Distinct().OrderBy(t => t).ToList();

    private static void AssertAscending(string what, IReadOnlyList<long> times)
    {
        for (int i = 1; i < times.Count; i++)
        {
            Assert.True(times[i] > times[i - 1], $"{what}: {times[i]} after {times[i - 1]}");
        }
    }
}
