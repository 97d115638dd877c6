using System.Text;
using BenchmarkDotNet.Attributes;
using OneNetFirmware.OneNet;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>Cost of recovering the id of an unreadable request (runs once per bad downlink) next to a full read.</summary>
    [MemoryDiagnoser]
    public class IdScanBenchmarks
    {
        private readonly OneJsonReader _reader = new OneJsonReader();
        private readonly byte[] _truncated = Encoding.UTF8.GetBytes("{\"id\":\"1234567\",\"version\":\"1.0\",\"params\":{\"relay1\":tru");
        private readonly byte[] _idLate = Encoding.UTF8.GetBytes("{\"version\":\"1.0\",\"params\":{\"relay1\":true,\"report_interval\":60},\"id\":\"1234567\",\"pad\":\"" + new string('x', 1024));
        private readonly byte[] _valid = Encoding.UTF8.GetBytes("{\"id\":\"1234567\",\"version\":\"1.0\",\"params\":{\"relay1\":true}}");

        [Benchmark]
        public bool ScanTruncated() => _reader.ScanId(_truncated, 0, _truncated.Length);

        [Benchmark]
        public bool ScanOversizeIdAfterParams() => _reader.ScanId(_idLate, 0, _idLate.Length);

        [Benchmark(Baseline = true)]
        public int ReadValid() => _reader.Read(_valid, 0, _valid.Length);
    }
}
