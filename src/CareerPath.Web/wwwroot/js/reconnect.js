// The reconnect banner's "Try again" button (a file, not an inline handler, so the Content-Security-Policy can forbid
// inline script). blazor.web.js shows and hides the banner itself through classes on #components-reconnect-modal.
document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.id === "components-reconnect-retry" && window.Blazor) {
        window.Blazor.reconnect().then(function (ok) {
            if (!ok) {
                location.reload();
            }
        }, function () { /* still offline: the banner stays and says so */ });
    }
});
