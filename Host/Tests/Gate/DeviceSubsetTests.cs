using Microsoft.CodeAnalysis.Diagnostics;
using System.Linq;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>Each check of the gate, fed a bad snippet, must fail with its error and the file and line.</summary>
    public class DeviceSubsetTests
    {
        [Theory]
        [InlineData("class Box<T> {}", "NF0001")]
        [InlineData("class C { void M<T>() {} }", "NF0001")]
        [InlineData("delegate void D<T>(T t);", "NF0001")]
        [InlineData("class C { System.Action<int> a; }", "NF0002")]
        [InlineData("class C { int[,] grid; }", "NF0003")]
        [InlineData("class C { object m = new int[2, 2]; }", "NF0003")]
        [InlineData("class C { System.Collections.IEnumerable M() { yield return 1; } }", "NF0004")]
        [InlineData("class C { async void M() { } }", "NF0005")]
        [InlineData("class C { void M() { var t = (1, 2); } }", "CS8179")]
        [InlineData("record R(int X);", "CS0518")]
        [InlineData("class C { decimal d; }", "CS0518")]
        [InlineData("class C { int? n; }", "CS0518")]
        [InlineData("class C { System.Text.StringBuilder sb; }", "CS0234")]
        [InlineData("class C { System.Collections.Generic.List<int> l; }", "CS0234")]
        [InlineData("class C { void M() { System.Threading.Thread.Sleep(1); new System.Threading.AutoResetEvent(false).WaitOne(5); } }", "CS7036")]
        [InlineData("class C { string M(string s) { return s.Replace(\"a\", \"b\"); } }", "CS1061")]
        [InlineData("class C { System.DateTime M() { return System.DateTime.Now; } }", "CS0117")]
        public void RejectsWhatTheDeviceCannotRun(string snippet, string expectedId)
        {
            var errors = NanoCompiler.Errors(snippet);

            Assert.Contains(errors, e => e.Id == expectedId);
            var located = errors.First(e => e.Id == expectedId).Location.GetLineSpan();
            Assert.Equal("Portable/Snippet.cs", located.Path);
        }

        [Theory]
        [InlineData("class C { System.Collections.IEnumerable M() { yield return 1; } }", "NF0004")]
        [InlineData("class C { void M() { var t = (1, 2); } }", "NF0006")]
        [InlineData("record R(int X);", "NF0007")]
        [InlineData("class C { decimal d; }", "NF0008")]
        [InlineData("class C { int? n; }", "NF0009")]
        [InlineData("struct Point { public int X; }", "NF0011")]
        public void AnalyzerNamesConstructsTheCompilerOnlyHalfExplains(string snippet, string expectedId)
        {
            // Against mscorlib these also fail to compile; the analyzer rule must fire by itself too, so that the message
            // says why, and so the rule holds even where a future mscorlib would let the construct compile.
            var diagnostics = AnalyzerOnly(snippet);

            Assert.Contains(diagnostics, d => d == expectedId);
        }

        [Fact]
        public void StringIndexerIsAnErrorInEveryDeviceSource()
        {
            // Every source the gate compiles runs on nanoCLR: the libraries, their tests and the app's adapters alike.
            const string walk = "class C { int M(string s) { int n = 0; for (int i = 0; i < s.Length; i++) if (s[i] == 'a') n++; return n; } }";
            foreach (string path in new[] { "OneNet/Config/TextRules.cs", "Firmware/Device/WifiNetwork.cs", "Runtime.Tests/RuntimeFakes.cs" })
            {
                var error = Assert.Single(NanoCompiler.Errors(walk, path));
                Assert.Equal("NF0010", error.Id);
                Assert.Contains("s[i]", error.GetMessage());
            }
            // Arrays and the chars of ToCharArray are fine.
            Assert.Empty(NanoCompiler.Errors("class C { char M(string s) { char[] c = s.ToCharArray(); return c[0]; } }",
                "Drivers/Chips/Sht3x/Sht3xDriver.cs"));
        }

        [Fact]
        public void ErrorNamesFileAndLine()
        {
            var errors = NanoCompiler.Errors("namespace N\n{\n    class Box<T> { }\n}\n", "OneNet/Config/NodeConfig.cs");

            var error = Assert.Single(errors);
            var span = error.Location.GetLineSpan();
            Assert.Equal("OneNet/Config/NodeConfig.cs", span.Path);
            Assert.Equal(2, span.StartLinePosition.Line);
            Assert.Contains("Box", error.GetMessage());
        }

        [Fact]
        public void AcceptsThePortableSubset()
        {
            const string portable = @"
using System;
using System.Collections;
using System.Threading;

namespace N
{
    public interface IPort { void Send(byte[] buffer, int offset, int count); }
    public class Ring
    {
        private readonly byte[][] _slots = new byte[4][];
        private readonly ArrayList _log = new ArrayList();
        private readonly object _lock = new object();
        public int Count { get; private set; }
        public void Add(byte[] item) { lock (_lock) { _slots[Count++ % 4] = item; _log.Add(item.Length); } }
        public static string Describe(int x) => x switch { 0 => ""none"", _ => x.ToString() };
        public static bool Wait(AutoResetEvent e) { return e.WaitOne(10, false); }
        public static double Half(double d) { return double.IsNaN(d) ? 0 : d / 2; }
    }
}";
            Assert.Empty(NanoCompiler.Errors(portable));
        }

        private static string[] AnalyzerOnly(string snippet)
        {
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(snippet,
                new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("A", new[] { tree },
                new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            return compilation
                .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new OneNetFirmware.Build.DeviceSubsetAnalyzer()))
                .GetAnalyzerDiagnosticsAsync().Result
                .Select(d => d.Id)
                .ToArray();
        }
    }
}
