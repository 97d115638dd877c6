using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;

namespace OneNetFirmware.Benchmarks.IlCount
{
    /// <summary>
    /// IL instructions of the project's code (the portable assembly: Drivers, OneNet, Runtime) that one call of a
    /// benchmark method executes, from a run of the benchmark class against an instrumented copy (BlockCounter) loaded
    /// beside the normal one. The benchmark's [GlobalSetup] runs first and the method twice before counting (the first
    /// payload encodes its identifiers once), then the count of 10 calls is averaged.
    /// </summary>
    public static class IlCounts
    {
        private const int Runs = 10;
        private static readonly Lazy<Instrumented> Context = new(() => new Instrumented());
        private static readonly Dictionary<string, Result> Cache = new();

        public sealed record Result(long Instructions, IReadOnlyList<(string Method, long Instructions)> ByMethod);

        /// <summary>The count for benchmarkType.method, or null when it runs none of the project's code.</summary>
        public static Result For(Type benchmarkType, string method)
        {
            string key = benchmarkType.FullName + "." + method;
            lock (Cache)
            {
                if (!Cache.TryGetValue(key, out Result result)) Cache[key] = result = Count(benchmarkType, method);
                return result;
            }
        }

        private static Result Count(Type benchmarkType, string method)
        {
            Instrumented context = Context.Value;
            Type type = context.Benchmarks.GetType(benchmarkType.FullName, throwOnError: true);
            object instance = Activator.CreateInstance(type);
            Invoke<GlobalSetupAttribute>(type, instance);
            MethodInfo run = type.GetMethod(method, Type.EmptyTypes);
            run.Invoke(instance, null);
            run.Invoke(instance, null);
            long[] counts = context.Counts;
            Array.Clear(counts);
            for (int i = 0; i < Runs; i++) run.Invoke(instance, null);
            long[] taken = (long[])counts.Clone();
            Invoke<GlobalCleanupAttribute>(type, instance);
            long total = taken.Sum() / Runs;
            if (total == 0) return null;
            var byMethod = taken.Select((c, i) => (context.Names[i], c / Runs)).Where(x => x.Item2 > 0)
                .OrderByDescending(x => x.Item2).ToList();
            return new Result(total, byMethod);
        }

        private static void Invoke<TAttribute>(Type type, object instance) where TAttribute : Attribute
        {
            foreach (MethodInfo m in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() != null)) m.Invoke(instance, null);
        }

        /// <summary>The instrumented portable assembly and a second copy of the benchmarks bound to it.</summary>
        private sealed class Instrumented : AssemblyLoadContext
        {
            private readonly string _portable;
            private readonly string _folder;

            public Instrumented() : base("IlCount")
            {
                Assembly portable = typeof(OneNetFirmware.OneNet.OneJsonWriter).Assembly;
                _folder = Path.GetDirectoryName(typeof(IlCounts).Assembly.Location);
                string temp = Path.Combine(Path.GetTempPath(), "onenet-ilcount-" + Environment.ProcessId);
                Directory.CreateDirectory(temp);
                _portable = Path.Combine(temp, Path.GetFileName(portable.Location));
                BlockCounter.Instrument(portable.Location, _portable);
                Benchmarks = LoadFromAssemblyPath(typeof(IlCounts).Assembly.Location);
                Type counter = LoadFromAssemblyName(portable.GetName()).GetType(BlockCounter.CounterType, throwOnError: true);
                Counts = (long[])counter.GetField("Counts").GetValue(null);
                Names = (string[])counter.GetField("Names").GetValue(null);
            }

            public Assembly Benchmarks { get; }
            public long[] Counts { get; }
            public string[] Names { get; }

            // The project's assemblies load here (the portable one instrumented); everything else is shared.
            protected override Assembly Load(AssemblyName name)
            {
                if (name.Name == Path.GetFileNameWithoutExtension(_portable)) return LoadFromAssemblyPath(_portable);
                string local = Path.Combine(_folder, name.Name + ".dll");
                return name.Name.StartsWith("OneNetFirmware.", StringComparison.Ordinal) && File.Exists(local) ? LoadFromAssemblyPath(local) : null;
            }
        }
    }
}
