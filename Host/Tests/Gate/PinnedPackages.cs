using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>An assembly name with the version another assembly was compiled against (or carries itself).</summary>
    public readonly record struct AssemblyRef(string Name, Version Version)
    {
        public override string ToString() => Name + " " + Version;
    }

    /// <summary>One assembly of a pinned NuGet package: a row of Host/Gate/pinned-packages.tsv (docs/packages.md).</summary>
    public sealed record PinnedAssembly(
        string Package,
        string PackageVersion,
        string Assembly,
        Version AssemblyVersion,
        string NativeVersion,
        IReadOnlyList<AssemblyRef> BuiltAgainst,
        string Source)
    {
        public string PackageFolder => Package + "." + PackageVersion;

        public override string ToString() => Assembly + " " + AssemblyVersion + " (" + Package + " " + PackageVersion + ")";
    }

    /// <summary>
    /// The pinned-package table and nanoCLR's binding rule. Every check is a pure function that returns the problems it
    /// finds as sentences naming both assemblies and versions; an empty list means the set is consistent.
    /// </summary>
    public static class PinnedPackages
    {
        public static string TablePath => RepoPaths.Of("Host", "Gate", "pinned-packages.tsv");

        public static IReadOnlyList<PinnedAssembly> Load() => Parse(File.ReadAllText(TablePath));

        public static IReadOnlyList<PinnedAssembly> Parse(string tsv)
        {
            var lines = tsv.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith("#")).ToList();
            string[] header = lines[0].Split('\t');
            string[] expected = { "package", "version", "assembly", "assembly_version", "native_version", "built_against", "source_repo", "source_ref", "source_files" };
            if (!header.SequenceEqual(expected))
            {
                throw new FormatException("pinned-packages.tsv header must be: " + string.Join(" ", expected));
            }
            return lines.Skip(1).Select(ParseRow).ToList();
        }

        private static PinnedAssembly ParseRow(string line)
        {
            string[] c = line.Split('\t');
            if (c.Length != 9 || c.Any(string.IsNullOrWhiteSpace))
            {
                throw new FormatException("pinned-packages.tsv row needs 9 non-empty columns: " + line);
            }
            var builtAgainst = c[5] == "-" ? new List<AssemblyRef>() : c[5].Split(';').Select(ParseRef).ToList();
            return new PinnedAssembly(c[0], c[1], c[2], Version.Parse(c[3]), c[4], builtAgainst, c[6] + " @ " + c[7] + ": " + c[8]);
        }

        private static AssemblyRef ParseRef(string nameEqualsVersion)
        {
            string[] parts = nameEqualsVersion.Split('=');
            return new AssemblyRef(parts[0].Trim(), Version.Parse(parts[1].Trim()));
        }

        /// <summary>(a) Every package a packages.config pins is a (package, version) the table holds.</summary>
        public static List<string> CheckPackagesConfig(IReadOnlyList<PinnedAssembly> table, string config, IEnumerable<(string Id, string Version)> packages)
        {
            var problems = new List<string>();
            foreach (var (id, version) in packages)
            {
                if (!table.Any(r => r.Package == id && r.PackageVersion == version))
                {
                    var known = table.Where(r => r.Package == id).Select(r => r.PackageVersion).Distinct().ToList();
                    problems.Add(config + " pins " + id + " " + version + ", which pinned-packages.tsv does not have" +
                        (known.Count == 0 ? " (no version of it)" : " (it has " + string.Join(", ", known) + ")"));
                }
            }
            return problems;
        }

        /// <summary>(b) Every .nfproj Reference names a table assembly by HintPath and carries its assembly version.</summary>
        public static List<string> CheckReferences(IReadOnlyList<PinnedAssembly> table, string project, IEnumerable<NfprojReference> references)
        {
            var problems = new List<string>();
            foreach (NfprojReference reference in references)
            {
                string[] parts = (reference.HintPath ?? "").Split('\\');
                string file = parts.Length == 5 ? Path.GetFileNameWithoutExtension(parts[4]) : null;
                PinnedAssembly row = parts.Length == 5 ? table.FirstOrDefault(r => r.PackageFolder == parts[2] && r.Assembly == file) : null;
                if (row == null)
                {
                    problems.Add(project + ": Reference " + reference.Name + " has HintPath " + reference.HintPath + ", which names no assembly of pinned-packages.tsv");
                }
                else if (reference.Name != row.Assembly)
                {
                    problems.Add(project + ": Reference " + reference.Name + " points at " + row.Assembly + " (" + reference.HintPath + ")");
                }
                else if (reference.Version == null || reference.Version != row.AssemblyVersion)
                {
                    problems.Add(project + ": Reference " + reference.Name + " says Version=" + (reference.Version?.ToString() ?? "(none)") +
                        ", but " + row.Package + " " + row.PackageVersion + " holds " + row.Assembly + " " + row.AssemblyVersion);
                }
            }
            return problems;
        }

        /// <summary>
        /// (c) nanoCLR binds an assembly reference by name and major.minor (nf-interpreter src/CLR/Core/TypeSystem.cpp,
        /// FindAssembly): every assembly deployed with these packages must find each assembly it was built against among
        /// the deployed ones, with the same major.minor; otherwise the boot stops with "Link failure".
        /// </summary>
        public static List<string> CheckBinding(IReadOnlyList<PinnedAssembly> table, string deployment, IEnumerable<(string Id, string Version)> packages)
        {
            var deployed = table.Where(r => packages.Contains((r.Package, r.PackageVersion))).ToList();
            var problems = new List<string>();
            foreach (var twice in deployed.GroupBy(r => r.Assembly).Where(g => g.Count() > 1))
            {
                problems.Add(deployment + " deploys " + twice.Key + " twice: " + string.Join(" and ", twice));
            }
            foreach (PinnedAssembly library in deployed)
            {
                foreach (AssemblyRef dependency in library.BuiltAgainst)
                {
                    PinnedAssembly target = deployed.FirstOrDefault(r => r.Assembly == dependency.Name);
                    if (target == null)
                    {
                        problems.Add(deployment + ": " + library + " was built against " + dependency + ", which none of its pinned packages deploys");
                    }
                    else if (!BindsTo(dependency.Version, target.AssemblyVersion))
                    {
                        problems.Add(deployment + ": " + library + " was built against " + dependency + ", but " + target +
                            " is deployed; nanoCLR binds by name and major.minor, so the boot stops with \"Link failure: some assembly references cannot be resolved\"");
                    }
                }
            }
            return problems;
        }

        /// <summary>nanoCLR's non-exact match: major and minor must be equal, build and revision may differ.</summary>
        public static bool BindsTo(Version reference, Version deployed) => reference.Major == deployed.Major && reference.Minor == deployed.Minor;

        /// <summary>
        /// (d) A stand-in carries the real assembly version, and each assembly it references is one the real assembly was
        /// built against, at the version the table pins.
        /// </summary>
        public static List<string> CheckStandIn(IReadOnlyList<PinnedAssembly> table, AssemblyRef standIn, IEnumerable<AssemblyRef> references)
        {
            var problems = new List<string>();
            PinnedAssembly row = table.FirstOrDefault(r => r.Assembly == standIn.Name);
            if (row == null)
            {
                problems.Add("stand-in " + standIn + " is no assembly of pinned-packages.tsv");
                return problems;
            }
            if (standIn.Version != row.AssemblyVersion)
            {
                problems.Add("stand-in " + standIn + " must carry the real assembly version: " + row);
            }
            foreach (AssemblyRef reference in references)
            {
                PinnedAssembly target = table.FirstOrDefault(r => r.Assembly == reference.Name);
                if (!row.BuiltAgainst.Any(d => d.Name == reference.Name))
                {
                    problems.Add("stand-in " + standIn.Name + " references " + reference + ", but the real " + row + " was not built against " + reference.Name);
                }
                else if (target == null || reference.Version != target.AssemblyVersion)
                {
                    problems.Add("stand-in " + standIn.Name + " references " + reference + ", but the pinned one is " + (target?.ToString() ?? "missing"));
                }
            }
            return problems;
        }
    }
}
