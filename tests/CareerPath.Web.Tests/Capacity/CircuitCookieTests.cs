using System.Net.WebSockets;
using System.Text;
using CareerPath.Web.Capacity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Web.Tests.Capacity;

/// <summary>
/// A circuit's socket keeps its request for as long as the circuit lives: once admitted, the request no longer holds
/// the cookies authentication read before it (about 6 KB a circuit: docs/benchmarks.md).
/// </summary>
public sealed class CircuitCookieTests
{
    [Fact]
    public async Task An_admitted_circuit_socket_keeps_none_of_the_cookies_read_before_admission()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCircuitAdmission();
        await using var app = builder.Build();
        string? readBefore = null;
        app.UseWebSockets();
        // Where authentication stands in the app: it reads (and so parses) the cookies before admission.
        app.Use((context, next) =>
        {
            readBefore = context.Request.Cookies["ticket"];
            return next(context);
        });
        app.UseCircuitAdmission();
        app.Run(async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var kept = $"header:{context.Request.Headers.Cookie.Count} parsed:{context.Request.Cookies.Count}";
            await socket.SendAsync(Encoding.UTF8.GetBytes(kept), WebSocketMessageType.Text, true, CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        });
        await app.StartAsync();

        var client = app.GetTestServer().CreateWebSocketClient();
        client.ConfigureRequest = request => request.Headers.Cookie = "ticket=signed-in; token=antiforgery";
        using var socket = await client.ConnectAsync(new Uri("ws://localhost/_blazor?id=circuit"), CancellationToken.None);
        var buffer = new byte[256];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None);

        Assert.Equal("signed-in", readBefore);
        Assert.Equal("header:0 parsed:0", Encoding.UTF8.GetString(buffer, 0, received.Count));
        await app.StopAsync();
    }
}
