import { crc32, deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanImage, ImageRefused, sniff } from './image.ts';

const u16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const seg = (marker: number, body: Buffer | string) => {
  const b = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  return Buffer.concat([Buffer.from([0xff, marker]), u16(b.length + 2), b]);
};

/** Big-endian Exif: IFD0 holds the orientation and a pointer to a GPS IFD, which holds a latitude reference. */
const exif = (orientation: number) =>
  Buffer.from(
    `Exif\0\0MM\0\x2a\0\0\0\x08\0\x02\x01\x12\0\x03\0\0\0\x01\0${String.fromCharCode(orientation)}\0\0` +
      `\x88\x25\0\x04\0\0\0\x01\0\0\0\x26\0\0\0\0\0\x01\0\x01\0\x02\0\0\0\x02N\0\0\0\0\0\0\0GPS 31.2304N 121.4737E`,
    'latin1',
  );

/** A real baseline greyscale JPEG: every 8×8 block is DC 0 with an immediate end-of-block. */
function jpeg(width: number, height: number, extra: Buffer[] = [], trailer = Buffer.alloc(0)): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = '00'.repeat(blocks).padEnd(Math.ceil((blocks * 2) / 8) * 8, '1');
  const scan = Buffer.from(bits.match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  const oneCode = Buffer.concat([Buffer.from([1]), Buffer.alloc(15), Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, Buffer.from('JFIF\0\x01\x01\x00\x00\x48\x00\x48\x00\x00', 'latin1')),
    ...extra,
    seg(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    seg(0xc0, Buffer.concat([Buffer.from([8]), u16(height), u16(width), Buffer.from([1, 1, 0x11, 0])])),
    seg(0xc4, Buffer.concat([Buffer.from([0x00]), oneCode])),
    seg(0xc4, Buffer.concat([Buffer.from([0x10]), oneCode])),
    seg(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    scan,
    Buffer.from([0xff, 0xd9]),
    trailer,
  ]);
}

const u32 = (n: number, le = false) => {
  const b = Buffer.alloc(4);
  if (le) b.writeUInt32LE(n);
  else b.writeUInt32BE(n);
  return b;
};
const chunk = (type: string, data: Buffer | string) => {
  const td = Buffer.concat([Buffer.from(type), typeof data === 'string' ? Buffer.from(data, 'latin1') : data]);
  return Buffer.concat([u32(td.length - 4), td, u32(crc32(td))]);
};

/** A real 8-bit greyscale PNG, with extra chunks before the pixels. */
function png(width: number, height: number, extra: Buffer[] = []): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.alloc(width + 1, y * 7)));
  rows.fill(0, 0, 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', ''),
  ]);
}

// Real 1×1 WebP files (the ones browser feature tests decode): lossy VP8 and lossless VP8L.
const WEBP_LOSSY = Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64');
const WEBP_LOSSLESS = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

const riffChunk = (fourcc: string, data: Buffer | string) => {
  const d = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return Buffer.concat([Buffer.from(fourcc), u32(d.length, true), d, Buffer.alloc(d.length & 1)]);
};
const riff = (chunks: Buffer[]) => {
  const body = Buffer.concat([Buffer.from('WEBP'), ...chunks]);
  return Buffer.concat([Buffer.from('RIFF'), u32(body.length, true), body]);
};

/** The lossless image in the extended format, with Exif and XMP chunks and their flags set. */
function webpWithExif(): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04;
  const image = WEBP_LOSSLESS.subarray(12);
  return riff([riffChunk('VP8X', vp8x), image, riffChunk('EXIF', exif(1)), riffChunk('XMP ', XMP)]);
}

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>31,13.8N</exif:GPSLatitude></x:xmpmeta>';
const IPTC = Buffer.from('Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x50\x00\x06Wang Wu', 'latin1');
const ICC = Buffer.from('ICC_PROFILE\x00\x01\x01fake-profile-bytes', 'latin1');
const ADOBE = Buffer.from('Adobe\x00\x64\x00\x00\x00\x00\x01', 'latin1');

const has = (b: Buffer, s: string) => b.includes(Buffer.from(s, 'latin1'));
const refusal = (b: Uint8Array) => {
  try {
    cleanImage(b);
    return null;
  } catch (e) {
    if (!(e instanceof ImageRefused)) throw e;
    return e.reason;
  }
};

describe('sniffing the real type', () => {
  it('knows JPEG, PNG and WebP by their bytes', () => {
    expect(sniff(jpeg(8, 8))).toBe('image/jpeg');
    expect(sniff(png(2, 2))).toBe('image/png');
    expect(sniff(WEBP_LOSSY)).toBe('image/webp');
  });

  it('refuses GIF, SVG, HTML, PDF and nothing at all as unsupported', () => {
    for (const s of [
      'GIF89a\x01\x00\x01\x00\x00\x00\x00;',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      '<!doctype html><script>alert(1)</script>',
      '%PDF-1.7',
      '',
      'RIFF\x04\x00\x00\x00WAVE',
    ]) {
      const b = Buffer.from(s, 'latin1');
      expect(sniff(b)).toBeNull();
      expect(refusal(b)).toBe('unsupported');
    }
  });
});

