using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace OneNetFirmware.Host.Tests.Gate
{
    /// <summary>Reads what Visual Studio's nanoFramework project system reads from an .nfproj.</summary>
    public sealed class NfprojFile
    {
        private static readonly XNamespace Msb = "http://schemas.microsoft.com/developer/msbuild/2003";
        private readonly XDocument _doc;

        public NfprojFile(string path)
        {
            Path = path;
            Directory = System.IO.Path.GetDirectoryName(path);
            _doc = XDocument.Load(path);
        }

        public string Path { get; }
        public string Directory { get; }

        /// <summary>The project's name, which is also its folder's: "Runtime" for Runtime/Runtime.nfproj.</summary>
        public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);
        public bool IsTestProject => Property("IsTestProject") == "true";
        /// <summary>A class library of the node (not a test project): portable, mscorlib only.</summary>
        public bool IsLibrary => Property("OutputType") == "Library" && !IsTestProject;

        public string Property(string name) => _doc.Descendants(Msb + name).Select(e => e.Value).FirstOrDefault();

        /// <summary>Compile items as full paths.</summary>
        public IReadOnlyList<string> CompileItems => _doc.Descendants(Msb + "Compile")
            .Select(e => Full((string)e.Attribute("Include")))
            .ToList();

        /// <summary>(assembly name, HintPath) of every Reference.</summary>
        public IReadOnlyList<(string Assembly, string HintPath)> References => _doc.Descendants(Msb + "Reference")
            .Select(e => (((string)e.Attribute("Include")).Split(',')[0].Trim(), e.Element(Msb + "HintPath")?.Value))
            .ToList();

        /// <summary>Every Reference with the Version of its Include (null when it names none) and its HintPath.</summary>
        public IReadOnlyList<NfprojReference> ReferenceItems => _doc.Descendants(Msb + "Reference")
            .Select(e => NfprojReference.Parse((string)e.Attribute("Include"), e.Element(Msb + "HintPath")?.Value))
            .ToList();

        public IReadOnlyList<string> ProjectReferences => _doc.Descendants(Msb + "ProjectReference")
            .Select(e => (string)e.Attribute("Include"))
            .ToList();

        /// <summary>The (id, version) pairs of the packages.config beside the project.</summary>
        public IReadOnlyList<(string Id, string Version)> Packages => PackagesConfig(System.IO.Path.Combine(Directory, "packages.config"));

        /// <summary>What deploying this project puts on the device: its packages and those of the projects it references.</summary>
        public IReadOnlyList<(string Id, string Version)> DeployedPackages()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var packages = new List<(string, string)>();
            var pending = new Stack<NfprojFile>(new[] { this });
            while (pending.Count > 0)
            {
                NfprojFile project = pending.Pop();
                if (!seen.Add(project.Path))
                {
                    continue;
                }
                packages.AddRange(project.Packages.Except(packages));
                foreach (string reference in project.ProjectReferences)
                {
                    pending.Push(new NfprojFile(project.Full(reference)));
                }
            }
            return packages;
        }

        public static IReadOnlyList<(string Id, string Version)> PackagesConfig(string path) => File.Exists(path)
            ? XDocument.Load(path).Root.Elements("package").Select(p => ((string)p.Attribute("id"), (string)p.Attribute("version"))).ToList()
            : new List<(string, string)>();

        /// <summary>The project of a top-level folder: Named("Runtime") is Runtime/Runtime.nfproj.</summary>
        public static NfprojFile Named(string project) => new NfprojFile(RepoPaths.Of(project, project + ".nfproj"));

        /// <summary>Every .nfproj of the repository: one per top-level folder (docs/assemblies.md).</summary>
        public static IReadOnlyList<NfprojFile> All() => System.IO.Directory.EnumerateDirectories(RepoPaths.Root)
            .SelectMany(dir => System.IO.Directory.EnumerateFiles(dir, "*.nfproj"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new NfprojFile(p))
            .ToList();

        /// <summary>The host project that compiles this one as Visual Studio would: Host/Gate/Gate.&lt;Name&gt;.csproj.</summary>
        public string GateProject => RepoPaths.Of("Host", "Gate", "Gate." + Name + ".csproj");

        /// <summary>That gate project's output (NanoGate.props puts each in a folder of its own).</summary>
        public string GateOutput => RepoPaths.Of("Host", "Gate", "bin", "Gate." + Name, Property("AssemblyName") + ".dll");

        public IReadOnlyList<string> ProjectCapabilities => _doc.Descendants(Msb + "ProjectCapability")
            .Select(e => (string)e.Attribute("Include"))
            .ToList();

        private string Full(string include) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, include.Replace('\\', '/')));

        /// <summary>
        /// Problems between a project's Compile items and the .cs files under its folder: files that are not items
        /// (the project system does not glob, so they would silently not build) and items naming missing files.
        /// </summary>
        public static List<string> CompareSources(IEnumerable<string> compileItems, IEnumerable<string> filesOnDisk, Func<string, bool> exists)
        {
            var problems = new List<string>();
            var items = new HashSet<string>(compileItems, StringComparer.Ordinal);
            foreach (string file in filesOnDisk.Where(f => !items.Contains(f)))
            {
                problems.Add(file + " is not a Compile item");
            }
            foreach (string item in items.Where(i => !exists(i)))
            {
                problems.Add("Compile item " + item + " names a missing file");
            }
            return problems;
        }

        public static IEnumerable<string> SourcesUnder(string dir) => System.IO.Directory
            .EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
            .Select(System.IO.Path.GetFullPath);
    }

    /// <summary>A Reference item of an .nfproj: the assembly name and Version of its Include, and its HintPath.</summary>
    public readonly record struct NfprojReference(string Name, Version Version, string HintPath)
    {
        public static NfprojReference Parse(string include, string hintPath)
        {
            string[] parts = include.Split(',').Select(p => p.Trim()).ToArray();
            string version = parts.Skip(1).FirstOrDefault(p => p.StartsWith("Version=", StringComparison.Ordinal))?.Substring("Version=".Length);
            return new NfprojReference(parts[0], version == null ? null : Version.Parse(version), hintPath);
        }
    }
}
