using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CareerPath.Benchmarks.Load;

/// <summary>How long an action took: to the first render batch after it, and to the batch that showed it done.</summary>
public readonly record struct ActionTiming(double FirstRenderMs, double DoneMs);

/// <summary>
/// One Blazor Server circuit opened without a browser, the way blazor.web.js (.NET 9) opens one for a page rendered
/// with interactive server render mode: GET the page (prerendered), take its server component markers and persisted
/// state, connect to /_blazor (negotiate, WebSockets, blazorpack), StartCircuit, then UpdateRootComponents to add the
/// markers' components. Every render batch is applied to a <see cref="RenderDocument"/> and acknowledged; every JS
/// interop call is answered (by <see cref="JsResults"/>, else with a null result, or a fresh object reference when
/// the server asks for one). Events are dispatched by handler id, found in the document.
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly Lock _lock = new();
    private readonly HubConnection _connection;
    private readonly Func<string, string, object?>? _jsResults;
    private long _jsObjects;
    private long _calls;
    private long? _rendererInterop;
    private Waiter? _waiter;

    private BlazorCircuit(HubConnection connection, Func<string, string, object?>? jsResults)
    {
        _connection = connection;
        _jsResults = jsResults;
        _connection.Closed += error =>
        {
            Failure ??= error?.Message ?? "connection closed";
            FailWaiter();
            return Task.CompletedTask;
        };
    }

    public RenderDocument Document { get; } = new();

    /// <summary>Set when the server reported an error (JS.Error) or the connection closed.</summary>
    public string? Failure { get; private set; }

    public int Batches { get; private set; }

    /// <summary>
    /// Opens a circuit on <paramref name="page"/>: loads the page with <paramref name="http"/> (whose cookies sign the
    /// user in; it must not handle cookies itself, so one client serves every user), connects and waits until <paramref name="ready"/> holds for the rendered document.
    /// <paramref name="jsResults"/> answers JS interop calls by identifier and arguments (JSON), null for none.
    /// </summary>
    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, CookieContainer cookies, Uri page, Func<RenderDocument, bool> ready,
        Func<string, string, object?>? jsResults = null, TimeSpan? timeout = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        if (cookies.GetCookieHeader(page) is { Length: > 0 } cookieHeader)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {page.PathAndQuery} answered {(int)response.StatusCode}{(response.Headers.Location is { } to ? " to " + to : "")}.");
        }

        var html = await response.Content.ReadAsStringAsync();
        var markers = Markers().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m["descriptor"] is not null && (string?)m["type"] == "server")
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{page} has no interactive server component.");
        }

        var state = PersistedState().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        var baseUri = new Uri(page, "/");
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.Cookies = cookies;
                // Straight to the WebSocket (blazor.web.js negotiates first): one socket per circuit, not two while the
                // negotiation's pooled connection idles. The server admits and counts the circuit at the socket either way.
                options.SkipNegotiation = true;
            })
            .WithServerTimeout(TimeSpan.FromMinutes(2));
        builder.Services.AddSingleton<IHubProtocol, BlazorPackHubProtocol>();
        var connection = builder.Build();
        var circuit = new BlazorCircuit(connection, jsResults);
        circuit.Register();
        try
        {
            var first = circuit.Expect(ready);
            await connection.StartAsync();
            var secret = await connection.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), page.ToString(), "[]", "");
            if (string.IsNullOrEmpty(secret))
            {
                throw new InvalidOperationException(circuit.Failure ?? "StartCircuit was refused.");
            }

            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "add",
                    ["ssrComponentId"] = i + 1,
                    ["marker"] = marker.DeepClone(),
                }).ToArray()),
            };
            await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state);
            try
            {
                await first.Done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                var shown = circuit.Read(d => string.Join(" ", d.Components.Values.Select(d.TextOf)));
                throw new TimeoutException($"{page.PathAndQuery} was not ready after {circuit.Batches} render batches{(circuit.Failure is null ? "" : " (" + circuit.Failure + ")")}; it shows: {shown[..Math.Min(shown.Length, 600)]}");
            }

            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Finds an element with a handler for the event, e.g. the button whose text or aria-label contains "Add to plan".</summary>
    public ulong? FindHandler(string eventAttribute, Func<ElementNode, bool> match)
    {
        lock (_lock)
        {
            return Document.Find(e => e.Handlers.ContainsKey(eventAttribute) && match(e))?.Handlers[eventAttribute];
        }
    }

    /// <summary>Reads the document under the circuit's lock.</summary>
    public T Read<T>(Func<RenderDocument, T> read)
    {
        lock (_lock)
        {
            return read(Document);
        }
    }

    /// <summary>
    /// Dispatches an event (as blazor.web.js does: the event descriptor and the event's arguments, as JSON) and waits for the
    /// render batch after which <paramref name="done"/> holds.
    /// </summary>
    public async Task<ActionTiming> DispatchAsync(ulong handlerId, string eventName, object eventArgs, Func<RenderDocument, bool> done, TimeSpan timeout)
    {
        var waiter = Expect(done);
        var start = Stopwatch.GetTimestamp();
        waiter.Start = start;
        // Since .NET 6 an event is a JS-to-.NET call on the renderer's interop object (WebRendererInteropMethods,
        // handed to the client in attachWebRendererInterop): DispatchEventAsync(descriptor, eventArgs).
        var rendererInterop = _rendererInterop ?? throw new InvalidOperationException("The server has not attached its renderer interop object.");
        var descriptor = new { eventHandlerId = handlerId, eventName, eventFieldInfo = (object?)null };
        await _connection.SendAsync("BeginInvokeDotNetFromJS", Interlocked.Increment(ref _calls).ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, "DispatchEventAsync", rendererInterop, JsonSerializer.Serialize(new[] { descriptor, eventArgs }, Web));
        try
        {
            await waiter.Done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(waiter.FirstRenderMs == 0
                ? $"No render batch within {timeout.TotalSeconds:0} s of the {eventName} event."
                : $"The page did not show the {eventName} event done within {timeout.TotalSeconds:0} s (it rendered after {waiter.FirstRenderMs:0} ms).");
        }

        return new ActionTiming(waiter.FirstRenderMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    /// <summary>A mouse click as the browser reports it.</summary>
    public static object Click => new { type = "click", detail = 1, button = 0, buttons = 0 };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // Already gone.
        }
    }

    private Waiter Expect(Func<RenderDocument, bool> done)
    {
        var waiter = new Waiter(done);
        lock (_lock)
        {
            _waiter = waiter;
        }

        return waiter;
    }

    private void FailWaiter()
    {
        lock (_lock)
        {
            _waiter?.Done.TrySetException(new InvalidOperationException(Failure));
            _waiter = null;
        }
    }

    private void Register()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (batchId, data) =>
        {
            string? error = null;
            lock (_lock)
            {
                try
                {
                    Document.Apply(data);
                    Batches++;
                    if (_waiter is { } waiter)
                    {
                        if (waiter.FirstRenderMs == 0 && waiter.Start != 0)
                        {
                            waiter.FirstRenderMs = Stopwatch.GetElapsedTime(waiter.Start).TotalMilliseconds;
                        }

                        if (waiter.Condition(Document))
                        {
                            waiter.Done.TrySetResult();
                            _waiter = null;
                        }
                    }
                }
                catch (Exception ex)
                {
                    // Reported to the server as blazor.web.js reports a batch it could not apply; the circuit is then unusable.
                    error = "The client could not apply render batch " + batchId + ": " + ex.Message;
                    Failure ??= error;
                }
            }

            await _connection.SendAsync("OnRenderCompleted", batchId, error);
        });
        _connection.On<long, string, string, int, long>("JS.BeginInvokeJS", async (asyncHandle, identifier, argsJson, resultType, _) =>
        {
            if (identifier == "Blazor._internal.attachWebRendererInterop"
                && JsonNode.Parse(argsJson) is JsonArray { Count: > 1 } arguments
                && arguments[1]?["__dotNetObject"] is JsonValue reference)
            {
                _rendererInterop = reference.GetValue<long>();
            }

            // Result types: 0 a value, 1 a JS object reference, 2 a stream reference, 3 nothing.
            var result = resultType == 1
                ? new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _jsObjects) }
                : _jsResults?.Invoke(identifier, argsJson);
            if (asyncHandle != 0)
            {
                await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, JsonSerializer.Serialize(new object?[] { asyncHandle, true, result }, Web));
            }
        });
        _connection.On<string>("JS.Error", message =>
        {
            Failure ??= message;
            FailWaiter();
        });
        // Answers the client need not act on; registered so they are not logged as unknown.
        _connection.On<string>("JS.EndInvokeDotNet", _ => { });
        _connection.On<int, bool, string>("JS.EndLocationChanging", (_, _, _) => { });
    }

    private sealed class Waiter(Func<RenderDocument, bool> condition)
    {
        public Func<RenderDocument, bool> Condition { get; } = condition;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Start { get; set; }

        public double FirstRenderMs { get; set; }
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex PersistedState();
}
