using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// Every device-side source declares the namespace of its folder (docs/assemblies.md): Drivers/Chips/Sht3x/… is
    /// OneNetFirmware.Drivers.Chips.Sht3x, Firmware/Device/… is OneNetFirmware.Device, Runtime.Tests/… is NFUnitTest.Runtime.
    /// </summary>
    public class NamespaceTests
    {
        private static readonly Dictionary<string, string> Roots = new()
        {
            ["Drivers"] = "OneNetFirmware.Drivers",
            ["OneNet"] = "OneNetFirmware.OneNet",
            ["Runtime"] = "OneNetFirmware.Runtime",
            ["Firmware"] = "OneNetFirmware",
            ["Drivers.Tests"] = "NFUnitTest.Drivers",
            ["OneNet.Tests"] = "NFUnitTest.OneNet",
            ["Runtime.Tests"] = "NFUnitTest.Runtime",
        };

        [Fact]
        public void EveryDeviceSourceDeclaresTheNamespaceOfItsFolder()
        {
            var wrong = new List<string>();
            int checkedFiles = 0;
            foreach (NfprojFile project in NfprojFile.All())
            {
                string folder = Path.GetFileName(project.Directory);
                Assert.True(Roots.ContainsKey(folder), folder + " has no namespace root in this test");
                foreach (string item in project.CompileItems)
                {
                    string relative = Path.GetRelativePath(project.Directory, item).Replace('\\', '/');
                    if (relative.StartsWith("Properties/")) continue;
                    string expected = Expected(folder, relative);
                    string declared = Declared(File.ReadAllText(item));
                    checkedFiles++;
                    if (declared != expected) wrong.Add(folder + "/" + relative + ": " + declared + ", expected " + expected);
                }
            }
            Assert.True(checkedFiles > 100, "too few sources found: " + checkedFiles);
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }

        [Fact]
        public void TheRuleMapsFoldersToNamespaces()
        {
            Assert.Equal("OneNetFirmware.Drivers.Chips.Sht3x", Expected("Drivers", "Chips/Sht3x/Sht3xDriver.cs"));
            Assert.Equal("OneNetFirmware", Expected("Firmware", "Program.cs"));
            Assert.Equal("OneNetFirmware.Device.Drivers", Expected("Firmware", "Device/Drivers/DhtDevice.cs"));
            Assert.Equal("NFUnitTest.OneNet.Config", Expected("OneNet.Tests", "Config/TextRulesTests.cs"));
            Assert.Equal("OneNetFirmware.Runtime", Declared("using X;\nnamespace OneNetFirmware.Runtime\n{\n}"));
        }

        private static string Expected(string folder, string relative)
        {
            var parts = relative.Split('/');
            return string.Join(".", new[] { Roots[folder] }.Concat(parts.Take(parts.Length - 1)));
        }

        private static string Declared(string source)
        {
            Match m = Regex.Match(source, @"^namespace ([\w.]+)", RegexOptions.Multiline);
            return m.Success ? m.Groups[1].Value : "(none)";
        }
    }
}
