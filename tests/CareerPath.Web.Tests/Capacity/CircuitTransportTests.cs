using System.Net;
using System.Text.Json;

namespace CareerPath.Web.Tests.Capacity;

/// <summary>
/// Circuits run over WebSockets only: a WebSocket is what admission counts and caps, so SignalR's fallbacks (long
/// polling, server-sent events), which a client uses when its WebSocket is refused, must not open a circuit instead.
/// </summary>
public sealed class CircuitTransportTests(CareerPathAppFactory app) : IClassFixture<CareerPathAppFactory>
{
    [Theory]
    [InlineData("GET", null)]
    [InlineData("GET", "text/event-stream")]
    public async Task A_circuit_connection_that_is_not_a_websocket_is_refused(string method, string? accept)
    {
        var http = app.CreateClient();
        using var negotiate = await http.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        // Long polling's first poll, and server-sent events, on a freshly negotiated connection.
        using var request = new HttpRequestMessage(new HttpMethod(method), $"_blazor?id={token}");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Sent as it is, to a script: not re-run as the HTML "not found" page.
        Assert.Empty(await response.Content.ReadAsStringAsync(cancel.Token));
    }
}
