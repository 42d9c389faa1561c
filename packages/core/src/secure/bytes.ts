/**
 * Byte helpers for the secure formats: base64 for the JSON parts of a sealed file and a keyring,
 * base64url for blind indexes, and a comparison that takes the same time wherever the bytes differ.
 * Built on `btoa`/`atob`, which Node 20, browsers and workers all have (no `Buffer`).
 */

/** UTF-8 encoder shared by the secure modules. */
export const utf8 = new TextEncoder();

/** Standard base64 with padding, e.g. `AAEC` for the bytes 0, 1, 2. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading a large array into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Reads standard padded base64; `undefined` for anything else (spaces, missing padding, base64url),
 * since the text comes from files that may have been changed.
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** URL- and filename-safe base64 without padding (RFC 4648 §5), e.g. for index keys. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * True when both arrays hold the same bytes. Visits every byte whatever it finds, so the time taken
 * does not tell an attacker how many leading bytes of a guessed verifier were right.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** The parts one after the other, in a new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `count` bytes from the platform's cryptographically secure generator. */
export function randomBytes(count: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(count));
}
