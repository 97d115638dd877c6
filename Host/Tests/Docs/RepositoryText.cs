using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace OneNetFirmware.Host.Tests.Docs
{
    /// <summary>The project's own text files (what a clone holds, without build outputs) and the headings of its Markdown.</summary>
    public static class RepositoryText
    {
        private static readonly string[] SkippedFolders = { ".git", "bin", "obj", "packages", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules", ".vs" };

        /// <summary>Every text file under the repository root, as (path relative to the root with '/', content).</summary>
        public static IEnumerable<(string Path, string Text)> Files()
        {
            var pending = new Stack<string>();
            pending.Push(RepoPaths.Root);
            while (pending.Count > 0)
            {
                string dir = pending.Pop();
                foreach (string sub in Directory.EnumerateDirectories(dir).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
                {
                    pending.Push(sub);
                }
                foreach (string file in Directory.EnumerateFiles(dir))
                {
                    byte[] bytes = File.ReadAllBytes(file);
                    if (Array.IndexOf(bytes, (byte)0) >= 0)
                    {
                        continue; // binary (images, certificates, assemblies)
                    }
                    yield return (Relative(file), Encoding.UTF8.GetString(bytes));
                }
            }
        }

        public static string Relative(string fullPath) => Path.GetRelativePath(RepoPaths.Root, fullPath).Replace('\\', '/');

        /// <summary>The anchors GitHub gives the headings of a Markdown text (fenced code skipped, repeats numbered).</summary>
        public static HashSet<string> Anchors(string markdown)
        {
            var anchors = new HashSet<string>(StringComparer.Ordinal);
            bool fenced = false;
            foreach (string line in markdown.Split('\n'))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    fenced = !fenced;
                    continue;
                }
                Match heading = Regex.Match(line, @"^#{1,6}\s+(.+?)\s*$");
                if (fenced || !heading.Success)
                {
                    continue;
                }
                string slug = Slug(heading.Groups[1].Value);
                string anchor = slug;
                for (int n = 1; !anchors.Add(anchor); n++)
                {
                    anchor = slug + "-" + n;
                }
            }
            return anchors;
        }

        /// <summary>GitHub's heading slug: lower case, punctuation dropped (letters, digits, '-', '_' and spaces stay), spaces to '-'.</summary>
        public static string Slug(string heading)
        {
            var slug = new StringBuilder();
            foreach (char c in heading.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }
            return slug.ToString();
        }
    }
}
