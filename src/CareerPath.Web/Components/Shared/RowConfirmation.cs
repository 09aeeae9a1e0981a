using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// One "Remove?" question at a time in a list of rows, held by the page. A <see cref="ConfirmButton"/> per row would
/// keep a component per row alive for as long as the page is open (docs/benchmarks.md, "Load"). The page renders the
/// question on the row being <see cref="Asking"/> about, its answer button with <c>@ref="….AnswerButton"</c>, and on
/// every other row a button with the id <see cref="TriggerId"/>. The answer gets the keyboard when asked; Esc or
/// Cancel puts it back on the row's button, as <see cref="ConfirmButton"/> does; once the row is gone, the keyboard goes
/// to <paramref name="afterRemoval"/> (the id of the list's heading, focusable with <c>tabindex="-1"</c>). A page that
/// names its rows more briefly than by id gives <paramref name="rowName"/> for the buttons' ids.
/// </summary>
public sealed class RowConfirmation(IJSRuntime js, string triggerPrefix, string afterRemoval, Func<Guid, string>? rowName = null) : IAsyncDisposable
{
    private bool _focusAnswer;
    private string? _refocus;
    private readonly FocusScript _focus = new(js);

    /// <summary>The row asked about, if any.</summary>
    public Guid? Asking { get; private set; }

    /// <summary>The button that answers yes, on the row asked about.</summary>
    public ElementReference AnswerButton { get; set; }

    public string TriggerId(Guid row) => $"{triggerPrefix}-{(rowName is null ? row.ToString() : rowName(row))}";

    public void Ask(Guid row)
    {
        Asking = row;
        _focusAnswer = true;
        _refocus = null;
    }

    /// <summary>The row the user said yes about (the question closes), or null when none was asked about.</summary>
    public Guid? Answer()
    {
        var row = Asking;
        Asking = null;
        _refocus = row is null ? null : afterRemoval;
        return row;
    }

    public void Cancel()
    {
        _refocus = Asking is { } row ? TriggerId(row) : null;
        Asking = null;
    }

    public void OnKeyDown(KeyboardEventArgs e)
    {
        if (e.Key == "Escape")
        {
            Cancel();
        }
    }

    /// <summary>Call from the page's OnAfterRenderAsync: moves the keyboard once the rows it names are on screen.</summary>
    public async Task AfterRenderAsync()
    {
        try
        {
            if (_focusAnswer && Asking is not null)
            {
                _focusAnswer = false;
                await AnswerButton.FocusAsync();
            }
            else if (_refocus is { } id)
            {
                _refocus = null;
                await _focus.ByIdAsync(id);
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // Moving the keyboard is a courtesy: a browser that refuses it, or an answer button not on the page (the
            // row could not be asked about), keeps the page, and the page keeps working.
        }
    }

    public ValueTask DisposeAsync() => _focus.DisposeAsync();
}
