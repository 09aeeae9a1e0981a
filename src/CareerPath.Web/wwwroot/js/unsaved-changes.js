// Asks before the user leaves a page that holds unsaved typing. The page says so by rendering an element with a
// data-unsaved-changes attribute (its value is the question); see Components/Shared/UnsavedChangesGuard.razor.
// - Links: Blazor follows same-site links by enhanced navigation, which NavigationLock cannot stop, so the
//   question is asked here, before Blazor's own click handler (this one listens in the capture phase). A page
//   whose fields save when they lose the focus marks itself data-links="let-through": the link takes the focus
//   first, so nothing is lost.
// - Reload, closing the tab, a full page load or a link to another site: the browser's own beforeunload prompt.
function marker() {
  return document.querySelector('[data-unsaved-changes]');
}

function guardLinks(event) {
  const unsaved = marker();
  if (!unsaved || unsaved.getAttribute('data-links') !== 'ask' || event.defaultPrevented || event.button !== 0
      || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
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

  if (!window.confirm(unsaved.getAttribute('data-unsaved-changes'))) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}

function guardUnload(event) {
  if (marker()) {
    event.preventDefault();
    event.returnValue = '';
  }
}

// A module runs once per page load, however many components import it.
document.addEventListener('click', guardLinks, true);
window.addEventListener('beforeunload', guardUnload);
