/**
 * Photos from residents' phones carry where they were taken (Exif GPS), the phone's make and serial, and
 * sometimes the owner's name. Linli keeps only the pixels and what a browser needs to show them: the
 * format is read from the bytes themselves (never from the declared type), and every chunk or segment
 * outside a short allow-list is dropped. Nothing is decoded; parsing only walks length-prefixed blocks,
 * each step moving forward, so a hostile file ends in a refusal, never a crash or an endless loop.
 */

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

export interface CleanImage {
  mime: ImageMime;
  /** As displayed: a JPEG rotated by its orientation tag reports the rotated size. */
  width: number;
  height: number;
  bytes: Buffer;
}

/** The only error `cleanImage` throws: not one of the accepted formats, or one of them but broken. */
export class ImageRefused extends Error {
  constructor(
    readonly reason: 'unsupported' | 'malformed',
    detail: string,
  ) {
    super(detail);
  }
}

const malformed = (detail: string) => new ImageRefused('malformed', detail);
function need(ok: boolean, detail: string): asserts ok {
  if (!ok) throw malformed(detail);
}
const ascii = (b: Buffer, from: number, to: number) => b.toString('latin1', from, to);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The real format by magic bytes; SVG, GIF, HTML and everything else is null. */
export function sniff(bytes: Uint8Array): ImageMime | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The image without its metadata, with its format and size; throws `ImageRefused` and nothing else. */
export function cleanImage(bytes: Uint8Array): CleanImage {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const mime = sniff(b);
  if (!mime) throw new ImageRefused('unsupported', 'not a JPEG, PNG or WebP image');
  try {
    const img = mime === 'image/jpeg' ? cleanJpeg(b) : mime === 'image/png' ? cleanPng(b) : cleanWebp(b);
    need(img.width > 0 && img.height > 0, 'no width or height');
    return { mime, ...img };
  } catch (e) {
    // Bounds are checked before every read; this only keeps the promise if one was missed.
    if (e instanceof ImageRefused) throw e;
    throw malformed(e instanceof Error ? e.message : 'unreadable');
  }
}

type Parsed = Omit<CleanImage, 'mime'>;

// ---------------------------------------------------------------------------------------------- JPEG

/** Frame headers (SOF0–SOF15 except DHT, JPG and DAC, which share the range). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Tables, restart interval, scan, line count and hierarchical markers: what decoding needs. */
const isStructural = (m: number) => isSof(m) || [0xc4, 0xcc, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf].includes(m);

