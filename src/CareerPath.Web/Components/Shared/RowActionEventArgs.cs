using Microsoft.AspNetCore.Components;

namespace CareerPath.Web.Components.Shared;

/// <summary>
/// A click on a control of a list written as markup (js/row-actions.js): the control's <c>data-action</c> and
/// <c>data-row</c>, or empty strings for a click anywhere else in the list. One handler on the list serves every row:
/// a handler per control is a few frames per row that a live page keeps, twice, for as long as it is open
/// (docs/benchmarks.md). The values come from the browser, so a page checks them against what it shows.
/// </summary>
public sealed class RowActionEventArgs : EventArgs
{
    public string Action { get; set; } = "";

    public string Row { get; set; } = "";
}

/// <summary>Declares <c>@onrowaction</c> for Razor (the browser side is registered by js/row-actions.js).</summary>
[EventHandler("onrowaction", typeof(RowActionEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
