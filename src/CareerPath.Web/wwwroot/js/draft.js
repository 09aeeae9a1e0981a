// Keeps a form's unsent answers in this browser only (localStorage), so a reload or a crash loses nothing.
// Keys are chosen by the page and never contain a secret.
export function load(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function save(key, value) {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function clear(key) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage is unavailable: there is nothing to clear.
  }
}

const kept = new Map();

// Loads the saved draft and, in the same step, starts keeping the form's answers as they are given, in the browser
// itself: a reload straight after a key press cannot outrun a round trip to the server. Each answer updates the draft
// that was loaded (its own radio group, stored under the group's name, "" as null for "can't say"; or the comment), so
// an answer given before the server has put the loaded draft back into the form overwrites nothing else. The form is
// marked data-draft-kept once it is being kept. Returns the draft as saved (JSON) or null.
export function loadAndKeep(key, form) {
  const saved = load(key);
  if (!form) {
    return saved;
  }
  // The same link opened again in place: keep the new form, not the one that was replaced.
  kept.get(key)?.();
  let draft = { Ratings: {}, Comment: null };
  try {
    const parsed = saved ? JSON.parse(saved) : null;
    if (parsed && typeof parsed === 'object' && parsed.Ratings && typeof parsed.Ratings === 'object') {
      draft = { Ratings: parsed.Ratings, Comment: typeof parsed.Comment === 'string' ? parsed.Comment : null };
    }
  } catch {
    // A draft from another version, or edited by hand: start afresh, as the page does.
  }
  const write = (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'radio' && target.checked) {
      draft.Ratings[target.name] = target.value === '' ? null : Number(target.value);
    } else if (target instanceof HTMLTextAreaElement) {
      draft.Comment = target.value !== '' ? target.value : null;
    } else {
      return;
    }
    save(key, JSON.stringify(draft));
  };
  form.addEventListener('input', write);
  form.addEventListener('change', write);
  kept.set(key, () => {
    form.removeEventListener('input', write);
    form.removeEventListener('change', write);
  });
  form.dataset.draftKept = '';
  return saved;
}

// Sent, or the link no longer takes answers: stop keeping and remove what was kept, so nothing is written back.
export function forget(key) {
  const stop = kept.get(key);
  if (stop) {
    stop();
    kept.delete(key);
  }
  clear(key);
}
