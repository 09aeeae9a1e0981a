using System.Net.WebSockets;
using System.Text.Json;
using CareerPath.Testing;

namespace CareerPath.Web.Tests.Capacity;

/// <summary>
/// Circuits run without WebSocket compression (each compressed circuit holds ~220 KB of zlib state; see
/// docs/benchmarks.md), even when the browser asks for it; the setting turns it back on.
/// </summary>
public sealed class WebSocketCompressionTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task A_circuit_socket_is_compressed_only_when_the_setting_says_so(string? setting, bool compressed)
    {
        var environment = setting is null ? null : new Dictionary<string, string> { ["Circuits__WebSocketCompression"] = setting };
        await using var app = await AppProcess.StartOwnAsync(environment);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var negotiate = await http.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        using var socket = new ClientWebSocket();
        // What Chromium asks for: permessage-deflate.
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"ws://{app.BaseAddress.Authority}/_blazor?id={token}"), CancellationToken.None);

        var extensions = socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var values) == true ? string.Join(",", values) : "";
        Assert.Equal(compressed, extensions.Contains("permessage-deflate", StringComparison.OrdinalIgnoreCase));
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }
}
