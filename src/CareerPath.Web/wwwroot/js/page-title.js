// Sets the tab's title from a live page. Titles are written while prerendering (the head is not live), so a page whose
// subject is renamed while it is open says the new name here.
export function setTitle(text) {
  document.title = text;
}
