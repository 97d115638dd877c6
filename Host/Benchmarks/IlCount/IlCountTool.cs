using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace OneNetFirmware.Benchmarks.IlCount
{
    /// <summary>
    /// `dotnet run -c Release --project Host/Benchmarks -- ilcount [top]`: the IL column alone, fast (no timing), for every
    /// benchmark class with IlCountConfig: instructions per call, the bytes it returned (a payload's length), instructions
    /// per byte, and the methods that executed the most.
    /// </summary>
    public static class IlCountTool
    {
        public static void Run(string[] args)
        {
            int top = args.Length > 1 ? int.Parse(args[1]) : 6;
            var classes = typeof(IlCountTool).Assembly.GetTypes()
                .Where(t => t.GetCustomAttributes<ConfigAttribute>().Any(c => c.Config.GetColumnProviders().Any()
                    && c.Config.GetColumnProviders().SelectMany(p => p.GetColumns(null)).OfType<IlInstructionsColumn>().Any()))
                .OrderBy(t => t.Name);
            foreach (Type type in classes)
            {
                Console.WriteLine("## " + type.Name);
                Console.WriteLine("| benchmark | IL instructions | returned | per returned unit | top methods |");
                Console.WriteLine("| --- | ---: | ---: | ---: | --- |");
                foreach (MethodInfo method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null))
                {
                    IlCounts.Result result = IlCounts.For(type, method.Name);
                    object returned = Returned(type, method);
                    string perUnit = result != null && returned is int n && n > 0 ? (result.Instructions / (double)n).ToString("F1") : "";
                    string methods = result == null ? "" : string.Join(", ", result.ByMethod.Take(top).Select(m => $"{m.Method} {m.Instructions:N0}"));
                    Console.WriteLine($"| {method.Name} | {(result == null ? "-" : result.Instructions.ToString("N0"))} | {returned} | {perUnit} | {methods} |");
                }
                Console.WriteLine();
            }
        }

        private static object Returned(Type type, MethodInfo method)
        {
            object instance = Activator.CreateInstance(type);
            foreach (MethodInfo m in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() != null)) m.Invoke(instance, null);
            return method.Invoke(instance, null);
        }
    }
}
