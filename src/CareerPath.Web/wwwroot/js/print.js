// The print view's button; a file rather than an inline handler so the Content-Security-Policy can forbid inline script.
document.getElementById('print-button')?.addEventListener('click', () => window.print());
