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

// A page whose live connection never starts (refused because the server is busy or this person has many pages open,
// or the server cannot be reached) keeps its prerendered buttons disabled (PageBoundary): after a while, say why, and
// offer to try again. The note goes once the page is live, and each new page (enhanced navigation) starts afresh.
(function () {
  var waitMs = 8000;
  var timer = null;

  function notLive() {
    return document.querySelector("fieldset.until-live") !== null;
  }

  // The reconnect banner already speaks for a connection that was lost.
  function reconnecting() {
    var modal = document.getElementById("components-reconnect-modal");
    return modal !== null && /components-reconnect-/.test(modal.className);
  }

  function check() {
    var note = document.getElementById("not-live");
    if (!note) {
      return;
    }
    note.hidden = !notLive() || reconnecting();
    if (!note.hidden) {
      // Blazor's own "something went wrong" bar says less, in the same place: this note replaces it.
      var error = document.getElementById("blazor-error-ui");
      if (error) {
        error.style.display = "none";
      }
    }
    // Still waiting, or shown: look again, so the note goes as soon as the page comes to life.
    timer = notLive() ? setTimeout(check, 2000) : null;
  }

  function arm() {
    var note = document.getElementById("not-live");
    if (note) {
      note.hidden = true;
    }
    if (timer) {
      clearTimeout(timer);
    }
    timer = notLive() ? setTimeout(check, waitMs) : null;
  }

  document.addEventListener("click", function (event) {
    if (event.target && event.target.id === "not-live-retry") {
      location.reload();
    }
  });
  if (window.Blazor && window.Blazor.addEventListener) {
    window.Blazor.addEventListener("enhancedload", arm);
  }
  arm();
})();
