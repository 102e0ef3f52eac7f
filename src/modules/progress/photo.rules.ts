/**
 * Photos from a phone carry the place they were taken (EXIF GPS) and often more. Before a photo is
 * stored, every metadata block is dropped from the file as it is — no re-encoding, so the picture
 * stays exactly as taken. Pure byte work on the three formats we accept.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b))
    return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return 'image/webp';
  return null;
}

/**
 * The photo's type when its bytes hold together as that format: a JPEG's segments lead to its image
 * data and an end, a PNG's chunks run from IHDR to IEND, a WebP's first chunk is an image. The first
 * bytes alone would take "\xFF\xD8\xFF garbage" for a photo and serve it as one.
 */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  const type = sniffPhotoType(bytes);
  if (type === 'image/jpeg') return jpegHoldsTogether(bytes) ? type : null;
  if (type === 'image/png') return pngHoldsTogether(bytes) ? type : null;
  if (type === 'image/webp') return webpHoldsTogether(bytes) ? type : null;
  return null;
}

function jpegHoldsTogether(bytes: Uint8Array): boolean {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return false;
    const marker = bytes[at + 1]!;
    if (marker === 0xda) {
      // The scan runs to the end-of-image marker.
      for (let i = bytes.length - 2; i > at; i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
      return false;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2) return false;
    at += 2 + length;
  }
  return false;
}

function pngHoldsTogether(bytes: Uint8Array): boolean {
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const type = ascii(bytes, at + 4, 4);
    if (first && type !== 'IHDR') return false;
    first = false;
    at += 12 + readUint32BE(bytes, at);
    if (type === 'IEND') return at <= bytes.length;
  }
  return false;
}

function webpHoldsTogether(bytes: Uint8Array): boolean {
  if (bytes.length < 20 || readUint32LE(bytes, 4) + 8 > bytes.length + 1) return false;
  return ['VP8 ', 'VP8L', 'VP8X'].includes(ascii(bytes, 12, 4));
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

export function stripPhotoMetadata(bytes: Uint8Array, type: PhotoType): Uint8Array {
  switch (type) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
  }
}

/** Drops APP1 (Exif, XMP), APP13 (IPTC) and comment segments; keeps everything from the scan on. */
function stripJpeg(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda) break; // start of scan: the rest is image data
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const end = at + 2 + length;
    const drop = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!drop) out.push(bytes.subarray(at, end));
    at = end;
  }
  out.push(bytes.subarray(at));
  return concat(out);
}

const PNG_METADATA = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function stripPng(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = readUint32BE(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (!PNG_METADATA.has(type)) out.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') break;
  }
  return concat(out);
}

function stripWebp(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= bytes.length) {
    const type = ascii(bytes, at, 4);
    const size = readUint32LE(bytes, at + 4);
    const end = at + 8 + size + (size % 2);
    if (type === 'VP8X') {
      const copy = bytes.slice(at, end);
      copy[8] = copy[8]! & ~0x0c; // clear the EXIF and XMP flags
      chunks.push(copy);
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      chunks.push(bytes.subarray(at, end));
    }
    at = end;
  }
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, body.length + 4, true);
  return concat([header, body]);
}

function readUint32BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

function readUint32LE(bytes: Uint8Array, at: number): number {
  return bytes[at]! + (bytes[at + 1]! << 8) + (bytes[at + 2]! << 16) + ((bytes[at + 3]! << 24) >>> 0);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
