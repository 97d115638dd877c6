using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>The Visual Studio side: the .nfproj projects list every source, reference real packages, and the .sln deploys.</summary>
    public class NfprojTests
    {
        public static TheoryData<string> Projects => new() { "Firmware/Firmware.nfproj", "Drivers/Drivers.nfproj", "Firmware.Tests/Firmware.Tests.nfproj" };

        [Theory]
        [MemberData(nameof(Projects))]
        public void EverySourceIsACompileItemAndEveryItemExists(string project)
        {
            var nfproj = new NfprojFile(RepoPaths.Of(project));

            var problems = NfprojFile.CompareSources(nfproj.CompileItems, NfprojFile.SourcesUnder(nfproj.Directory), File.Exists);

            Assert.True(problems.Count == 0, project + ":\n  " + string.Join("\n  ", problems) + "\n(run `dotnet run Host/Tools/SyncNfproj.cs` from the repository root)");
        }

        [Fact]
        public void DeviceTestProjectCompilesEveryPortableSource()
        {
            // The device test run must cover the same portable code as the host run.
            var tests = new NfprojFile(RepoPaths.Of("Firmware.Tests/Firmware.Tests.nfproj"));
            var portable = NfprojFile.SourcesUnder(RepoPaths.Of("Firmware/Portable"))
                .Concat(NfprojFile.SourcesUnder(RepoPaths.Of("Drivers/Portable")));

            var missing = portable.Except(tests.CompileItems).ToList();

            Assert.True(missing.Count == 0, "not linked into Firmware.Tests.nfproj:\n  " + string.Join("\n  ", missing));
        }

        [Fact]
        public void SourceCheckReportsUnlistedFilesAndDanglingItems()
        {
            var problems = NfprojFile.CompareSources(
                compileItems: new[] { "/p/A.cs", "/p/Gone.cs" },
                filesOnDisk: new[] { "/p/A.cs", "/p/New.cs" },
                exists: f => f != "/p/Gone.cs");

            Assert.Equal(new[] { "/p/New.cs is not a Compile item", "Compile item /p/Gone.cs names a missing file" }, problems);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void ReferencesMatchPackagesConfig(string project)
        {
            var nfproj = new NfprojFile(RepoPaths.Of(project));
            var packages = XDocument.Load(Path.Combine(nfproj.Directory, "packages.config")).Root.Elements("package")
                .Select(p => ((string)p.Attribute("id")) + "." + (string)p.Attribute("version"))
                .ToHashSet();

            foreach (var (assembly, hintPath) in nfproj.References)
            {
                Assert.False(string.IsNullOrEmpty(hintPath), assembly + " has no HintPath");
                var parts = hintPath.Split('\\');
                Assert.Equal("..", parts[0]);
                Assert.Equal("packages", parts[1]);
                Assert.Contains(parts[2], packages);
                Assert.Equal("lib", parts[3]);
            }
            var referenced = nfproj.References.Select(r => r.HintPath.Split('\\')[2]).ToHashSet();
            Assert.Empty(packages.Except(referenced));
        }

        [Fact]
        public void EveryProjectUsesCoreLibrary1_17_11AndTheStablePackageLine()
        {
            var firmware = new NfprojFile(RepoPaths.Of("Firmware/Firmware.nfproj"));
            string[] hints = firmware.References.Select(r => r.HintPath).ToArray();

            Assert.Contains(@"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll", hints);
            Assert.Contains(@"..\packages\nanoFramework.M2Mqtt.5.1.220\lib\nanoFramework.M2Mqtt.dll", hints);
            Assert.Contains(@"..\packages\nanoFramework.M2Mqtt.5.1.220\lib\nanoFramework.M2Mqtt.Core.dll", hints);
            Assert.DoesNotContain(hints, h => h.Contains("-preview"));
            Assert.Equal("Exe", firmware.Property("OutputType"));
            Assert.Equal("v1.0", firmware.Property("TargetFrameworkVersion"));
        }

        [Fact]
        public void TestProjectIsWhatTheNanoFrameworkTestAdapterLooksFor()
        {
            var tests = new NfprojFile(RepoPaths.Of("Firmware.Tests/Firmware.Tests.nfproj"));

            Assert.Equal("NFUnitTest", tests.Property("AssemblyName"));
            Assert.Contains("TestContainer", tests.ProjectCapabilities);
            Assert.EndsWith(@"\nano.runsettings", tests.Property("RunSettingsFilePath"));
            Assert.True(File.Exists(Path.Combine(tests.Directory, "nano.runsettings")));
            Assert.Contains(tests.References, r => r.HintPath == @"..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.TestFramework.dll");
            Assert.Contains(tests.References, r => r.HintPath == @"..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.UnitTestLauncher.exe");
        }

        [Fact]
        public void SolutionBuildsAndDeploysTheThreeNanoFrameworkProjects()
        {
            string sln = File.ReadAllText(RepoPaths.Of("OneNetFirmware.sln"));

            foreach (string project in new[] { "Firmware", "Drivers", "Firmware.Tests" })
            {
                var nfproj = new NfprojFile(RepoPaths.Of(project, project + ".nfproj"));
                string guid = nfproj.Property("ProjectGuid").Trim('{', '}').ToUpperInvariant();
                Assert.Contains("Project(\"{11A8DD76-328B-46DF-9F39-F559912D0360}\") = \"" + project + "\", \"" + project + "\\" + project + ".nfproj\", \"{" + guid + "}\"", sln);
                foreach (string cfg in new[] { "Debug", "Release" })
                {
                    Assert.Contains("{" + guid + "}." + cfg + "|Any CPU.Build.0 = " + cfg + "|Any CPU", sln);
                    Assert.Contains("{" + guid + "}." + cfg + "|Any CPU.Deploy.0 = " + cfg + "|Any CPU", sln);
                }
                Assert.Equal("{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", nfproj.Property("ProjectTypeGuids"));
            }
            Assert.DoesNotContain(".csproj", sln);
        }
    }
}
