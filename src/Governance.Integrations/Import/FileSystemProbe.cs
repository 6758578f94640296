using System.Runtime.InteropServices;

namespace Governance.Integrations.Import;

/// <summary>What a path names, links followed.</summary>
internal enum EntryKind
{
    /// <summary>Nothing, or a link to nothing, or a place this process may not look.</summary>
    Missing,

    /// <summary>A regular file: the only kind an import opens.</summary>
    File,

    Directory,

    /// <summary>A FIFO, socket or device: opening or reading one can wait forever or never end.</summary>
    Special,
}

/// <summary>
/// Asks the file system what a path is and where it really is, links resolved. .NET reports FIFOs, sockets and devices as
/// files and has no real-path call, so on Linux this asks the C library (statx, realpath); elsewhere it falls back to
/// what .NET can tell, which does not tell special files apart.
/// </summary>
internal static partial class FileSystemProbe
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int TypeMask = 0xF000;

    /// <summary>What <paramref name="path"/> is, links followed, and for a special file what kind (<c>a FIFO (named pipe)</c>).</summary>
    public static (EntryKind Kind, string Description) Probe(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? (EntryKind.Directory, "a folder") : File.Exists(path) ? (EntryKind.File, "a file") : (EntryKind.Missing, "nothing");
        }

        if (Statx(AtCurrentDirectory, path, 0, StatxType, out var status) != 0)
        {
            return (EntryKind.Missing, "nothing");
        }

        return (status.Mode & TypeMask) switch
        {
            0x8000 => (EntryKind.File, "a file"),
            0x4000 => (EntryKind.Directory, "a folder"),
            0x1000 => (EntryKind.Special, "a FIFO (named pipe)"),
            0xC000 => (EntryKind.Special, "a socket"),
            0x2000 => (EntryKind.Special, "a character device"),
            0x6000 => (EntryKind.Special, "a block device"),
            _ => (EntryKind.Special, "not a regular file"),
        };
    }

    /// <summary>The absolute path of <paramref name="path"/> with every link and <c>..</c> resolved; null when it does not exist.</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ManagedRealPath(path);
        }

        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it (both real paths).</summary>
    public static bool IsWithin(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // Where statx and realpath are missing: the final link resolved, the folders above it taken as written.
    private static string? ManagedRealPath(string path)
    {
        var full = Path.GetFullPath(path);
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        return info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);

    /// <summary>Linux's struct statx: 256 bytes, the same on every architecture; only the mode is read.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }
}
