using System;
using nanoFramework.TestFramework;
using NanoTestFramework.Hosting;
using TestFrameworkShared;
using Xunit;
using NanoAssert = nanoFramework.TestFramework.Assert;
using XAssert = Xunit.Assert;

namespace OneNetFirmware.Host.Tests.TestFramework
{
    /// <summary>The host layer must keep the device runner's semantics, or tests that pass here could fail on a board.</summary>
    public class NanoClassFixtureTests
    {
        public class Counting
        {
            public static int Setups;
            public static int Cleanups;
            public static int Runs;

            [Setup]
            public void Setup() { Setups++; }

            [Cleanup]
            public void Cleanup() { Cleanups++; }

            [TestMethod]
            public void Test() { Runs++; }

            [TestMethod]
            public void Skipping() { NanoAssert.SkipTest("not on this board"); }

            [TestMethod]
            public void Failing() { NanoAssert.AreEqual(1, 2); }
        }

        public class SkippedInSetup
        {
            public static int Runs;

            [Setup]
            public void Setup() { NanoAssert.SkipTest("no sensor attached"); }

            [TestMethod]
            public void Test() { Runs++; }
        }

        private sealed class CountingFixture : NanoClassFixture
        {
            public CountingFixture() : base(typeof(Counting)) { }
        }

        private sealed class SkippedFixture : NanoClassFixture
        {
            public SkippedFixture() : base(typeof(SkippedInSetup)) { }
        }

        [Fact]
        public void SetupAndCleanupRunOncePerClass()
        {
            Counting.Setups = Counting.Cleanups = Counting.Runs = 0;
            using (var fixture = new CountingFixture())
            {
                fixture.Run("Test", Array.Empty<object>());
                fixture.Run("Test", Array.Empty<object>());
                fixture.Run("Test", Array.Empty<object>());
                XAssert.Equal(1, Counting.Setups);
                XAssert.Equal(0, Counting.Cleanups);
            }
            XAssert.Equal(3, Counting.Runs);
            XAssert.Equal(1, Counting.Cleanups);
        }

        [Fact]
        public void SkipTestIsReportedAsSkippedNotFailed()
        {
            using var fixture = new CountingFixture();

            XAssert.Equal("not on this board", fixture.Run("Skipping", Array.Empty<object>()));
            XAssert.Null(fixture.Run("Test", Array.Empty<object>()));
        }

        [Fact]
        public void SkipInSetupSkipsEveryTestOfTheClass()
        {
            SkippedInSetup.Runs = 0;
            using var fixture = new SkippedFixture();

            XAssert.Equal("no sensor attached", fixture.Run("Test", Array.Empty<object>()));
            XAssert.Equal(0, SkippedInSetup.Runs);
        }

        [Fact]
        public void FailuresSurfaceAsAssertFailedException()
        {
            using var fixture = new CountingFixture();

            var ex = XAssert.Throws<AssertFailedException>(() => fixture.Run("Failing", Array.Empty<object>()));
            XAssert.Contains("Expected:<1>. Actual:<2>", ex.Message);
        }

        [Fact]
        public void ThrowsExceptionNeedsTheExactType()
        {
            NanoAssert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentException("x"));
            XAssert.Throws<AssertFailedException>(() =>
                NanoAssert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentNullException("x")));
            XAssert.Throws<AssertFailedException>(() =>
                NanoAssert.ThrowsException(typeof(ArgumentException), () => { }));
        }

        [Fact]
        public void FloatingPointEqualityIsExactAsOnTheDevice()
        {
            NanoAssert.AreEqual(0.1 + 0.2, 0.1 + 0.2);
            XAssert.Throws<AssertFailedException>(() => NanoAssert.AreEqual(0.3, 0.1 + 0.2));
        }

        [Fact]
        public void MessageDefaultsToTheCheckedExpression()
        {
            int reading = 5;
            var ex = XAssert.Throws<AssertFailedException>(() => NanoAssert.IsTrue(reading > 10));
            XAssert.Contains("reading > 10", ex.Message);
        }

        [Fact]
        public void CollectionAssertComparesElementsInOrder()
        {
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 });
            XAssert.Throws<AssertFailedException>(() => CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 3, 2 }));
            XAssert.Throws<AssertFailedException>(() => CollectionAssert.Empty(new[] { 1 }));
        }
    }
}
