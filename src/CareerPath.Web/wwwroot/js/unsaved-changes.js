// Asks before a link leaves a page that holds unsaved typing. The page says so by rendering an element with a
// data-unsaved-changes attribute (its value is the question); see Components/Shared/UnsavedChangesGuard.razor.
// Blazor follows same-site links by enhanced navigation, which NavigationLock cannot stop, so the question is
// asked here, before Blazor's own click handler (this one listens in the capture phase). Reloads, closing the
// tab and links to other sites are covered by the browser's beforeunload prompt instead.
function guard(event) {
  const marker = document.querySelector('[data-unsaved-changes]');
  if (!marker || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
    return;
  }

  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self') || link.closest('[data-enhance-nav="false"]')) {
    return;
  }

  const url = new URL(link.href, document.baseURI);
  const samePage = url.pathname === location.pathname && url.search === location.search;
  if (url.origin !== location.origin || (samePage && url.hash)) {
    return;
  }

  if (!window.confirm(marker.getAttribute('data-unsaved-changes'))) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}

// A module runs once per page load, however many components import it.
document.addEventListener('click', guard, true);
