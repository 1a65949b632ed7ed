// Administration pages: copy a new API key, confirm before revoking one.
document.querySelectorAll('[data-copy]').forEach(button => {
  button.addEventListener('click', async () => {
    const input = document.getElementById(button.dataset.copy);
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      // Clipboard API needs a secure context: fall back to the selection the user can copy.
      document.execCommand('copy');
    }
    button.textContent = button.dataset.copied;
  });
});

document.querySelectorAll('form[data-confirm]').forEach(form => {
  form.addEventListener('submit', event => {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
});
