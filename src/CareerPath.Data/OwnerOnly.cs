using System.Runtime.InteropServices;

namespace CareerPath.Data;

/// <summary>
/// The database, its -wal/-shm files, backups and the cookie keys are readable by their owner only (files 0600,
/// folders 0700): they hold candid notes and the keys that sign sessions. No-ops on Windows, where the per-user
/// folders are private already.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupAndOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// umask 077: everything this process creates from now on (SQLite's files, the key ring, temporary copies) is
    /// created owner-only. Called first thing by the app and the tools.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0b000_111_111);
        }
    }

    /// <summary>Creates the folder and any missing parents 0700; an existing folder is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderPermissions);
        }
    }

    /// <summary>Options that create a missing file 0600 from the first byte (no window in which others could open it).</summary>
    public static FileStreamOptions NewFile(FileMode mode, FileAccess access, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }

        return options;
    }

    /// <summary>Creates an empty file 0600 unless it exists, so SQLite (which copies the main file's mode to -wal and -shm) opens a private file.</summary>
    public static void CreateEmptyFile(string path)
    {
        if (!File.Exists(path))
        {
            using var _ = new FileStream(path, NewFile(FileMode.OpenOrCreate, FileAccess.ReadWrite));
        }
    }

    /// <summary>
    /// Removes group and other access from a file or folder made by an older version (or a wider umask). Returns
    /// whether anything changed; a missing path is ignored.
    /// </summary>
    public static bool Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return false;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) == 0)
        {
            return false;
        }

        File.SetUnixFileMode(path, mode & ~GroupAndOthers);
        return true;
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