/** APP0 JFIF (density), APP2 ICC (colours) and APP14 Adobe (colour transform) stay; every other APPn goes. */
function keptApp(marker: number, body: Buffer): boolean {
  if (marker === 0xe0) return body.length >= 14 && ascii(body, 0, 5) === 'JFIF\0';
  if (marker === 0xe2) return ascii(body, 0, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return ascii(body, 0, 5) === 'Adobe';
  return false;
}

function cleanJpeg(b: Buffer): Parsed {
  const out: Buffer[] = [b.subarray(0, 2)];
  let pos = 2;
  let frame = false;
  let width = 0;
  let height = 0;
  let scans = 0;
  let orientation = 1;
  let jfifFirst = false;
  for (;;) {
    need(b[pos] === 0xff, 'expected a marker');
    while (b[pos] === 0xff) pos++; // fill bytes
    need(pos < b.length, 'truncated before the end of image');
    const marker = b[pos++]!;
    if (marker === 0xd9) break;
    need(marker !== 0x00 && marker !== 0xd8, 'misplaced marker');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // stray standalone marker
    need(pos + 2 <= b.length, 'truncated segment');
    const len = b.readUInt16BE(pos);
    need(len >= 2 && pos + len <= b.length, 'segment runs past the end');
    const segment = b.subarray(pos - 2, pos + len);
    const body = b.subarray(pos + 2, pos + len);
    pos += len;
    if (isSof(marker)) {
      need(body.length >= 6 && !frame, 'bad frame header');
      frame = true;
      height = body.readUInt16BE(1);
      width = body.readUInt16BE(3);
    }
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(body);
    if (marker === 0xe0 && out.length === 1 && keptApp(marker, body)) jfifFirst = true;
    if (marker === 0xe0 && keptApp(marker, body)) out.push(jfifWithoutThumbnail(body));
    else if (isStructural(marker) || keptApp(marker, body)) out.push(segment);
    if (marker !== 0xda) continue;
    need(frame, 'scan before the frame header');
    scans++;
    // Entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
    const start = pos;
    for (;;) {
      const i = b.indexOf(0xff, pos);
      need(i >= 0 && i + 1 < b.length, 'scan data never ends');
      const next = b[i + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos = i + 2;
      else if (next === 0xff) pos = i + 1;
      else {
        pos = i;
        break;
      }
    }
    out.push(b.subarray(start, pos));
  }
  need(scans > 0, 'no image data');
  out.push(Buffer.from([0xff, 0xd9])); // anything after the end of image is dropped
  // Phones store portraits sideways plus a rotation tag: keep the tag alone, or photos show on their side.
  if (orientation !== 1) out.splice(jfifFirst ? 2 : 1, 0, orientationSegment(orientation));
  const turned = orientation >= 5;
  return { width: turned ? height : width, height: turned ? width : height, bytes: Buffer.concat(out) };
}

/** JFIF may embed a thumbnail, which can show the photo before it was cropped: keep the density only. */
function jfifWithoutThumbnail(body: Buffer): Buffer {
  const s = Buffer.alloc(18);
  s.writeUInt16BE(0xffe0, 0);
  s.writeUInt16BE(16, 2);
  body.copy(s, 4, 0, 12); // identifier, version, units and densities; thumbnail size stays 0×0
  return s;
}

/** The orientation tag (1–8) of an APP1 Exif block, 1 when absent or unreadable (the block is dropped). */
function exifOrientation(body: Buffer): number {
  if (body.length < 14 || ascii(body, 0, 6) !== 'Exif\0\0') return 1;
  const t = body.subarray(6);
  const le = ascii(t, 0, 2) === 'II';
  if (!le && ascii(t, 0, 2) !== 'MM') return 1;
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > t.length) return 1;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return 1;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/** A fresh APP1 Exif block holding nothing but the orientation tag. */
function orientationSegment(orientation: number): Buffer {
  const s = Buffer.alloc(36);
  s.writeUInt16BE(0xffe1, 0);
  s.writeUInt16BE(34, 2);
  s.write('Exif\0\0MM', 4, 'latin1');
  s.writeUInt16BE(42, 12);
  s.writeUInt32BE(8, 14); // IFD0 right after the TIFF header
  s.writeUInt16BE(1, 18); // one entry
  s.writeUInt16BE(0x0112, 20); // Orientation, SHORT, count 1
  s.writeUInt16BE(3, 22);
  s.writeUInt32BE(1, 24);
  s.writeUInt16BE(orientation, 28);
  return s; // next-IFD offset (bytes 32–35) stays 0
}

// ----------------------------------------------------------------------------------------------- PNG

/** Critical chunks plus colour, transparency, density and animation; text, time, Exif and anything private go. */
const PNG_KEEP = new Set(
  'IHDR PLTE IDAT IEND tRNS cHRM gAMA iCCP sBIT sRGB cICP mDCV cLLI bKGD hIST pHYs sPLT acTL fcTL fdAT'.split(' '),
);

function cleanPng(b: Buffer): Parsed {
  const out: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  let width = 0;
  let height = 0;
  let idat = false;
  for (;;) {
    need(pos + 12 <= b.length, 'truncated before IEND');
    const len = b.readUInt32BE(pos);
    const type = ascii(b, pos + 4, pos + 8);
    need(len <= 0x7fffffff && pos + 12 + len <= b.length, 'chunk runs past the end');
    need(/^[A-Za-z]{4}$/.test(type), 'bad chunk type');
    if (pos === 8) {
      need(type === 'IHDR' && len === 13, 'IHDR must come first');
      width = b.readUInt32BE(pos + 8);
      height = b.readUInt32BE(pos + 12);
    }
    // An unknown critical chunk (upper-case first letter) would stop any decoder too.
    need(PNG_KEEP.has(type) || type.charCodeAt(0) >= 0x61, `unknown critical chunk ${type}`);
    if (type === 'IDAT') idat = true;
    if (PNG_KEEP.has(type)) out.push(b.subarray(pos, pos + 12 + len));
    pos += 12 + len;
    if (type === 'IEND') break;
  }
  need(idat, 'no image data');
  return { width, height, bytes: Buffer.concat(out) };
}

// ---------------------------------------------------------------------------------------------- WebP

const WEBP_KEEP = new Set(['VP8X', 'ICCP', 'ANIM', 'ANMF', 'ALPH', 'VP8 ', 'VP8L']);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function cleanWebp(b: Buffer): Parsed {
  const riff = b.readUInt32LE(4);
  need(riff >= 4 && 8 + riff <= b.length, 'truncated RIFF');
  const end = 8 + riff;
  const out: Buffer[] = [];
  let pos = 12;
  let width = 0;
  let height = 0;
  let frames = 0;
  while (pos < end) {
    need(pos + 8 <= end, 'truncated chunk header');
    const fourcc = ascii(b, pos, pos + 4);
    const size = b.readUInt32LE(pos + 4);
    need(pos + 8 + size <= end, 'chunk runs past the end');
    const data = b.subarray(pos + 8, pos + 8 + size);
    if (pos === 12) [width, height] = webpSize(fourcc, data);
    if (fourcc === 'VP8 ' || fourcc === 'VP8L' || fourcc === 'ANMF') frames++;
    if (WEBP_KEEP.has(fourcc)) {
      const chunk = Buffer.alloc(8 + size + (size & 1));
      b.copy(chunk, 0, pos, pos + 8 + size);
      if (fourcc === 'VP8X') chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      out.push(chunk);
    }
    pos += 8 + size + (size & 1);
  }
  need(frames > 0, 'no image data');
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + out.reduce((n, c) => n + c.length, 0), 4);
  header.write('WEBP', 8, 'latin1');
  return { width, height, bytes: Buffer.concat([header, ...out]) };
}

/** Canvas size from the first chunk: the extended header, a lossy key frame or a lossless header. */
function webpSize(fourcc: string, d: Buffer): [number, number] {
  if (fourcc === 'VP8X') {
    need(d.length >= 10, 'short VP8X');
    return [1 + d.readUIntLE(4, 3), 1 + d.readUIntLE(7, 3)];
  }
  if (fourcc === 'VP8 ') {
    need(d.length >= 10 && d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a, 'bad VP8 key frame');
    return [d.readUInt16LE(6) & 0x3fff, d.readUInt16LE(8) & 0x3fff];
  }
  if (fourcc === 'VP8L') {
    need(d.length >= 5 && d[0] === 0x2f, 'bad VP8L header');
    const bits = d.readUInt32LE(1);
    return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1];
  }
  throw malformed(`unexpected first chunk ${fourcc}`);
}