describe('JPEG', () => {
  const dirty = jpeg(
    24,
    16,
    [
      seg(0xe1, exif(1)),
      seg(0xe1, `http://ns.adobe.com/xap/1.0/\0${XMP}`),
      seg(0xed, IPTC),
      seg(0xfe, 'Shot by Wang Wu, 13800000005'),
      seg(0xe2, ICC),
      seg(0xe2, 'MPF\0multi-picture index'),
      seg(0xee, ADOBE),
      seg(0xe5, 'maker notes'),
    ],
    Buffer.from('appended after EOI: <script>x</script>', 'latin1'),
  );

  it('drops Exif (with its GPS IFD), XMP, IPTC, comments, other APPn and trailing bytes; the rest parses again', () => {
    const secrets = ['Exif', 'GPS', 'ns.adobe.com', 'Photoshop', 'Wang Wu', 'MPF', 'maker', '<script>'];
    for (const s of secrets) expect(has(dirty, s), s).toBe(true);
    const c = cleanImage(dirty);
    expect(c).toMatchObject({ mime: 'image/jpeg', width: 24, height: 16 });
    for (const s of secrets) expect(has(c.bytes, s), s).toBe(false);
    // Exactly the same picture built without the metadata in the first place (JFIF, ICC and Adobe stay).
    expect(c.bytes.equals(jpeg(24, 16, [seg(0xe2, ICC), seg(0xee, ADOBE)]))).toBe(true);
    const again = cleanImage(c.bytes);
    expect(again).toMatchObject({ mime: 'image/jpeg', width: 24, height: 16 });
    expect(again.bytes.equals(c.bytes)).toBe(true);
  });

  it('keeps a sideways photo upright: a fresh Exif block with only the orientation, size as shown', () => {
    const c = cleanImage(jpeg(32, 16, [seg(0xe1, exif(6))]));
    expect(c).toMatchObject({ width: 16, height: 32 });
    expect(has(c.bytes, 'GPS')).toBe(false);
    const app1 = c.bytes.indexOf(Buffer.from([0xff, 0xe1]));
    expect(app1).toBeGreaterThan(0);
    expect(c.bytes.readUInt16BE(app1 + 2)).toBe(34);
    expect(cleanImage(c.bytes)).toMatchObject({ width: 16, height: 32 });
    expect(cleanImage(c.bytes).bytes.equals(c.bytes)).toBe(true);
  });

  it('drops an embedded JFIF thumbnail', () => {
    const thumb = 'JFIF\0\x01\x01\x00\x00\x48\x00\x48\x01\x01\x09\x09\x09';
    const b = jpeg(8, 8);
    const withThumb = Buffer.concat([b.subarray(0, 2), seg(0xe0, thumb), b.subarray(20)]);
    const c = cleanImage(withThumb);
    expect(c.bytes.readUInt16BE(4)).toBe(16);
    expect(c.bytes.subarray(18, 20)).toEqual(Buffer.from([0, 0]));
    expect(c.bytes.equals(b)).toBe(true);
  });
});

describe('PNG', () => {
  const dirty = png(5, 3, [
    chunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])),
    chunk('tEXt', 'Author\0Wang Wu'),
    chunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync('GPS 31.2N')])),
    chunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>'),
    chunk('eXIf', exif(1).subarray(6)),
    chunk('tIME', Buffer.from([0x07, 0xea, 11, 24, 9, 0, 0])),
    chunk('prVt', 'private vendor data'),
  ]);
  const types = (b: Buffer) => {
    const out: string[] = [];
    for (let p = 8; p < b.length; p += 12 + b.readUInt32BE(p)) out.push(b.toString('latin1', p + 4, p + 8));
    return out;
  };

  it('drops eXIf, tEXt, zTXt, iTXt, tIME and private chunks; keeps the pixels byte for byte', () => {
    expect(types(dirty)).toEqual(['IHDR', 'pHYs', 'tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME', 'prVt', 'IDAT', 'IEND']);
    const c = cleanImage(dirty);
    expect(c).toMatchObject({ mime: 'image/png', width: 5, height: 3 });
    expect(types(c.bytes)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    for (const s of ['Wang Wu', 'GPS', 'xmpmeta']) expect(has(c.bytes, s)).toBe(false);
    const idat = (b: Buffer) => inflateSync(b.subarray(b.indexOf('IDAT') + 4, b.indexOf('IEND') - 8));
    expect(idat(c.bytes).equals(idat(dirty))).toBe(true);
    expect(cleanImage(c.bytes).bytes.equals(c.bytes)).toBe(true);
    expect(c.bytes.equals(png(5, 3, [dirty.subarray(33, 33 + 21)]))).toBe(true);
  });

  it('refuses an unknown critical chunk and a file without pixels', () => {
    expect(refusal(png(2, 2, [chunk('ZZZZ', 'x')]))).toBe('malformed');
    const noPixels = Buffer.concat([png(2, 2).subarray(0, 33), chunk('IEND', '')]);
    expect(refusal(noPixels)).toBe('malformed');
  });
});

