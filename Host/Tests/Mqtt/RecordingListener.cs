using System;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using OneNetFirmware.OneNet.Ports;

namespace OneNetFirmware.Host.Tests.Mqtt
{
    /// <summary>Collects what an IMqttLink delivers, so a test can wait (bounded) for a message or a lost session.</summary>
    public sealed class RecordingListener : IMqttLinkListener
    {
        public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        private readonly BlockingCollection<(string Topic, string Payload)> _messages = new();
        private readonly SemaphoreSlim _lost = new(0);

        public int LostCount;

        public void OnMessage(string topic, byte[] payload) => _messages.Add((topic, Encoding.UTF8.GetString(payload)));

        public void OnConnectionLost()
        {
            Interlocked.Increment(ref LostCount);
            _lost.Release();
        }

        /// <summary>The next message on `topic` (others are skipped), or a failure after the patience runs out.</summary>
        public string Next(string topic)
        {
            DateTime end = DateTime.UtcNow + Patience;
            while (_messages.TryTake(out var m, end - DateTime.UtcNow > TimeSpan.Zero ? end - DateTime.UtcNow : TimeSpan.Zero))
            {
                if (m.Topic == topic) return m.Payload;
            }
            throw new TimeoutException("no message on " + topic);
        }

        public bool WaitLost() => _lost.Wait(Patience);
    }
}
