using System.IO;
using OneNetFirmware.Host.Node;
using Xunit;

namespace OneNetFirmware.Host.Tests.Battery;

/// <summary>The host's file IStorage used by `run` in battery mode.</summary>
public class FileStorageTests
{
    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory("onenet-storage-").FullName, "outbox.bin");

    [Fact]
    public void WritesReadsAndRemovesTheFile()
    {
        var storage = new FileStorage(NewPath());
        var buffer = new byte[8];
        Assert.Equal(0, storage.Read(buffer));

        Assert.True(storage.Write([1, 2, 3, 4, 5], 3));
        Assert.Equal(3, storage.Read(buffer));
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..3]);
        Assert.False(File.Exists(storage.Path + ".new"));

        Assert.True(storage.Write(buffer, 0));
        Assert.False(File.Exists(storage.Path));
        Assert.Equal(0, storage.Read(buffer));
    }

    [Fact]
    public void AFileLargerThanTheBufferIsReportedAsUnusable()
    {
        var storage = new FileStorage(NewPath());
        storage.Write(new byte[16], 16);

        Assert.Equal(-1, storage.Read(new byte[8]));
    }
}
