using System;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using OneNetFirmware.Drivers.Ports;
using OneNetFirmware.OneNet.Ports;
using OneNetFirmware.Runtime;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// Battery mode's outbox file for a full outbox of 512 readings: OutboxFile.Save and Restore (binary, CRC-32, into
    /// its preallocated buffer) next to what one would otherwise write — the same readings as System.Text.Json; and the
    /// same file with a full queue of 32 input events next to the readings.
    /// </summary>
    [MemoryDiagnoser]
    public class OutboxFileBenchmarks
    {
        private const int Capacity = 512;
        private Outbox _outbox;
        private OutboxFile _file;
        private EventOutbox _events;
        private OutboxFile _fileWithEvents;
        private Reading[] _readings;

        public sealed record Reading(string Identifier, double Value, long Time);

        private sealed class Clock : IClock
        {
            public long NowMilliseconds => 600_000;
            public bool IsUtcValid => true;
            public long UtcUnixMilliseconds => 1_780_000_600_000;
            public void Sleep(int milliseconds) { }
        }

        private sealed class Storage : IStorage
        {
            private readonly byte[] _bytes = new byte[64 * 1024];
            private int _count;
            public int Read(byte[] buffer) { Array.Copy(_bytes, buffer, _count); return _count; }
            public bool Write(byte[] buffer, int count) { Array.Copy(buffer, _bytes, count); _count = count; return true; }
        }

        private sealed class NoLog : ILog
        {
            public void Info(string message) { }
            public void Warn(string message) { }
            public void Error(string message) { }
        }

        [GlobalSetup]
        public void Setup()
        {
            var table = new PropertyTable(4);
            table.Add("temperature", PropertyKind.Number, 2);
            table.Add("humidity", PropertyKind.Number, 2);
            var clock = new Clock();
            _outbox = new Outbox(Capacity, 64 * 1024, 10, 100, table, clock, new NoLog());
            _readings = new Reading[Capacity];
            for (int i = 0; i < Capacity; i++)
            {
                _outbox.Add(i % 2, 20 + i * 0.01);
                _readings[i] = new Reading(table.Identifier(i % 2), 20 + i * 0.01, 1_780_000_000_000 + i * 1000L);
            }
            _file = new OutboxFile(new Storage(), table, Capacity, clock, new NoLog());
            _file.Save(_outbox);
            var events = new EventTable(2);
            events.Add("doorOpen", "open");
            events.Add("bell", "pressed");
            _events = new EventOutbox(32, 10, events, clock, new NoLog());
            for (int i = 0; i < 32; i++) _events.Add(i % 2, i % 3 == 0);
            _fileWithEvents = new OutboxFile(new Storage(), table, Capacity, events, 32, clock, new NoLog());
            _fileWithEvents.Save(_outbox, _events);
        }

        [Benchmark(Baseline = true)]
        public bool Save() => _file.Save(_outbox);

        /// <summary>Into the same (full) outbox: each restored reading pushes the oldest out, as many as a cold boot adds.</summary>
        [Benchmark]
        public int Restore() => _file.Restore(_outbox, 600_000);

        [Benchmark]
        public bool SaveWithEvents() => _fileWithEvents.Save(_outbox, _events);

        /// <summary>As Restore, plus 32 events into the (full) event queue.</summary>
        [Benchmark]
        public int RestoreWithEvents() => _fileWithEvents.Restore(_outbox, _events, 600_000);

        [Benchmark]
        public int SystemTextJson() => JsonSerializer.SerializeToUtf8Bytes(_readings).Length;
    }
}
