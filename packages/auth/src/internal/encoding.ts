// Browser-safe encodings (no Buffer): UTF-8 base64 for Basic credentials and Python's `quote_plus`
// for the 3.x GSQL shell body.

/** Base64 of the UTF-8 bytes of `text` (what `Authorization: Basic` carries). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Python's `urllib.parse.quote_plus` of the UTF-8 text: spaces as `+`, everything else but `A-Za-z0-9_.-~` as `%XX`. */
export function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
