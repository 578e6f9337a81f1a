import { describe, expect, test } from 'vitest';
import { encodeQr, formatBits, qrSvgPath, reedSolomon } from '../../src/lib/qr-code';
import { decodeQr, modulesOfPath } from '../support/qr-decode';

describe('the QR code encoder (src/lib/qr-code.ts)', () => {
  test('computes ISO/IEC 18004 annex I’s error correction codewords (01234567, version 1-M)', () => {
    const data = [
      0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec,
      0x11,
    ];
    expect(reedSolomon(data, 10)).toEqual([
      0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55,
    ]);
  });

  test('writes level M’s format information as the standard’s table gives it', () => {
    expect(formatBits(0).toString(2)).toBe('101010000010010');
    expect(formatBits(5).toString(2)).toBe('100000011001110');
    expect(formatBits(7).toString(2)).toBe('100101010100000');
  });

  test.each([
    ['a short text', 'hi', 1],
    ['the review address', 'https://www.willowcreekmassage.com/review/', 3],
    [
      'Google’s review form',
      'https://search.google.com/local/writereview?placeid=ChIJN1t_tDeuEmsRUsoyG83frY4',
      5,
    ],
    ['a Spanish address, in UTF-8', 'https://clínica.example/es/reseña/', 3],
    ['a text needing version information (7 and above)', 'x'.repeat(150), 8],
    ['the most it holds', 'y'.repeat(213), 10],
  ])('draws %s in the smallest version that holds it, and it reads back', (_, text, version) => {
    const code = encodeQr(text);
    expect(code.version).toBe(version);
    expect(code.size).toBe(17 + 4 * version);
    expect(decodeQr(code.dark)).toBe(text);
  });

  test('its SVG path is the same modules, with a four-module quiet zone', () => {
    const code = encodeQr('https://www.willowcreekmassage.com/review/');
    const { viewBox, path } = qrSvgPath(code);
    expect(viewBox).toBe(`0 0 ${code.size + 8} ${code.size + 8}`);
    expect(modulesOfPath(path, viewBox)).toEqual(code.dark);
  });

  test('refuses a text longer than it can hold, saying how long', () => {
    expect(() => encodeQr('z'.repeat(214))).toThrow(/at most 213 bytes; this text has 214/);
  });

  test('a damaged symbol does not read back', () => {
    const code = encodeQr('https://www.willowcreekmassage.com/review/');
    const x = code.size - 1;
    code.dark[code.size - 1]![x] = !code.dark[code.size - 1]![x];
    expect(() => decodeQr(code.dark)).toThrow(/fails its error check/);
  });
});
