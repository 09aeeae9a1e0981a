using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Reliability;

/// <summary>
/// <c>/healthz</c> on the real app tells whether the database can be written, not only read: a full disk and a
/// read-only database file are made for real, under the running app, and put right again.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class HealthTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LogTimeout = TimeSpan.FromSeconds(10);

    private readonly ReliabilityDb _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Healthz_answers_503_while_the_disk_is_full_and_200_again_once_there_is_room()
    {
        // A small file system of its own (a tmpfs limited to 16 MiB) that the test can fill to the last byte.
        var disk = Directory.CreateDirectory(_files.File("small-disk")).FullName;
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "careerpath-test-disk", disk);
        var app = AppProcess.Start(Path.Combine(disk, "careerpath.db"));
        try
        {
            await app.WaitUntilListeningAsync(StartTimeout);
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(client));

            var filler = Path.Combine(disk, "filler");
            var filled = FillUp(filler);

            Assert.True(filled > 4 << 20, $"only {filled:N0} bytes were free on the 16 MiB disk after start-up");
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await HealthAsync(client));
            await app.WaitForOutputAsync("The database cannot be written: SQLite Error 13: 'database or disk is full'", LogTimeout);

            File.Delete(filler);

            Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(client));
        }
        finally
        {
            await app.DisposeAsync();
            await RunAsync("umount", disk);
        }
    }

    [Fact]
    public async Task Healthz_answers_503_once_the_file_system_turns_read_only_under_the_running_app()
    {
        // An ext4 file system of its own (a 32 MiB image on a loop device) mounted as servers mount theirs: on an
        // error the kernel turns it read-only, open files and all. The test triggers such an error.
        var image = _files.File("disk.img");
        using (var file = new FileStream(image, FileMode.CreateNew))
        {
            file.SetLength(32 << 20);
        }

        await RunAsync("mkfs.ext4", "-q", image);
        var disk = Directory.CreateDirectory(_files.File("disk")).FullName;
        await RunAsync("mount", "-o", "loop,errors=remount-ro", image, disk);
        var app = AppProcess.Start(Path.Combine(disk, "careerpath.db"));
        try
        {
            await app.WaitUntilListeningAsync(StartTimeout);
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(client));

            var device = Path.GetFileName((await RunAsync("findmnt", "-n", "-o", "SOURCE", disk)).Trim());
            await File.WriteAllTextAsync($"/sys/fs/ext4/{device}/trigger_fs_error", "1");
            var refused = Assert.ThrowsAny<IOException>(() => File.WriteAllText(Path.Combine(disk, "probe"), "even root cannot write here now"));
            Assert.Contains("Read-only file system", refused.Message);

            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await HealthAsync(client));
            // The mount still reads "rw" to access(2) (ext4 only marks itself read-only), so the heartbeat write says it.
            await app.WaitForOutputAsync("The database cannot be written: SQLite Error 8: 'attempt to write a readonly database'", LogTimeout);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/roles")).StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
            await RunAsync("umount", disk);
        }
    }

    [Fact]
    public async Task Healthz_answers_503_while_the_database_file_is_read_only_and_200_again_once_it_is_writable()
    {
        var database = _files.File("careerpath.db");
        // Root may write a file whatever its mode (the capability CAP_DAC_OVERRIDE), so as root the app runs without
        // it, and the file modes bind it as they bind an ordinary account.
        IReadOnlyList<string>? launcher = Environment.IsPrivilegedProcess
            ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
            : null;

        await using var app = AppProcess.Start(database, launcher: launcher);
        await app.WaitUntilListeningAsync(StartTimeout);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(client));

        File.SetUnixFileMode(database, UnixFileMode.UserRead);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await HealthAsync(client));
        await app.WaitForOutputAsync($"The database cannot be written: '{database}' is read-only for the app.", LogTimeout);
        // Reading still works: a check that only read (as /healthz did before) would have said Healthy.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/roles")).StatusCode);

        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(client));
    }

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/healthz");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Writes to the file until the file system refuses with "no space left"; answers how much fitted.</summary>
    private static long FillUp(string path)
    {
        var chunk = new byte[64 * 1024];
        Random.Shared.NextBytes(chunk);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        long written = 0;
        try
        {
            while (true)
            {
                stream.Write(chunk);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // The last chunk may have gone in partly: the disk now has no byte free.
            return written;
        }
    }

    private static async Task<string> RunAsync(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"`{command} {string.Join(' ', args)}` failed ({process.ExitCode}): {error.Trim()}. This test needs root, as in CI, to mount a small file system.");
        return await output;
    }
}
