using System.Net.WebSockets;
using System.Text.Json;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Capacity;

/// <summary>
/// Open circuit sockets are counted while they are open, on the real server (Kestrel, where a socket is only known as
/// one once the WebSocket middleware has run): visitors without an account share at most a tenth of the cap, at least 10.
/// </summary>
public sealed class CircuitSocketShareTests
{
    [Fact]
    public async Task Visitors_without_an_account_hold_at_most_their_share_of_open_circuit_sockets()
    {
        await using var app = await AppProcess.StartOwnAsync(new Dictionary<string, string> { ["Circuits__MaxLive"] = "50" });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var open = new List<ClientWebSocket>();
        try
        {
            for (var i = 0; i < 11; i++)
            {
                using var negotiate = await http.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
                if (!negotiate.IsSuccessStatusCode)
                {
                    // The room is checked at negotiation too: the eleventh may be refused here already.
                    Assert.Equal(10, open.Count);
                    Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);
                    return;
                }

                var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
                var socket = new ClientWebSocket();
                socket.Options.CollectHttpResponseDetails = true;
                try
                {
                    await socket.ConnectAsync(new Uri($"ws://{app.BaseAddress.Authority}/_blazor?id={token}"), CancellationToken.None);
                    open.Add(socket);
                }
                catch (WebSocketException)
                {
                    Assert.Equal(10, open.Count);
                    Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, socket.HttpStatusCode);
                    socket.Dispose();
                    return;
                }
            }

            Assert.Fail($"All {open.Count} sockets of visitors without an account were let in; their share is 10.");
        }
        finally
        {
            foreach (var socket in open)
            {
                socket.Abort();
                socket.Dispose();
            }
        }
    }
}
