// Rewrites the <ItemGroup Label="Sources"> of the three .nfproj files from the .cs files on disk, because the
// nanoFramework project system takes no globs. Firmware.Tests also links every portable source, so the device test
// run covers the same code as the host. Run from the repository root:  dotnet run Host/Tools/SyncNfproj.cs
// The host test NfprojItemsTests fails whenever these lists and the disk disagree.
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

Sync("Firmware/Firmware.nfproj", linkPortable: false);
Sync("Drivers/Drivers.nfproj", linkPortable: false);
Sync("Firmware.Tests/Firmware.Tests.nfproj", linkPortable: true);
return 0;

void Sync(string project, bool linkPortable)
{
    string projectPath = Path.Combine(root, project);
    string dir = Path.GetDirectoryName(projectPath)!;
    var sb = new StringBuilder();
    sb.Append("  <ItemGroup Label=\"Sources\">\n");
    foreach (string file in SourcesUnder(dir))
    {
        sb.Append($"    <Compile Include=\"{Windows(Path.GetRelativePath(dir, file))}\" />\n");
    }
    if (linkPortable)
    {
        foreach (string portable in new[] { "Firmware/Portable", "Drivers/Portable" })
        {
            string owner = portable.Split('/')[0];
            foreach (string file in SourcesUnder(Path.Combine(root, portable)))
            {
                string include = Windows(Path.GetRelativePath(dir, file));
                string link = Windows(Path.Combine("Portable", owner, Path.GetRelativePath(Path.Combine(root, portable), file)));
                sb.Append($"    <Compile Include=\"{include}\">\n      <Link>{link}</Link>\n    </Compile>\n");
            }
        }
    }
    sb.Append("  </ItemGroup>");
    string text = File.ReadAllText(projectPath);
    string updated = Regex.Replace(text, "  <ItemGroup Label=\"Sources\">.*?</ItemGroup>", sb.ToString(), RegexOptions.Singleline);
    if (updated != text)
    {
        File.WriteAllText(projectPath, updated);
        Console.WriteLine($"updated {project}");
    }
}

static string[] SourcesUnder(string dir) => Directory
    .EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
    .OrderBy(f => f, StringComparer.Ordinal)
    .ToArray();

static string Windows(string path) => path.Replace('/', '\\');
