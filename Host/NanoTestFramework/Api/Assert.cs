using System;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

// nanoFramework.TestFramework's Assert (docs/nanoframework.md#nanoframeworktestframework): the same overloads and semantics — exact Equals for
// floating point (no delta), exact-type ThrowsException, the message defaulted by [CallerArgumentExpression].
// Compiled both into the host test layer and, as the API stand-in, into the nanoFramework gate (C# 9, mscorlib only).
namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(char expected, char actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(double expected, double actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(float expected, float actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(object expected, object actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(short expected, short actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(string expected, string actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }
        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression("actual")] string message = "") { CheckEqual(expected, actual, message); }

        public static void AreNotEqual(bool notExpected, bool actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(byte notExpected, byte actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(char notExpected, char actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(DateTime notExpected, DateTime actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(double notExpected, double actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(float notExpected, float actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(int notExpected, int actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(long notExpected, long actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(short notExpected, short actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(string notExpected, string actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(uint notExpected, uint actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(ulong notExpected, ulong actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }
        public static void AreNotEqual(ushort notExpected, ushort actual, [CallerArgumentExpression("actual")] string message = "") { CheckNotEqual(notExpected, actual, message); }

        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (expected is ValueType || actual is ValueType)
            {
                Fail("Assert.AreSame", "Do not pass value types to AreSame(). " + message);
            }
            if (!ReferenceEquals(expected, actual))
            {
                Fail("Assert.AreSame", message);
            }
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", message);
            }
        }

        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (!condition) Fail("Assert.IsTrue", message);
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (condition) Fail("Assert.IsFalse", message);
        }

        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null) Fail("Assert.IsNull", message);
        }

        public static void IsNotNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null) Fail("Assert.IsNotNull", message);
        }

        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || !expected.IsInstanceOfType(value))
            {
                Fail("Assert.IsInstanceOfType", "Expected type:<" + expected + ">. Actual type:<" + (value == null ? "(null)" : value.GetType().ToString()) + ">. " + message);
            }
        }

        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null && notExpected.IsInstanceOfType(value))
            {
                Fail("Assert.IsNotInstanceOfType", "Wrong type:<" + notExpected + ">. " + message);
            }
        }

        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || value.IndexOf(expected) < 0) Fail("Assert.Contains", "'" + value + "' does not contain '" + expected + "'. " + message);
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null && notExpected != null && value.IndexOf(notExpected) >= 0) Fail("Assert.DoesNotContains", "'" + value + "' should not contain '" + notExpected + "'. " + message);
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || !value.StartsWith(expected)) Fail("Assert.StartsWith", "'" + value + "' does not start with '" + expected + "'. " + message);
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null || expected == null || !value.EndsWith(expected)) Fail("Assert.EndsWith", "'" + value + "' does not end with '" + expected + "'. " + message);
        }

        /// <summary>Passes only when the action throws exactly this type (a derived exception fails).</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "")
        {
            if (exception == null) Fail("Assert.ThrowsException", "The parameter 'exception' is invalid. The value cannot be null.");
            if (action == null) Fail("Assert.ThrowsException", "The parameter 'action' is invalid. The value cannot be null.");
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exception)
                {
                    return;
                }
                Fail("Assert.ThrowsException", "Threw exception " + ex.GetType().Name + ", but exception " + exception.Name + " was expected. " + message + "\r\nException Message: " + ex.Message);
            }
            Fail("Assert.ThrowsException", "No exception thrown. " + exception.Name + " exception was expected. " + message);
        }

        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        private static void CheckEqual(object expected, object actual, string message)
        {
            if (!Equals(expected, actual))
            {
                Fail("Assert.AreEqual", "Expected:<" + Show(expected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        private static void CheckNotEqual(object notExpected, object actual, string message)
        {
            if (Equals(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Expected any value except:<" + Show(notExpected) + ">. Actual:<" + Show(actual) + ">. " + message);
            }
        }

        private static string Show(object value)
        {
            return value == null ? "(null)" : value.ToString();
        }

        internal static void Fail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + message);
        }
    }
}
