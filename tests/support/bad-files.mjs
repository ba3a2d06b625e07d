// Bad input files made by the tests, shared by the CLI, WASM and browser tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixturesDir =
  process.env.SMP_FIXTURES_DIR ?? fileURLToPath(new URL('../../../shared/fixtures/photos/', import.meta.url));

export function fixture(name) {
  return readFileSync(`${fixturesDir}/${name}`);
}

// A PNG whose header claims width×height, with no pixel data (CRCs left at zero:
// nothing reads them before the size check).
export function pngHeaderClaiming(width, height) {
  const bytes = Buffer.alloc(8 + 25 + 12);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes[24] = 8; // bit depth
  bytes[25] = 2; // RGB
  bytes.writeUInt32BE(0, 33);
  bytes.write('IEND', 37, 'latin1');
  return bytes;
}

// Every bad case with the message the engine must give for it.
export function badInputs() {
  const jpeg = fixture('biden_receding_white_front.jpg');
  const png = fixture('collins_fullhair_control.png');
  const truncatedJpeg = 'the JPEG file is truncated: its data stops before the end';
  const truncatedPng = 'the PNG file is truncated: its data stops before the end';
  const notAnImage = 'this file is not an image (no JPEG, PNG, BMP or GIF signature)';
  return [
    { name: 'empty', bytes: Buffer.alloc(0), message: 'the file is empty (0 bytes)' },
    { name: 'text', bytes: Buffer.from('just some notes\n'), message: notAnImage },
    { name: 'random', bytes: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 251)), message: notAnImage },
    { name: 'jpeg-cut-100', bytes: jpeg.subarray(0, 100), message: truncatedJpeg },
    { name: 'jpeg-cut-half', bytes: jpeg.subarray(0, jpeg.length >> 1), message: truncatedJpeg },
    { name: 'png-cut-40', bytes: png.subarray(0, 40), message: truncatedPng },
    { name: 'png-cut-half', bytes: png.subarray(0, png.length >> 1), message: truncatedPng },
    {
      name: 'png-100000x100000',
      bytes: pngHeaderClaiming(100000, 100000),
      message: 'the image is 100000×100000 (10000.0 megapixels), above the limit of 50.0 megapixels',
    },
    {
      name: 'heic',
      bytes: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0', 'latin1')]),
      message: 'HEIC/HEIF images are not supported; use JPEG, PNG, BMP or GIF',
    },
  ];
}
