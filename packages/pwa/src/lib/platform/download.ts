/**
 * Offers bytes made on the page as a file to save, through a temporary object URL: nothing leaves the
 * device. Browser only.
 */
export function downloadFile(bytes: Uint8Array, fileName: string, type: string): void {
  // A Blob takes views of a plain ArrayBuffer only (never a SharedArrayBuffer): the copy is one.
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked once the browser has started the download (revoking at once can cancel it in some).
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
