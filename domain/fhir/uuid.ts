/**
 * Name-based UUIDs (RFC 4122 version 5: SHA-1 of namespace + name) so that every exported resource
 * keeps the same id on every export: a re-export is the same document, and a receiver can update
 * instead of duplicating. Pure TypeScript (no Node APIs) so the client build compiles it too.
 */

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** SHA-1 of a byte array (FIPS 180-4). Used only for ids, never for security. */
export function sha1(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let [h0, h1, h2, h3, h4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = [h0, h1, h2, h3, h4];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) >>> 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30) >>> 0, a, t];
    }
    [h0, h1, h2, h3, h4] = [
      (h0 + a) >>> 0,
      (h1 + b) >>> 0,
      (h2 + c) >>> 0,
      (h3 + d) >>> 0,
      (h4 + e) >>> 0,
    ];
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h));
  return out;
}

const hex = (bytes: Uint8Array): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** RFC 4122 version-5 UUID of `name` in `namespace` (itself a UUID). */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(ns)) throw new Error('namespace must be a UUID');
  const nsBytes = Uint8Array.from(ns.match(/../g)!.map((h) => parseInt(h, 16)));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(nsBytes.length + nameBytes.length);
  input.set(nsBytes);
  input.set(nameBytes, nsBytes.length);
  const digest = sha1(input).slice(0, 16);
  digest[6] = (digest[6]! & 0x0f) | 0x50; // version 5
  digest[8] = (digest[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = hex(digest);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** FacetTrack's namespace for resource ids (a fixed random UUID; changing it changes every exported id). */
export const FACETTRACK_FHIR_NAMESPACE = '3f1c7a52-8d4e-4b7a-9c2e-5a0f6d8e1b94';

/** The stable id of one resource: resource type plus a local key (e.g. `Observation`, `pain-42`). */
export const resourceUuid = (resourceType: string, localKey: string): string =>
  uuidV5(FACETTRACK_FHIR_NAMESPACE, `${resourceType}/${localKey}`);
