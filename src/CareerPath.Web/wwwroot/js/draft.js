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
