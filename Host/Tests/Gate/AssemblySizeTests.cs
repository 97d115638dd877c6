using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// Every nanoFramework assembly must fit one .pe with room to grow: at most 75 % of the byte code and string table
    /// limits, in the Debug build Visual Studio deploys (the gate compiles exactly that). docs/assemblies.md.
    /// </summary>
    public class AssemblySizeTests
    {
        private readonly ITestOutputHelper _output;

        public AssemblySizeTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [MemberData(nameof(NfprojTests.Projects), MemberType = typeof(NfprojTests))]
        public void EveryAssemblyKeepsAQuarterOfBothLimitsFree(string project)
        {
            AssemblySize size = Measure(project);
            _output.WriteLine(size.ToString());

            Assert.True(size.WithinBudget, size + $": above {AssemblySize.BudgetPercent} % of a limit. Move code into another "
                + "class library or test project (docs/assemblies.md).");
        }

        [Theory]
        [MemberData(nameof(NfprojTests.Projects), MemberType = typeof(NfprojTests))]
        public void GateBuildsWhatVisualStudioDeploysUnoptimised(string project)
        {
            // Debug in the nanoFramework project system means Optimize=false, whatever configuration built the host:
            // the compiler then marks the assembly [Debuggable(... DisableOptimizations ...)].
            const int disableOptimizations = 0x100;
            using var pe = new PEReader(File.OpenRead(NfprojFile.Named(project).GateOutput));
            MetadataReader md = pe.GetMetadataReader();

            int modes = md.GetAssemblyDefinition().GetCustomAttributes()
                .Select(md.GetCustomAttribute)
                .Where(a => a.Constructor.Kind == HandleKind.MemberReference && AttributeName(md, a) == "DebuggableAttribute")
                .Select(a => md.GetBlobReader(a.Value))
                .Select(blob => { blob.ReadUInt16(); return blob.ReadInt32(); }) // prolog, then the DebuggingModes argument
                .Single();

            Assert.True((modes & disableOptimizations) != 0, project + " was compiled optimised (DebuggingModes " + modes + ")");
        }

        [Fact]
        public void DocumentedSharesMatchTheMeasuredOnes()
        {
            // The table in docs/assemblies.md: | project | assembly | byte code | % | string table | % |
            string doc = File.ReadAllText(RepoPaths.Of("docs", "assemblies.md"));
            var rows = new Dictionary<string, (double ByteCode, double Strings)>();
            foreach (Match row in Regex.Matches(doc, @"^\| `?([\w.]+)`? \|[^|\n]*\|[^|\n]*\| ([\d.]+) % \|[^|\n]*\| ([\d.]+) % \|", RegexOptions.Multiline))
            {
                rows[row.Groups[1].Value] = (double.Parse(row.Groups[2].Value), double.Parse(row.Groups[3].Value));
            }

            Assert.All(rows.Keys, documented => Assert.True(File.Exists(RepoPaths.Of(documented, documented + ".nfproj")), "docs/assemblies.md lists a project that is gone: " + documented));
            foreach (NfprojFile project in NfprojFile.All())
            {
                AssemblySize size = Measure(project.Name);
                string now = $"measured now: | {project.Name} | {project.Property("AssemblyName")} | {size.ByteCode:N0} | {size.ByteCodePercent:F1} % | {size.StringTable:N0} | {size.StringTablePercent:F1} % |";
                _output.WriteLine(now);
                Assert.True(rows.TryGetValue(project.Name, out var documented), project.Name + " has no row in docs/assemblies.md; " + now);
                Assert.True(Math.Abs(documented.ByteCode - size.ByteCodePercent) <= 2 && Math.Abs(documented.Strings - size.StringTablePercent) <= 2,
                    $"docs/assemblies.md is stale for {project.Name}: documented {documented.ByteCode} % / {documented.Strings} %, {now}");
            }
        }

        [Fact]
        public void EstimateFollowsTheCalibration()
        {
            var size = new AssemblySize("A", ilBytes: 1000, stringsHeap: 300, userStringsHeap: 401);

            Assert.Equal(810, size.ByteCode);
            Assert.Equal(500, size.StringTable);
            Assert.Equal(1, new AssemblySize("A", 1, 0, 0).ByteCode); // 0.81 rounds up
        }

        [Fact]
        public void BudgetIsThreeQuartersOfEachLimit()
        {
            // 75 % of 65,535 is 49,151.25 bytes of byte code; 75 % of 64,675 is 48,506.25 bytes of string table.
            Assert.Equal(49151, new AssemblySize("A", 60680, 0, 0).ByteCode);
            Assert.True(new AssemblySize("A", 60680, 0, 0).WithinBudget);
            Assert.Equal(49152, new AssemblySize("A", 60681, 0, 0).ByteCode);
            Assert.False(new AssemblySize("A", 60681, 0, 0).WithinBudget);
            Assert.True(new AssemblySize("A", 0, 48506, 0).WithinBudget);
            Assert.False(new AssemblySize("A", 0, 48506, 2).WithinBudget);
        }

        [Fact]
        public void ReaderCountsMethodBodiesAndHeapsOfACompiledAssembly()
        {
            // Optimised IL of these bodies is known: ldc.i4.1 ret (2), ldarg.0 ldarg.1 add ret (4), ldstr ret (6).
            const string source = "public static class C { public static int One() { return 1; } "
                + "public static int Add(int a, int b) { return a + b; } public static string Word() { return \"h\u00e9llo\"; } }";
            AssemblySize small = Compile(source);
            AssemblySize longerName = Compile(source.Replace("One()", "OneTwoThreeFour()"));

            Assert.Equal(12, small.IlBytes);
            Assert.Equal(10, small.ByteCode); // 9.72 rounded up
            // #US: the empty entry, then 11 (length), 10 bytes of UTF-16 and a terminal byte; 13 bytes padded to 16.
            Assert.Equal(16, small.UserStringsHeap);
            Assert.Equal(small.StringsHeap + 8, small.StringTable);
            // Twelve more characters in one name: twelve more bytes of #Strings (a multiple of 4, so padding stays).
            Assert.Equal(small.StringsHeap + 12, longerName.StringsHeap);
        }

        private static AssemblySize Measure(string project)
        {
            var nfproj = NfprojFile.Named(project);
            Assert.True(File.Exists(nfproj.GateOutput), nfproj.GateOutput + " is missing: the gate project " + nfproj.GateProject + " must build it.");
            using FileStream file = File.OpenRead(nfproj.GateOutput);
            return AssemblySize.Read(project + " (" + nfproj.Property("AssemblyName") + ")", file);
        }

        private static string AttributeName(MetadataReader md, CustomAttribute attribute)
        {
            var constructor = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            return md.GetString(md.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name);
        }

        private static AssemblySize Compile(string source)
        {
            var compilation = CSharpCompilation.Create("Small",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9)) },
                new[] { MetadataReference.CreateFromFile(RepoPaths.NanoMscorlib) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
            var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            stream.Position = 0;
            return AssemblySize.Read("Small", stream);
        }
    }
}
