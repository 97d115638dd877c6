using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OneNetFirmware.Build;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// Compiles a snippet exactly as the gate compiles portable code — C# 9, no standard library, only the real
    /// mscorlib 1.17.11, and the DeviceSubset analyzer — and returns the errors, so tests can prove each check fires.
    /// </summary>
    public static class NanoCompiler
    {
        public static ImmutableArray<Diagnostic> Errors(string source, string path = "Portable/Snippet.cs")
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source, parse, path);
            var compilation = CSharpCompilation.Create(
                "Snippet",
                new[] { tree },
                new[] { MetadataReference.CreateFromFile(RepoPaths.NanoMscorlib) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            ImmutableArray<Diagnostic> compilerErrors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .ToImmutableArray();
            ImmutableArray<Diagnostic> analyzerErrors = compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new DeviceSubsetAnalyzer()))
                .GetAnalyzerDiagnosticsAsync().Result
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .ToImmutableArray();
            return compilerErrors.AddRange(analyzerErrors);
        }
    }
}
