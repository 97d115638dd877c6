using BenchmarkDotNet.Attributes;
using OneNetFirmware.OneNet.Config;
using OneNetFirmware.Host.Config;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>Boot-time cost of validating the example configuration (runs once per boot on the device).</summary>
    [MemoryDiagnoser]
    public class ConfigValidationBenchmarks
    {
        private NodeConfig _config;

        [GlobalSetup]
        public void Setup()
        {
            _config = ConfigFile.Parse(System.IO.File.ReadAllText(FindConfig())).Config;
        }

        [Benchmark]
        public int Validate() => ConfigValidator.Validate(_config).Count;

        private static string FindConfig()
        {
            string dir = System.AppContext.BaseDirectory;
            while (dir != null && !System.IO.File.Exists(System.IO.Path.Combine(dir, "nf-config.json")))
            {
                dir = System.IO.Path.GetDirectoryName(dir);
            }
            return System.IO.Path.Combine(dir ?? ".", "nf-config.json");
        }
    }
}
