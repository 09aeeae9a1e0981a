using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CareerPath.Web.Tests;

/// <summary>For tests that start a real server of their own (nginx, an SMTP server).</summary>
public static class ServerProcess
{
    /// <summary>True once something accepts connections on the loopback port; false if the process ended or 15 s passed.</summary>
    public static async Task<bool> WaitUntilListeningAsync(Process process, int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15) && !process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }
}
