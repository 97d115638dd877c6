using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// nanoFramework's test launcher and our host generator only look at classes marked [TestClass]: a test method in a
    /// class without it would never run, on the device or on the host, and nothing would say so.
    /// </summary>
    public class TestClassTests
    {
        private static readonly string[] TestAttributes = { "TestMethod", "DataRow", "Setup", "Cleanup" };

        [Fact]
        public void EveryDeviceTestMethodSitsInATestClass()
        {
            var files = NfprojFile.All().Where(p => p.IsTestProject)
                .SelectMany(p => p.CompileItems)
                .ToList();
            Assert.NotEmpty(files);

            var stray = files.SelectMany(StrayTestMethods).ToList();

            Assert.True(stray.Count == 0, "test methods outside a [TestClass]:\n" + string.Join("\n", stray));
        }

        [Fact]
        public void FindsATestMethodOutsideATestClass()
        {
            string source = "[TestClass] public class Good { [TestMethod] public void A() {} }\n"
                + "public class Forgotten { [TestMethod] public void B() {} [DataRow(1)] public void C(int x) {} }";

            var stray = StrayTestMethods("Snippet.cs", source).ToList();

            Assert.Equal(new[] { "Snippet.cs:2 Forgotten.B", "Snippet.cs:2 Forgotten.C" }, stray);
        }

        private static IEnumerable<string> StrayTestMethods(string path) => StrayTestMethods(path, File.ReadAllText(path));

        private static IEnumerable<string> StrayTestMethods(string path, string source)
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(source, path: path).GetRoot();
            foreach (MethodDeclarationSyntax method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (!HasAttribute(method.AttributeLists, TestAttributes))
                {
                    continue;
                }
                var owner = method.Parent as ClassDeclarationSyntax;
                if (owner == null || !HasAttribute(owner.AttributeLists, new[] { "TestClass" }))
                {
                    int line = method.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    yield return Path.GetFileName(path) + ":" + line + " " + (owner?.Identifier.Text ?? "?") + "." + method.Identifier.Text;
                }
            }
        }

        private static bool HasAttribute(SyntaxList<AttributeListSyntax> lists, string[] names) => lists
            .SelectMany(l => l.Attributes)
            .Select(a => a.Name.ToString())
            .Any(n => names.Any(x => n == x || n == x + "Attribute" || n.EndsWith("." + x) || n.EndsWith("." + x + "Attribute")));
    }
}
