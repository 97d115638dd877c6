using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// The shape docs/architecture.md promises, checked on the device sources: only the Uplink publishes, no
    /// constructor takes more than eight parameters, and no device-side file is over about 450 lines.
    /// </summary>
    public class ArchitectureTests
    {
        private const int MaxConstructorParameters = 8;
        private const int MaxDeviceFileLines = 450;

        private static IEnumerable<string> DeviceSources(params string[] folders) =>
            folders.SelectMany(f => Directory.EnumerateFiles(RepoPaths.Of(f), "*.cs", SearchOption.AllDirectories))
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                    && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));

        private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');

        /// <summary>Calls of IMqttLink.Publish(topic, payload, count, qos): four arguments, unlike Uplink.Publish's three.</summary>
        private static IEnumerable<string> LinkPublishes(string file) =>
            CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .Where(i => i.Expression is MemberAccessExpressionSyntax m && m.Name.Identifier.Text == "Publish"
                    && i.ArgumentList.Arguments.Count == 4)
                .Select(i => Relative(file) + ": " + i);

        [Fact]
        public void OnlyTheUplinkPublishes()
        {
            var calls = DeviceSources("Runtime", "OneNet").SelectMany(LinkPublishes).ToList();

            Assert.Contains(calls, c => c.StartsWith("Runtime/Uplink.cs")); // the check sees a real publish
            var others = calls.Where(c => !c.StartsWith("Runtime/Uplink.cs")).ToList();
            Assert.True(others.Count == 0, "publishing outside the Uplink (docs/architecture.md \"Uplink\"):\n"
                + string.Join("\n", others));
        }

        [Fact]
        public void NoConstructorTakesMoreThanEightParameters()
        {
            var constructors = DeviceSources("Drivers", "OneNet", "Runtime", "Firmware")
                .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantNodes()
                    .OfType<ConstructorDeclarationSyntax>()
                    .Select(c => (Name: Relative(f) + ": " + c.Identifier.Text, Count: c.ParameterList.Parameters.Count)))
                .ToList();

            Assert.Contains(constructors, c => c.Name == "Runtime/NodeRuntime.cs: NodeRuntime");
            var large = constructors.Where(c => c.Count > MaxConstructorParameters).ToList();
            Assert.True(large.Count == 0, "constructors over " + MaxConstructorParameters + " parameters:\n"
                + string.Join("\n", large.Select(c => c.Name + " (" + c.Count + ")")));
        }

        [Fact]
        public void NoDeviceSideFileIsOverTheLineLimit()
        {
            var sizes = DeviceSources("OneNet", "Runtime", "Firmware")
                .Select(f => (File: Relative(f), Lines: File.ReadAllLines(f).Length))
                .ToList();

            Assert.Contains(sizes, s => s.File == "Runtime/Supervisor.cs");
            var large = sizes.Where(s => s.Lines > MaxDeviceFileLines).ToList();
            Assert.True(large.Count == 0, "device-side files over " + MaxDeviceFileLines + " lines (split them by responsibility):\n"
                + string.Join("\n", large.Select(s => s.File + " (" + s.Lines + ")")));
        }
    }
}
