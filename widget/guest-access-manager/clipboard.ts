// Copies text for the copy buttons. The Clipboard API can be refused (no permission, an iframe
// without `clipboard-write`, an old browser); then the copy command still works inside the click.

/** Puts `text` on the clipboard; false when the browser allowed neither way. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithCommand(text);
  }
}

function copyWithCommand(text: string): boolean {
  let copied = false;
  // The copy event lets us set the data directly: no hidden textarea, no selection to restore.
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
    copied = true;
  };
  document.addEventListener('copy', onCopy, { capture: true, once: true });
  try {
    document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
  return copied;
}
