using BenchmarkDotNet.Running;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>
    /// `dotnet run -c Release --project Host/Benchmarks -- --filter '*'` runs the BenchmarkDotNet suite; `-- fleet [nodes]
    /// [seconds]` is the measured emulator throughput run (FleetThroughput); `-- ilcount` prints the IL instructions
    /// per call of the benchmarks with the IL column (IlCountTool, docs/performance.md); see docs/benchmarks.md.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "ilcount")
            {
                IlCount.IlCountTool.Run(args);
                return;
            }
            if (args.Length > 0 && args[0] == "fleet")
            {
                FleetThroughput.Run(args);
                return;
            }
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
