using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// The Visual Studio side (docs/assemblies.md): one .nfproj per top-level folder listing every source of that folder
    /// and nothing else, portable class libraries that reference only mscorlib, test projects the nanoFramework test
    /// adapter runs, one gate project per .nfproj, and a .sln that builds and deploys them all.
    /// </summary>
    public class NfprojTests
    {
        public static TheoryData<string> Projects() => Names(p => true);
        public static TheoryData<string> Libraries() => Names(p => p.IsLibrary);
        public static TheoryData<string> TestProjects() => Names(p => p.IsTestProject);

        [Fact]
        public void OneApplicationWithLibrariesAndTestProjects()
        {
            var all = NfprojFile.All();

            Assert.Equal(new[] { "Firmware" }, all.Where(p => p.Property("OutputType") == "Exe").Select(p => p.Name));
            Assert.NotEmpty(all.Where(p => p.IsLibrary));
            Assert.NotEmpty(all.Where(p => p.IsTestProject));
            Assert.All(all, p => Assert.Equal(Path.GetFileName(p.Directory), p.Name));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void EverySourceIsACompileItemAndEveryItemExists(string project)
        {
            var nfproj = NfprojFile.Named(project);

            var problems = NfprojFile.CompareSources(nfproj.CompileItems, NfprojFile.SourcesUnder(nfproj.Directory), File.Exists);

            Assert.True(problems.Count == 0, project + ":\n  " + string.Join("\n  ", problems) + "\n(run `dotnet run Host/Tools/SyncNfproj.cs` from the repository root)");
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void CompilesOnlyItsOwnFolder(string project)
        {
            // No linked sources: a test project reaches the code under test through a ProjectReference, so every source
            // is compiled into exactly one assembly.
            var nfproj = NfprojFile.Named(project);

            var outside = nfproj.CompileItems.Where(i => !i.StartsWith(nfproj.Directory + Path.DirectorySeparatorChar)).ToList();

            Assert.True(outside.Count == 0, project + " compiles files of other folders:\n  " + string.Join("\n  ", outside));
        }

        [Theory]
        [MemberData(nameof(Libraries))]
        public void LibraryIsPortableAndReferencesOnlyMscorlib(string project)
        {
            var nfproj = NfprojFile.Named(project);

            Assert.Equal(new[] { "mscorlib" }, nfproj.References.Select(r => r.Assembly));
            Assert.All(nfproj.ProjectReferences, r => Assert.True(Referenced(nfproj, r).IsLibrary, project + " references " + r));
        }

        [Fact]
        public void HostCompilesEveryLibraryAndEveryTestProjectOnce()
        {
            // One host assembly holds the libraries' sources and one host test project runs every device test file.
            string[] libraries = NfprojFile.All().Where(p => p.IsLibrary).Select(p => p.Name).ToArray();
            string[] tests = NfprojFile.All().Where(p => p.IsTestProject).Select(p => p.Name).ToArray();

            Assert.Equal(libraries.Select(l => l + "/**/*.cs"), HostCompileGlobs("Host/Portable/OneNetFirmware.Portable.csproj"));
            Assert.Equal(tests.Select(t => t + "/**/*.cs").Append("SerialTestCollection.cs"), HostCompileGlobs("Host/PortableTests/OneNetFirmware.PortableTests.csproj"));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void GateProjectCompilesItWithItsReferences(string project)
        {
            var nfproj = NfprojFile.Named(project);
            Assert.True(File.Exists(nfproj.GateProject), "no gate project " + nfproj.GateProject + " for " + project);
            XDocument gate = XDocument.Load(nfproj.GateProject);

            Assert.Equal("$(RepoRoot)/" + project + "/" + project + ".nfproj", gate.Descendants("NfProject").Single().Value);
            Assert.Equal(nfproj.Property("AssemblyName"), gate.Descendants("AssemblyName").Single().Value);
            Assert.Equal(
                nfproj.ProjectReferences.Select(r => "Gate." + Referenced(nfproj, r).Name + ".csproj").OrderBy(r => r),
                gate.Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")).OrderBy(r => r));
        }

        [Fact]
        public void EveryGateProjectNamesAnNfproj()
        {
            var names = NfprojFile.All().Select(p => "Gate." + p.Name + ".csproj").ToHashSet();

            Assert.All(Directory.EnumerateFiles(RepoPaths.Of("Host", "Gate"), "Gate.*.csproj"), g => Assert.Contains(Path.GetFileName(g), names));
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
            var nfproj = NfprojFile.Named(project);
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
            var firmware = NfprojFile.Named("Firmware");
            string[] hints = firmware.References.Select(r => r.HintPath).ToArray();

            Assert.Contains(@"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll", hints);
            Assert.Contains(@"..\packages\nanoFramework.M2Mqtt.5.1.220\lib\nanoFramework.M2Mqtt.dll", hints);
            Assert.Contains(@"..\packages\nanoFramework.M2Mqtt.5.1.220\lib\nanoFramework.M2Mqtt.Core.dll", hints);
            Assert.DoesNotContain(hints, h => h.Contains("-preview"));
            Assert.Equal("v1.0", firmware.Property("TargetFrameworkVersion"));
            Assert.All(NfprojFile.All(), p => Assert.Contains(@"..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll", p.References.Select(r => r.HintPath)));
        }

        [Theory]
        [MemberData(nameof(TestProjects))]
        public void TestProjectIsWhatTheNanoFrameworkTestAdapterLooksFor(string project)
        {
            var tests = NfprojFile.Named(project);

            Assert.Equal("NFUnitTest", tests.Property("AssemblyName")); // the launcher loads this name
            Assert.Equal("Library", tests.Property("OutputType"));
            Assert.Contains("TestContainer", tests.ProjectCapabilities);
            Assert.Equal("UnitTest", tests.Property("TestProjectType"));
            Assert.EndsWith(@"\nano.runsettings", tests.Property("RunSettingsFilePath"));
            Assert.True(File.Exists(Path.Combine(tests.Directory, "nano.runsettings")));
            Assert.Contains(tests.References, r => r.HintPath == @"..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.TestFramework.dll");
            Assert.Contains(tests.References, r => r.HintPath == @"..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.UnitTestLauncher.exe");
            Assert.NotEmpty(tests.ProjectReferences);
            Assert.All(tests.ProjectReferences, r => Assert.True(Referenced(tests, r).IsLibrary, project + " references " + r));
        }

        [Fact]
        public void SolutionBuildsAndDeploysEveryNanoFrameworkProject()
        {
            string sln = File.ReadAllText(RepoPaths.Of("OneNetFirmware.sln"));
            var guids = new HashSet<string>();

            foreach (NfprojFile nfproj in NfprojFile.All())
            {
                string project = nfproj.Name;
                string guid = nfproj.Property("ProjectGuid").Trim('{', '}').ToUpperInvariant();
                Assert.True(guids.Add(guid), project + " reuses ProjectGuid " + guid);
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

        private static TheoryData<string> Names(System.Func<NfprojFile, bool> which)
        {
            var data = new TheoryData<string>();
            foreach (NfprojFile project in NfprojFile.All().Where(which)) data.Add(project.Name);
            return data;
        }

        private static NfprojFile Referenced(NfprojFile from, string include)
        {
            string path = Path.GetFullPath(Path.Combine(from.Directory, include.Replace('\\', '/')));
            Assert.True(File.Exists(path), from.Name + " references a missing project " + include);
            return new NfprojFile(path);
        }

        /// <summary>Compile globs of a host project, relative to the repository root.</summary>
        private static IEnumerable<string> HostCompileGlobs(string csproj) => XDocument.Load(RepoPaths.Of(csproj))
            .Descendants("Compile")
            .Select(c => ((string)c.Attribute("Include")).Replace("$(RepoRoot)/", ""));
    }
}
