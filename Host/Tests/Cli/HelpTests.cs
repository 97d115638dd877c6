using System.IO;
using OneNetFirmware.Cli;
using Xunit;

namespace OneNetFirmware.Host.Tests.Cli
{
    public class HelpTests
    {
        public static TheoryData<string> Commands() => new(Program.CommandNames);

        [Theory]
        [MemberData(nameof(Commands))]
        public void EveryCommandAnswersHelpWithItsUsage(string command)
        {
            foreach (string flag in new[] { "--help", "-h" })
            {
                var stdout = new StringWriter();
                var stderr = new StringWriter();

                Assert.Equal(Program.Ok, Program.Run(new[] { command, flag }, stdout, stderr));
                Assert.StartsWith("usage: onenet-node\n  " + command, stdout.ToString().Replace("\r\n", "\n"));
                Assert.Equal("", stderr.ToString());
            }
        }

        [Fact]
        public void HelpAfterOtherOptionsStillShowsTheUsageAndStartsNothing()
        {
            var stdout = new StringWriter();

            Assert.Equal(Program.Ok, Program.Run(new[] { "emulator", "--port", "1", "--help" }, stdout, new StringWriter()));
            Assert.Contains("--bind", stdout.ToString());
        }

        [Fact]
        public void TheOverviewListsEveryCommand()
        {
            var stdout = new StringWriter();

            Assert.Equal(Program.Ok, Program.Run(new[] { "--help" }, stdout, new StringWriter()));
            foreach (string command in Program.CommandNames) Assert.Contains("\n  " + command + " ", stdout.ToString().Replace("\r\n", "\n"));
            Assert.Equal(Program.Usage, Program.Run(new[] { "nonsense", "--help" }, new StringWriter(), new StringWriter()));
        }
    }
}
