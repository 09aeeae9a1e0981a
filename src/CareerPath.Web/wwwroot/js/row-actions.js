// "rowaction": a click inside a list written as markup, carrying which control was used. The control names its action
// and its row in data-action and data-row (a button in a markup block has no handler of its own); one @onrowaction on
// the list receives them (RowActionEventArgs). Loaded after blazor.web.js, before the page's circuit starts.
window.Blazor.registerCustomEventType("rowaction", {
  browserEventName: "click",
  createEventArgs: function (event) {
    var control = event.target instanceof Element ? event.target.closest("[data-action]") : null;
    return control && !control.disabled
      ? { action: control.getAttribute("data-action") || "", row: control.getAttribute("data-row") || "" }
      : { action: "", row: "" };
  }
});
