import { describe, expect, it } from 'vitest';
import { photoTypeOf, sniffPhotoType, stripPhotoMetadata } from './photo.rules';

const bytes = (...parts: Array<number[] | string>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const has = (haystack: Uint8Array, needle: string) =>
  Buffer.from(haystack).includes(Buffer.from(needle, 'latin1'));

function segment(marker: number, payload: string) {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...[...payload].map((c) => c.charCodeAt(0))];
}

function pngChunk(type: string, data: string) {
  const length = data.length;
  return [
    0,
    0,
    length >> 8,
    length & 0xff,
    ...[...type].map((c) => c.charCodeAt(0)),
    ...[...data].map((c) => c.charCodeAt(0)),
    1,
    2,
    3,
    4,
  ];
}

describe('photo type', () => {
  it('knows JPEG, PNG and WebP by their first bytes, not their names', () => {
    expect(sniffPhotoType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffPhotoType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffPhotoType(bytes('RIFF', [0, 0, 0, 0], 'WEBP'))).toBe('image/webp');
    expect(sniffPhotoType(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffPhotoType(bytes('<script>'))).toBeNull();
  });
});

describe('a photo whose bytes hold together', () => {
  it('takes a JPEG whose segments lead to image data and an end, a PNG from IHDR to IEND, a WebP image', () => {
    const jpeg = bytes([0xff, 0xd8], segment(0xe0, 'JFIF\0'), segment(0xda, 'x'), 'PIXELS', [0xff, 0xd9]);
    expect(photoTypeOf(jpeg)).toBe('image/jpeg');
    const png = bytes(
      [0x89],
      'PNG',
      [0x0d, 0x0a, 0x1a, 0x0a],
      pngChunk('IHDR', 'abcdefghijklm'),
      pngChunk('IEND', ''),
    );
    expect(photoTypeOf(png)).toBe('image/png');
    const webp = bytes('RIFF', [12, 0, 0, 0], 'WEBP', 'VP8L', [0, 0, 0, 0]);
    expect(photoTypeOf(webp)).toBe('image/webp');
  });

  it('refuses what only starts like one', () => {
    expect(photoTypeOf(bytes([0xff, 0xd8, 0xff, 0xe0], 'garbage'))).toBeNull();
    expect(
      photoTypeOf(bytes([0xff, 0xd8], segment(0xe0, 'JFIF\0'), segment(0xda, 'x'), 'cut off')),
    ).toBeNull();
    expect(photoTypeOf(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], pngChunk('tEXt', 'hi')))).toBeNull();
    expect(photoTypeOf(bytes('RIFF', [0, 0, 0, 1], 'WEBP', 'JUNK', [0, 0, 0, 0]))).toBeNull();
    expect(photoTypeOf(bytes('%PDF-1.7'))).toBeNull();
  });
});

describe('stripping location and other metadata', () => {
  it('drops Exif (with GPS), XMP and comments from a JPEG and keeps the picture data', () => {
    const jpeg = bytes(
      [0xff, 0xd8],
      segment(0xe0, 'JFIF\0'),
      segment(0xe1, 'Exif\0\0GPSLatitude 35.69'),
      segment(0xe1, 'http://ns.adobe.com/xap/1.0/ location'),
      segment(0xfe, 'taken at home'),
      segment(0xdb, 'quant'),
      [0xff, 0xda, 0, 4, 1, 2],
      'SCANDATA',
      [0xff, 0xd9],
    );
    const clean = stripPhotoMetadata(jpeg, 'image/jpeg');
    expect(has(clean, 'GPSLatitude')).toBe(false);
    expect(has(clean, 'adobe')).toBe(false);
    expect(has(clean, 'taken at home')).toBe(false);
    expect(has(clean, 'JFIF')).toBe(true);
    expect(has(clean, 'quant')).toBe(true);
    expect(has(clean, 'SCANDATA')).toBe(true);
    expect(Array.from(clean.subarray(-2))).toEqual([0xff, 0xd9]);
  });

  it('drops eXIf and text chunks from a PNG', () => {
    const png = bytes(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      pngChunk('IHDR', 'header'),
      pngChunk('eXIf', 'GPS 35.69'),
      pngChunk('tEXt', 'Location home'),
      pngChunk('IDAT', 'pixels'),
      pngChunk('IEND', ''),
    );
    const clean = stripPhotoMetadata(png, 'image/png');
    expect(has(clean, 'GPS')).toBe(false);
    expect(has(clean, 'Location')).toBe(false);
    expect(has(clean, 'pixels')).toBe(true);
    expect(has(clean, 'IEND')).toBe(true);
  });

  it('drops EXIF and XMP chunks from a WebP, clears their flags and fixes the size', () => {
    const chunk = (type: string, data: number[]) => [
      ...[...type].map((c) => c.charCodeAt(0)),
      data.length,
      0,
      0,
      0,
      ...data,
    ];
    const vp8x = chunk('VP8X', [0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const exif = chunk(
      'EXIF',
      [...'GPS!'].map((c) => c.charCodeAt(0)),
    );
    const image = chunk('VP8 ', [1, 2, 3, 4]);
    const body = [...'WEBP'].map((c) => c.charCodeAt(0)).concat(vp8x, exif, image);
    const webp = bytes('RIFF', [body.length, 0, 0, 0], body);
    const clean = stripPhotoMetadata(webp, 'image/webp');
    expect(has(clean, 'GPS!')).toBe(false);
    expect(clean[20]! & 0x0c).toBe(0);
    expect(new DataView(clean.buffer).getUint32(4, true)).toBe(clean.length - 8);
    expect(has(clean, 'VP8 ')).toBe(true);
  });
});
