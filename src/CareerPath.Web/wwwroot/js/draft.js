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

// From now on keeps the form's answers as they are given, in the browser itself: a reload straight after a key press
// cannot outrun a round trip to the server. The page calls it once a saved draft is back in the form, so the first
// answer given after that cannot overwrite the draft with a half-restored form. Each radio group is stored under its
// name ("" is "can't say", stored as null), the textarea under "Comment".
export function keep(key, form) {
  if (!form) {
    return;
  }
  const write = () => {
    const ratings = {};
    for (const radio of form.querySelectorAll('input[type="radio"]:checked')) {
      ratings[radio.name] = radio.value === '' ? null : Number(radio.value);
    }
    const comment = form.querySelector('textarea');
    save(key, JSON.stringify({ Ratings: ratings, Comment: comment && comment.value !== '' ? comment.value : null }));
  };
  form.addEventListener('input', write);
  form.addEventListener('change', write);
}
