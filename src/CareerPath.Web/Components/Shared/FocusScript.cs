using Microsoft.JSInterop;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// Moves the keyboard focus through js/focus-field.js, imported the first time a page needs it and released with the
/// page. Moving focus is a courtesy: a browser that refuses it, or has gone, keeps the page working.
/// </summary>
public sealed class FocusScript(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;

    /// <summary>Calls one of the script's functions (focusById, focusField, focusRow).</summary>
    public async Task CallAsync(string function, params object[] args)
    {
        try
        {
            _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/focus-field.js");
            await _module.InvokeVoidAsync(function, args);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The page is shown either way; only where the keyboard is differs.
        }
    }

    public Task ByIdAsync(string id) => CallAsync("focusById", id);

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The page went with its connection: nothing left to release in the browser.
            }
        }
    }
}
