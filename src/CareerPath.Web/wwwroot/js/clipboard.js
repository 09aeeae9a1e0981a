// Copies text to the clipboard; returns false when the browser refuses (the link stays selectable on screen).
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
