// The printable notice: the print button (no inline handlers).
document.querySelector('[data-print]')?.addEventListener('click', () => window.print());
