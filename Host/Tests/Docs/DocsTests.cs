using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace OneNetFirmware.Host.Tests.Docs
{
    /// <summary>
    /// The documentation stands on its own: nothing cites a document a user does not have, every link in README.md and
    /// docs/ leads somewhere, and every docs/ page a code comment cites (with its section) exists.
    /// </summary>
    public class DocsTests
    {
        // Research notes the project was written from, which are not in the repository. Built from pieces so that this
        // file does not name them itself.
        private static readonly string[] OutsideDocuments =
        {
            "ONENET" + ".md", "NANOFRAMEWORK" + ".md", "PEERS" + ".md", "DESIGN" + ".md",
            "ONENET" + " §", "NANOFRAMEWORK" + " §", "/work/" + "shared", "../" + "shared/", "mscorlib-1.17.11-" + "api.txt",
        };

        [Fact]
        public void NoFileCitesADocumentOutsideTheRepository()
        {
            var files = RepositoryText.Files().ToList();
            Assert.Contains(files, f => f.Path == "README.md");

            var citations = files
                .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
                .Where(l => OutsideDocuments.Any(d => l.Text.Contains(d, StringComparison.Ordinal)))
                .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
                .ToList();

            Assert.True(citations.Count == 0,
                "these lines cite documents that are not in the repository; cite the docs/ page that holds the fact instead:\n"
                + string.Join("\n", citations));
        }

        [Fact]
        public void EveryRelativeLinkInTheReadmeAndDocsLeadsToAFileAndHeading()
        {
            var pages = new[] { RepoPaths.Of("README.md") }.Concat(Directory.EnumerateFiles(RepoPaths.Of("docs"), "*.md")).ToList();
            var broken = new List<string>();
            int checkedLinks = 0;
            foreach (string page in pages)
            {
                string text = File.ReadAllText(page);
                foreach (Match link in Regex.Matches(WithoutCode(text), @"\]\(([^)\s]+)\)"))
                {
                    string target = link.Groups[1].Value;
                    if (Regex.IsMatch(target, "^[a-z]+:", RegexOptions.IgnoreCase))
                    {
                        continue; // https:, mailto:
                    }
                    checkedLinks++;
                    string problem = Problem(page, target);
                    if (problem != null)
                    {
                        broken.Add(RepositoryText.Relative(page) + ": (" + target + ") " + problem);
                    }
                }
            }

            Assert.True(checkedLinks > 20, "found only " + checkedLinks + " relative links; is the pattern still right?");
            Assert.True(broken.Count == 0, "broken links:\n" + string.Join("\n", broken));
        }

        [Fact]
        public void EveryDocsPageTheFilesCiteExists()
        {
            var broken = new List<string>();
            int citations = 0;
            foreach (var (path, text) in RepositoryText.Files())
            {
                foreach (Match cite in Regex.Matches(text, @"(?<![\w/.-])docs/([\w.-]+\.md)(#[\w-]+)?"))
                {
                    citations++;
                    string problem = Problem(RepoPaths.Of("docs", "index"), cite.Groups[1].Value + cite.Groups[2].Value);
                    if (problem != null)
                    {
                        broken.Add(path + ": " + cite.Value + " " + problem);
                    }
                }
            }

            Assert.True(citations > 20, "found only " + citations + " citations of docs/; is the pattern still right?");
            Assert.True(broken.Count == 0, "citations of missing docs pages or sections:\n" + string.Join("\n", broken));
        }

        [Fact]
        public void TheReadmeStaysAnOverview()
        {
            int lines = File.ReadAllLines(RepoPaths.Of("README.md")).Length;

            Assert.True(lines <= 250, "README.md has " + lines + " lines; move the details into docs/ and link them");
        }

        /// <summary>Null when <paramref name="target"/> (a relative path, optionally with #anchor, or only an anchor) resolves from the page <paramref name="from"/>.</summary>
        private static string Problem(string from, string target)
        {
            string[] parts = target.Split('#', 2);
            string file = parts[0].Length == 0 ? from : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from), Uri.UnescapeDataString(parts[0])));
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                return "names a file that does not exist";
            }
            if (parts.Length == 2 && file.EndsWith(".md", StringComparison.Ordinal) && !RepositoryText.Anchors(File.ReadAllText(file)).Contains(parts[1]))
            {
                return "names a heading that does not exist: #" + parts[1];
            }
            return null;
        }

        /// <summary>The text with fenced code blocks and inline code removed, where ](…) is not a link.</summary>
        private static string WithoutCode(string markdown)
        {
            string noFences = Regex.Replace(markdown, "^```.*?^```", "", RegexOptions.Multiline | RegexOptions.Singleline);
            return Regex.Replace(noFences, "`[^`\n]*`", "");
        }
    }
}
