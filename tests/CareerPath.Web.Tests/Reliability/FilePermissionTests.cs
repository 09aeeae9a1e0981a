using System.Net;
using System.Runtime.Versioning;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>
/// What the real app and tools write is readable by its owner only: files 0600, folders 0700. Both are started with
/// the everyday umask 022, so a private file proves the program made it private.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;
    private const UnixFileMode Everyday = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ReliabilityDb _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_app_creates_its_folder_the_database_its_wal_and_shm_the_lock_and_the_key_ring_readable_by_the_owner_only()
    {
        var folder = _files.File("data");
        var database = Path.Combine(folder, "careerpath.db");

        await using var app = AppProcess.Start(database, launcher: ToolProcess.WithUmask022);
        await app.WaitUntilListeningAsync(StartTimeout);
        // The first form needs an antiforgery token, which makes the first data-protection key.
        Assert.Equal(HttpStatusCode.Redirect, await AppForms.RegisterAsync(app.BaseAddress, "alice@example.com", "Alice"));

        var keys = Directory.GetFiles(Path.Combine(folder, "keys"));
        Assert.NotEmpty(keys);
        Assert.All(new[] { folder, Path.Combine(folder, "keys") }, path => Assert.Equal((path, PrivateFolder), (path, File.GetUnixFileMode(path))));
        Assert.All(
            new[] { database, database + "-wal", database + "-shm", database + ".lock" }.Concat(keys),
            path => Assert.Equal((path, Private), (path, File.GetUnixFileMode(path))));
    }

    [Fact]
    public async Task Files_an_older_version_left_readable_by_others_are_made_private_at_start()
    {
        var database = _files.File("careerpath.db");
        await ReliabilityDb.CreateAsync(database);
        var keys = Directory.CreateDirectory(_files.File("keys")).FullName;
        var key = Path.Combine(keys, "key-old.xml");
        await File.WriteAllTextAsync(key, "<key />");
        File.SetUnixFileMode(database, Everyday);
        File.SetUnixFileMode(key, Everyday);
        File.SetUnixFileMode(keys, PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using var app = AppProcess.Start(database, launcher: ToolProcess.WithUmask022);
        await app.WaitUntilListeningAsync(StartTimeout);

        Assert.Equal(Private, File.GetUnixFileMode(database));
        Assert.Equal(Private, File.GetUnixFileMode(key));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(keys));
        Assert.Contains($"Made {database} readable by its owner only", app.Output);
    }

    [Fact]
    public async Task A_backup_and_a_restore_into_a_new_place_are_readable_by_the_owner_only()
    {
        var database = _files.File("careerpath.db");
        await ReliabilityDb.CreateAsync(database);
        File.SetUnixFileMode(database, Everyday);
        var backup = _files.File("backups/2026/careerpath-backup.db");

        var (code, _, error) = await ToolProcess.RunAsync("backup", backup, "--database", database);

        Assert.True(code == 0, error);
        Assert.Equal(Private, File.GetUnixFileMode(backup));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(_files.File("backups")));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(_files.File("backups/2026")));

        var restored = _files.File("elsewhere/careerpath.db");
        (code, _, error) = await ToolProcess.RunAsync("restore", backup, "--database", restored);

        Assert.True(code == 0, error);
        Assert.Equal(Private, File.GetUnixFileMode(restored));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(_files.File("elsewhere")));
        Assert.Equal(Private, File.GetUnixFileMode(restored + ".lock"));
    }
}
