// Rewrites the <ItemGroup Label="Sources"> of every .nfproj (one per top-level folder) from the .cs files under its
// folder, because the nanoFramework project system takes no globs. Test projects list only their own files and reach
// the code under test through ProjectReferences (docs/assemblies.md). Run from the repository root:
//   dotnet run Host/Tools/SyncNfproj.cs
// The host test NfprojTests fails whenever these lists and the disk disagree.
using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

string root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "OneNetFirmware.sln")))
{
    Console.Error.WriteLine("run this from the repository root");
    return 1;
}

foreach (string project in Directory.EnumerateDirectories(root)
    .SelectMany(dir => Directory.EnumerateFiles(dir, "*.nfproj"))
    .OrderBy(p => p, StringComparer.Ordinal))
{
    Sync(project);
}
return 0;

void Sync(string projectPath)
{
    string dir = Path.GetDirectoryName(projectPath)!;
    var sb = new StringBuilder();
    sb.Append("  <ItemGroup Label=\"Sources\">\n");
    foreach (string file in SourcesUnder(dir))
    {
        sb.Append($"    <Compile Include=\"{Path.GetRelativePath(dir, file).Replace('/', '\\')}\" />\n");
    }
    sb.Append("  </ItemGroup>");
    string text = File.ReadAllText(projectPath);
    string updated = Regex.Replace(text, "  <ItemGroup Label=\"Sources\">.*?</ItemGroup>", sb.ToString(), RegexOptions.Singleline);
    if (updated != text)
    {
        File.WriteAllText(projectPath, updated);
        Console.WriteLine($"updated {Path.GetRelativePath(root, projectPath)}");
    }
}

static string[] SourcesUnder(string dir) => Directory
    .EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
    .OrderBy(f => f, StringComparer.Ordinal)
    .ToArray();
