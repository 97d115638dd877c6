using BenchmarkDotNet.Attributes;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// The same end-to-end post as EmulatorRoundTripBenchmarks against a real broker: Mosquitto on loopback with a
    /// responder client that answers each post on its `/reply` topic (two broker hops instead of the emulator's one).
    /// With Mosquitto's default (TcpNoDelay false) a QoS 1 post waits for Nagle and the client's delayed ACK (~40 ms).
    /// </summary>
    [MemoryDiagnoser]
    public class MosquittoRoundTripBenchmarks
    {
        private LocalMosquitto _broker;
        private ReplyAwaitingLink _link;

        [Params(0, 1)]
        public int Qos { get; set; }

        [Params(false, true)]
        public bool TcpNoDelay { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _broker = new LocalMosquitto(TcpNoDelay);
            _link = new ReplyAwaitingLink(_broker.Port, "bench-01", null);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            _link.Dispose();
            _broker.Dispose();
        }

        [Benchmark]
        public bool PostAndAwaitReply() => _link.PostAndAwaitReply(Qos);
    }
}
