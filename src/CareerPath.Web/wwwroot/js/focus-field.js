// Moves the keyboard focus to a field named in a list of problems, opening the <details> it sits in first, so
// following a link in the list lands where the fix is typed (a fragment link only scrolls, and not into a closed details).
export function focusField(id) {
  const field = document.getElementById(id);
  if (!field) {
    return;
  }

  for (let parent = field.parentElement; parent; parent = parent.parentElement) {
    if (parent.tagName === 'DETAILS') {
      parent.open = true;
    }
  }

  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
}

// Moves the keyboard focus back to an element by its id (a button that asked a question, once it is answered).
export function focusById(id) {
  document.getElementById(id)?.focus();
}

// Moves the keyboard focus to the first control of a list's row (the first of the rows just shown), or to the list
// itself when that row has none.
export function focusRow(listId, index) {
  const list = document.getElementById(listId);
  const row = list?.children[index];
  (row?.querySelector('select, button, a[href], input') ?? list)?.focus();
}
