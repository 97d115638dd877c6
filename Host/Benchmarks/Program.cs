using BenchmarkDotNet.Running;

namespace OneNetFirmware.Benchmarks
{
    /// <summary>`dotnet run -c Release --project Host/Benchmarks -- --filter '*'` runs them all; see README.</summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
