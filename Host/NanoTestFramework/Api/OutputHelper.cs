// nanoFramework.TestFramework's OutputHelper: goes to Console, so it also prints in Release builds.
// On the host, the test layer captures Console output into each test's output.
namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message)
        {
            System.Console.Write(message);
        }

        public static void WriteLine(string message)
        {
            System.Console.WriteLine(message);
        }
    }
}
