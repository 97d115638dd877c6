using System;
using System.IO;

namespace OneNetFirmware.Host.Tests
{
    /// <summary>Locates the repository (the folder holding OneNetFirmware.sln) from the test binaries.</summary>
    public static class RepoPaths
    {
        public static readonly string Root = FindRoot();

        public static string Of(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        /// <summary>The real mscorlib.dll of nanoFramework.CoreLibrary 1.17.11, copied next to the tests.</summary>
        public static string NanoMscorlib => Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll");

        private static string FindRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "OneNetFirmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }
            return dir ?? throw new InvalidOperationException("OneNetFirmware.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
