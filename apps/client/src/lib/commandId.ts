/**
 * A random v4 UUID for a commandId. `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost); a training room on a LAN often opens the server as http://192.168.x.x, where
 * `crypto.getRandomValues` is still available, so the id is built from it there.
 */
export function newCommandId(
  cryptoImpl: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto,
): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
