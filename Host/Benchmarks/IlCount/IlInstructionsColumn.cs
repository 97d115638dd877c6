using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace OneNetFirmware.Benchmarks.IlCount
{
    /// <summary>
    /// "IL instr.": the project's IL instructions one call executes (IlCounts), beside BenchmarkDotNet's time and
    /// allocation: the interpreter on the device pays per instruction, so this is the column that shows a change that
    /// is faster on the host but slower on the device. "-" for code that runs none of the project's IL.
    /// </summary>
    public sealed class IlInstructionsColumn : IColumn
    {
        public string Id => nameof(IlInstructionsColumn);
        public string ColumnName => "IL instr.";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "IL instructions of the project's code executed per call (instrumented run; proxy for the nanoCLR interpreter's cost)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            IlCounts.Result result = IlCounts.For(benchmarkCase.Descriptor.Type, benchmarkCase.Descriptor.WorkloadMethod.Name);
            return result == null ? "-" : result.Instructions.ToString("N0");
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }

    /// <summary>[Config(typeof(IlCountConfig))] adds the IL column to a benchmark class.</summary>
    public sealed class IlCountConfig : ManualConfig
    {
        public IlCountConfig()
        {
            AddColumn(new IlInstructionsColumn());
        }
    }
}
