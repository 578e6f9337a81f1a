/**
 * A QR code reader for the tests: reads an upright, undamaged symbol of versions 1–10 at level M
 * (what src/lib/qr-code.ts draws) back into its text, written apart from the encoder, from
 * ISO/IEC 18004's tables (alignment centres of annex E as a literal table, not the encoder's
 * rule), and checking each block's Reed–Solomon syndromes, so that a symbol a phone could not
 * read fails here too. Throws, saying why, on anything else.
 */

/** Annex E: the alignment pattern centres of versions 1–10. */
const ALIGNMENT = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];
/** Table 9, level M: [blocks, error correction codewords per block] of versions 1–10. */
const BLOCKS_M = [
  [1, 10],
  [1, 16],
  [1, 26],
  [2, 18],
  [2, 24],
  [4, 16],
  [4, 18],
  [4, 22],
  [5, 22],
  [5, 26],
];

const gfExp: number[] = [];
const gfLog: number[] = [];
for (let index = 0, value = 1; index < 255; index++) {
  gfExp[index] = value;
  gfLog[value] = index;
  value = value << 1;
  if (value & 0x100) value ^= 0x11d;
}
const gfMul = (a: number, b: number) => (a && b ? gfExp[(gfLog[a]! + gfLog[b]!) % 255]! : 0);

/** Whether the codeword block (data then error correction) has every syndrome zero. */
function syndromesZero(block: number[], degree: number): boolean {
  for (let power = 0; power < degree; power++) {
    const root = gfExp[power]!;
    if (block.reduce((sum, codeword) => gfMul(sum, root) ^ codeword, 0) !== 0) return false;
  }
  return true;
}

export function decodeQr(dark: boolean[][]): string {
  const size = dark.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10) throw new Error(`size ${size}`);
  // Format information, first copy: bits 14..0 around the top-left finder (figure 25).
  const at = (x: number, y: number) => dark[y]![x]!;
  const formatModules: [number, number][] = [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ];
  let format = 0;
  formatModules.forEach(([x, y], bit) => {
    if (at(x, y)) format |= 1 << bit;
  });
  format ^= 0b101010000010010;
  if (format >>> 13 !== 0) throw new Error(`not level M (format ${format.toString(2)})`);
  const mask = (format >>> 10) & 7;

  const reserved = dark.map((row) => row.map(() => false));
  const reserve = (x0: number, y0: number, width: number, height: number) => {
    for (let y = y0; y < y0 + height; y++)
      for (let x = x0; x < x0 + width; x++) {
        if (x >= 0 && y >= 0 && x < size && y < size) reserved[y]![x] = true;
      }
  };
  reserve(0, 0, 9, 9); // finder, separator, format
  reserve(size - 8, 0, 8, 9);
  reserve(0, size - 8, 9, 8);
  reserve(6, 0, 1, size);
  reserve(0, 6, size, 1);
  const centres = ALIGNMENT[version - 1]!;
  for (const cy of centres)
    for (const cx of centres) {
      if ((cx < 9 && cy < 9) || (cx > size - 9 && cy < 9) || (cx < 9 && cy > size - 9)) continue;
      reserve(cx - 2, cy - 2, 5, 5);
    }
  if (version >= 7) {
    reserve(size - 11, 0, 3, 6);
    reserve(0, size - 11, 6, 3);
  }

  const bits: number[] = [];
  for (let right = size - 1, column = 0; right > 0; right -= 2, column++) {
    if (right === 6) right--;
    for (let step = 0; step < size; step++) {
      const y = column % 2 === 0 ? size - 1 - step : step;
      for (const x of [right, right - 1]) {
        if (reserved[y]![x]) continue;
        const masked = [
          (y + x) % 2 === 0,
          y % 2 === 0,
          x % 3 === 0,
          (y + x) % 3 === 0,
          (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
          ((y * x) % 2) + ((y * x) % 3) === 0,
          (((y * x) % 2) + ((y * x) % 3)) % 2 === 0,
          (((y + x) % 2) + ((y * x) % 3)) % 2 === 0,
        ][mask];
        bits.push(at(x, y) !== masked ? 1 : 0);
      }
    }
  }
  const codewords: number[] = [];
  for (let index = 0; index + 8 <= bits.length; index += 8) {
    codewords.push(bits.slice(index, index + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  }
  const [blockCount, degree] = BLOCKS_M[version - 1]!;
  const dataTotal = codewords.length - blockCount! * degree!;
  const shortLength = Math.floor(dataTotal / blockCount!);
  const longFrom = blockCount! - (dataTotal % blockCount!);
  const blocks = Array.from({ length: blockCount! }, () => [] as number[]);
  let next = 0;
  for (let index = 0; index <= shortLength; index++) {
    blocks.forEach((block, number) => {
      if (index < shortLength || number >= longFrom) block.push(codewords[next++]!);
    });
  }
  const data = blocks.flat();
  for (let index = 0; index < degree!; index++)
    for (const block of blocks) block.push(codewords[next++]!);
  blocks.forEach((block, number) => {
    if (!syndromesZero(block, degree!)) throw new Error(`block ${number} fails its error check`);
  });

  const stream = data.flatMap((byte) =>
    Array.from({ length: 8 }, (_, bit) => (byte >>> (7 - bit)) & 1),
  );
  let position = 0;
  const read = (length: number) => {
    let value = 0;
    for (let index = 0; index < length; index++) value = (value << 1) | stream[position++]!;
    return value;
  };
  if (read(4) !== 0b0100) throw new Error('not byte mode');
  const length = read(version < 10 ? 8 : 16);
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from({ length }, () => read(8)),
  );
}

/** The modules of an SVG path of unit rectangles (`M x y h w v1 h-w z`), less the quiet zone. */
export function modulesOfPath(path: string, viewBox: string): boolean[][] {
  const side = Number(viewBox.split(/\s+/)[2]) - 8;
  const dark = Array.from({ length: side }, () => new Array<boolean>(side).fill(false));
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let index = 0; index < Number(width); index++)
      dark[Number(y) - 4]![Number(x) - 4 + index] = true;
  }
  return dark;
}
