/** Whether a failed IndexedDB write failed because the device's storage is full (or the quota used). */
export function isQuotaExceeded(thrown: unknown): boolean {
  const error = thrown instanceof Error ? thrown : null;
  const inner = (error as (Error & { inner?: unknown }) | null)?.inner;
  return [error?.name, inner instanceof Error ? inner.name : ''].includes('QuotaExceededError');
}
