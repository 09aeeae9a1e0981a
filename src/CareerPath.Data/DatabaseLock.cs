namespace CareerPath.Data;

/// <summary>
/// An exclusive lock on <c>&lt;database&gt;.lock</c> beside the database. The app holds it for as long as it runs and
/// a restore while it copies, so a restore cannot replace the database under a running app, and two apps cannot
/// share one database. It is the operating system's lock on an open file (on Linux and macOS .NET takes it with
/// <c>flock(LOCK_EX)</c> for <see cref="FileShare.None"/>), so it ends with the process, even on SIGKILL; the
/// file itself stays and means nothing on its own.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    // What .NET puts in HResult when another handle holds the file: ERROR_SHARING_VIOLATION on Windows, flock's
    // errno EWOULDBLOCK elsewhere (11 on Linux, 35 on macOS; checked on Linux against /proc/locks).
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;

    private readonly FileStream _stream;

    private DatabaseLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    public static string PathFor(string databasePath) => System.IO.Path.GetFullPath(databasePath) + ".lock";

    /// <summary>Takes the lock, or answers null if another process (or another handle in this one) holds it.</summary>
    public static DatabaseLock? TryAcquire(string databasePath)
    {
        var path = PathFor(databasePath);
        try
        {
            var stream = new FileStream(path, OwnerOnly.NewFile(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            return new DatabaseLock(path, stream);
        }
        catch (IOException ex) when (IsHeldElsewhere(ex))
        {
            return null;
        }
    }

    private static bool IsHeldElsewhere(IOException ex) => ex.HResult switch
    {
        SharingViolation => OperatingSystem.IsWindows(),
        LinuxWouldBlock => OperatingSystem.IsLinux(),
        MacWouldBlock => OperatingSystem.IsMacOS(),
        _ => false,
    };

    public void Dispose() => _stream.Dispose();
}