describe('WebP', () => {
  it('reads the size of lossy and lossless files', () => {
    expect(cleanImage(WEBP_LOSSY)).toMatchObject({ mime: 'image/webp', width: 1, height: 1 });
    expect(cleanImage(WEBP_LOSSLESS)).toMatchObject({ mime: 'image/webp', width: 1, height: 1 });
    expect(cleanImage(WEBP_LOSSY).bytes.equals(WEBP_LOSSY)).toBe(true);
  });

  it('drops EXIF and XMP chunks and clears their VP8X flags', () => {
    const dirty = webpWithExif();
    expect(has(dirty, 'GPS')).toBe(true);
    const c = cleanImage(dirty);
    expect(c).toMatchObject({ mime: 'image/webp', width: 1, height: 1 });
    for (const s of ['EXIF', 'XMP ', 'GPS', 'xmpmeta']) expect(has(c.bytes, s), s).toBe(false);
    expect(c.bytes[20]! & 0x0c).toBe(0);
    expect(c.bytes.readUInt32LE(4)).toBe(c.bytes.length - 8);
    expect(c.bytes.equals(riff([riffChunk('VP8X', Buffer.alloc(10)), WEBP_LOSSLESS.subarray(12)]))).toBe(true);
    expect(cleanImage(c.bytes).bytes.equals(c.bytes)).toBe(true);
  });
});

const SAMPLES: Buffer[] = [
  jpeg(16, 8, [seg(0xe1, exif(3)), seg(0xfe, 'comment')]),
  png(3, 2, [chunk('tEXt', 'k\0v')]),
  WEBP_LOSSY,
  webpWithExif(),
];

describe('hostile input', () => {
  it('refuses every truncation of a valid file', () => {
    for (const full of SAMPLES) {
      expect(refusal(full)).toBeNull();
      for (let n = 0; n < full.length; n++) expect(refusal(full.subarray(0, n)), `${n}/${full.length}`).not.toBeNull();
    }
  });

  it('refuses zero bytes, random bytes and declared lengths far beyond the file', () => {
    expect(refusal(Buffer.alloc(0))).toBe('unsupported');
    expect(refusal(Buffer.alloc(4096))).toBe('unsupported');
    const patched = (b: Buffer, edit: (b: Buffer) => void) => {
      const copy = Buffer.from(b);
      edit(copy);
      return refusal(copy);
    };
    expect(refusal(Buffer.from('ffd8ffe1ffff45786966', 'hex'))).toBe('malformed'); // 64 KB APP1 in a 10-byte file
    expect(patched(png(1, 1), (b) => b.writeUInt32BE(0xffffffff, 33))).toBe('malformed');
    expect(patched(WEBP_LOSSY, (b) => b.writeUInt32LE(0xffffffff, 4))).toBe('malformed');
    expect(patched(WEBP_LOSSY, (b) => b.writeUInt32LE(0xfffffff0, 16))).toBe('malformed');
    expect(patched(jpeg(8, 8), (b) => b.writeUInt16BE(0, b.indexOf(Buffer.from([0xff, 0xc0])) + 5))).toBe('malformed');
    // Scan data that never reaches a marker, and an endless run of fill bytes.
    expect(refusal(Buffer.concat([jpeg(8, 8).subarray(0, -3), Buffer.alloc(100_000, 0xff)]))).toBe('malformed');
  });

  it('property: any bytes, or a valid file with bytes changed, cut or inserted, give an image or a refusal', () => {
    const mutated = fc
      .record({
        base: fc.constantFrom(...SAMPLES),
        edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        cut: fc.option(fc.nat()),
        insert: fc.option(fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 16 }))),
      })
      .map(({ base, edits, cut, insert }) => {
        let b = Buffer.from(base);
        for (const [i, v] of edits) b[i % b.length] = v;
        if (insert) {
          const at = insert[0] % b.length;
          b = Buffer.concat([b.subarray(0, at), insert[1], b.subarray(at)]);
        }
        return cut === null ? b : b.subarray(0, cut % (b.length + 1));
      });
    const magic = fc
      .tuple(
        fc.constantFrom('ffd8ff', '89504e470d0a1a0a', '52494646ffffff0057454250'),
        fc.uint8Array({ maxLength: 64 }),
      )
      .map(([m, rest]) => Buffer.concat([Buffer.from(m, 'hex'), rest]));
    fc.assert(
      fc.property(fc.oneof(mutated, magic, fc.uint8Array({ maxLength: 256 })), (bytes) => {
        const started = performance.now();
        let out: ReturnType<typeof cleanImage> | null = null;
        try {
          out = cleanImage(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(ImageRefused);
        }
        expect(performance.now() - started).toBeLessThan(1000);
        if (out) {
          expect(out.width).toBeGreaterThan(0);
          expect(out.height).toBeGreaterThan(0);
          const again = cleanImage(out.bytes);
          expect(again.bytes.equals(out.bytes)).toBe(true);
          expect([again.mime, again.width, again.height]).toEqual([out.mime, out.width, out.height]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
