using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>
    /// The pinned package set binds on nanoCLR: every packages.config and .nfproj of the repository agrees with
    /// Host/Gate/pinned-packages.tsv, and every pinned library finds the major.minor it was built against (docs/packages.md).
    /// </summary>
    public class PinnedPackagesTests
    {
        private static readonly IReadOnlyList<PinnedAssembly> Table = PinnedPackages.Load();

        public static TheoryData<string> Projects()
        {
            var data = new TheoryData<string>();
            foreach (string path in NfprojFile.All().Select(p => p.Path))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, path));
            }
            return data;
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void PackagesConfigPinsOnlyVersionsOfTheTable(string project)
        {
            var nfproj = new NfprojFile(RepoPaths.Of(project));

            var problems = PinnedPackages.CheckPackagesConfig(Table, Path.Combine(Path.GetDirectoryName(project), "packages.config"), nfproj.Packages);

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void ReferencesCarryTheTablesAssemblyVersions(string project)
        {
            var problems = PinnedPackages.CheckReferences(Table, project, new NfprojFile(RepoPaths.Of(project)).ReferenceItems);

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void WhatTheProjectDeploysBindsOnNanoClr(string project)
        {
            var problems = PinnedPackages.CheckBinding(Table, project, new NfprojFile(RepoPaths.Of(project)).DeployedPackages());

            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void EveryRowOfTheTableIsPinnedSomewhere()
        {
            // A row nobody pins is a fact about nothing: the table holds exactly the pinned set.
            var pinned = NfprojFile.All().SelectMany(p => p.Packages).ToHashSet();

            var stale = Table.Where(r => !pinned.Contains((r.Package, r.PackageVersion))).Select(r => r.ToString()).ToList();

            Assert.True(stale.Count == 0, "pinned by no packages.config:\n" + string.Join("\n", stale));
            Assert.True(NfprojFile.All().Count >= 3, "the .nfproj projects were not found");
        }

        [Fact]
        public void NativeVersionIsKnownOrSaidToBeUnknown()
        {
            foreach (PinnedAssembly row in Table)
            {
                Assert.True(row.NativeVersion is "none" or "unconfirmed" || Version.TryParse(row.NativeVersion, out _), row + ": native_version " + row.NativeVersion);
            }
        }

        [Fact]
        public void TodaysDhtxxBuiltAgainstUnitsNet574IsRejectedBesideUnitsNet575()
        {
            // Iot.Device.Dhtxx.Esp32 1.2.869 = nanoframework/nanoFramework.IoT.Device bba20d3b4, devices/Dhtxx.Esp32/Dhtxx.Esp32.nfproj:
            // the same references as 1.2.889 except UnitsNet 5.74.0.0.
            PinnedAssembly pinned = Table.Single(r => r.Assembly == "Iot.Device.Dhtxx.Esp32");
            var dht869 = pinned with
            {
                PackageVersion = "1.2.869",
                BuiltAgainst = pinned.BuiltAgainst.Select(d => d.Name.StartsWith("UnitsNet.") ? d with { Version = new Version(5, 74, 0, 0) } : d).ToList(),
            };
            var table = Table.Where(r => r != pinned).Append(dht869).ToList();
            var firmware = new NfprojFile(RepoPaths.Of("Firmware", "Firmware.nfproj")).DeployedPackages()
                .Select(p => p.Id == pinned.Package ? (p.Id, "1.2.869") : p).ToList();

            var problems = PinnedPackages.CheckBinding(table, "Firmware", firmware);

            Assert.Equal(2, problems.Count);
            Assert.Contains("Firmware: Iot.Device.Dhtxx.Esp32 1.2.0.0 (nanoFramework.Iot.Device.Dhtxx.Esp32 1.2.869) was built against " +
                "UnitsNet.Temperature 5.74.0.0, but UnitsNet.Temperature 5.75.0.0 (UnitsNet.nanoFramework.Temperature 5.75.0) is deployed; " +
                "nanoCLR binds by name and major.minor, so the boot stops with \"Link failure: some assembly references cannot be resolved\"", problems);
            Assert.Contains(problems, p => p.Contains("UnitsNet.RelativeHumidity 5.74.0.0") && p.Contains("UnitsNet.RelativeHumidity 5.75.0.0"));
        }

        [Fact]
        public void BuildAndRevisionMayDifferButNotMajorOrMinor()
        {
            Assert.True(PinnedPackages.BindsTo(new Version(1, 1, 57, 0), new Version(1, 1, 62, 0)));
            Assert.True(PinnedPackages.BindsTo(new Version(1, 1, 52, 34401), new Version(1, 1, 52, 0)));
            Assert.False(PinnedPackages.BindsTo(new Version(5, 74, 0, 0), new Version(5, 75, 0, 0)));
            Assert.False(PinnedPackages.BindsTo(new Version(1, 17, 11, 0), new Version(2, 17, 11, 0)));
        }

        [Fact]
        public void ADependencyNoPackageDeploysIsNamed()
        {
            var problems = PinnedPackages.CheckBinding(Table, "Drivers", new[] { ("nanoFramework.System.Device.Gpio", "1.1.62"), ("nanoFramework.CoreLibrary", "1.17.11") });

            Assert.Equal(new[] { "Drivers: System.Device.Gpio 1.1.62.0 (nanoFramework.System.Device.Gpio 1.1.62) was built against nanoFramework.Runtime.Events 1.11.37.0, which none of its pinned packages deploys" }, problems);
        }

        [Fact]
        public void TwoVersionsOfOneAssemblyAreRejected()
        {
            PinnedAssembly gpio = Table.Single(r => r.Assembly == "System.Device.Gpio");
            var table = Table.Append(gpio with { PackageVersion = "1.1.57", AssemblyVersion = new Version(1, 1, 57, 0) }).ToList();

            var problems = PinnedPackages.CheckBinding(table, "App", new[] { (gpio.Package, "1.1.62"), (gpio.Package, "1.1.57"), ("nanoFramework.Runtime.Events", "1.11.37"), ("nanoFramework.CoreLibrary", "1.17.11") });

            Assert.Contains("App deploys System.Device.Gpio twice: System.Device.Gpio 1.1.62.0 (nanoFramework.System.Device.Gpio 1.1.62) and System.Device.Gpio 1.1.57.0 (nanoFramework.System.Device.Gpio 1.1.57)", problems);
        }

        [Fact]
        public void AnUnpinnedPackageVersionIsRejected()
        {
            var problems = PinnedPackages.CheckPackagesConfig(Table, "Firmware/packages.config", new[] { ("nanoFramework.Json", "2.2.213"), ("nanoFramework.Json", "2.2.203") });

            Assert.Equal(new[] { "Firmware/packages.config pins nanoFramework.Json 2.2.213, which pinned-packages.tsv does not have (it has 2.2.203)" }, problems);
        }

        [Fact]
        public void AReferenceVersionOrHintPathOffTheTableIsRejected()
        {
            var references = new[]
            {
                NfprojReference.Parse("System.Threading, Version=1.1.52.0, Culture=neutral, PublicKeyToken=c07d481e9758c731", @"..\packages\nanoFramework.System.Threading.1.1.52\lib\System.Threading.dll"),
                NfprojReference.Parse("System.Net", @"..\packages\nanoFramework.System.Net.1.11.60\lib\System.Net.dll"),
                NfprojReference.Parse("System.Math, Version=1.5.116.0", @"..\packages\nanoFramework.System.Math.1.5.117\lib\System.Math.dll"),
                NfprojReference.Parse("System.Math, Version=1.5.116.0, Culture=neutral", @"..\packages\nanoFramework.System.Math.1.5.116\lib\System.Math.dll"),
            };

            var problems = PinnedPackages.CheckReferences(Table, "App.nfproj", references);

            Assert.Equal(new[]
            {
                "App.nfproj: Reference System.Threading says Version=1.1.52.0, but nanoFramework.System.Threading 1.1.52 holds System.Threading 1.1.52.34401",
                "App.nfproj: Reference System.Net says Version=(none), but nanoFramework.System.Net 1.11.60 holds System.Net 1.11.60.0",
                @"App.nfproj: Reference System.Math has HintPath ..\packages\nanoFramework.System.Math.1.5.117\lib\System.Math.dll, which names no assembly of pinned-packages.tsv",
            }, problems);
        }
    }
}
