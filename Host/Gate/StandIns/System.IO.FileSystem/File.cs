// COMPILE-ONLY stand-in: nanoFramework.System.IO.FileSystem 1.1.93 (docs/packages.md): System.IO.File, signatures from
// nanoframework/System.IO.FileSystem v1.1.93 System.IO.FileSystem/File.cs.
using System;

namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path) { throw new NotImplementedException(); }
        public static string ReadAllText(string path) { throw new NotImplementedException(); }
        public static void WriteAllText(string path, string contents) { throw new NotImplementedException(); }
        public static byte[] ReadAllBytes(string path) { throw new NotImplementedException(); }
        public static void WriteAllBytes(string path, byte[] bytes) { throw new NotImplementedException(); }
        public static void Delete(string path) { throw new NotImplementedException(); }
        public static void Move(string sourceFileName, string destFileName) { throw new NotImplementedException(); }
    }
}
