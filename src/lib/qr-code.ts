/**
 * A QR code drawn at build time, so that the printable review card needs no third-party request
 * and no QR package (none was in the project's dependencies). It encodes text as UTF-8 in byte
 * mode at error correction level M (about 15% of the symbol may be damaged), in the smallest
 * version from 1 to 10 (21 to 57 modules a side, up to 213 bytes) that holds it, with the mask
 * of lowest penalty. Every rule and table below is ISO/IEC 18004:2015's (QR Code Model 2): the
 * section is named beside each.
 */

/** Level M's error correction codewords per block, by version 1–10 (ISO/IEC 18004 table 9). */
const ECC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
/** Level M's number of blocks, by version 1–10 (table 9). */
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
const MAX_VERSION = ECC_PER_BLOCK.length;
/** Level M's two format bits (table 12). */
const LEVEL_M_BITS = 0b00;

/** A QR code: `size` × `size` modules, `dark[y][x]` for each, without the quiet zone. */
export interface QrCode {
  version: number;
  size: number;
  mask: number;
  dark: boolean[][];
}

/** The side of version `version`'s symbol, in modules (section 5.3.1). */
const sideOf = (version: number) => 17 + 4 * version;

/** The centres of the alignment patterns on each axis (annex E's table, as its rule computes it). */
function alignmentCentres(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const last = sideOf(version) - 7;
  const step = Math.ceil((last - 6) / (count - 1) / 2) * 2;
  const centres = [6];
  for (let index = count - 2; index >= 0; index--) centres.push(last - index * step);
  return centres;
}

/** Modules left for data and error correction in a version (section 7.1, table 1). */
function dataModules(version: number): number {
  const side = sideOf(version);
  let modules = side * side - 3 * 64 - 2 * (side - 16) - 31; // finders, separators, timing, format, dark
  const centres = alignmentCentres(version).length;
  if (centres) modules -= (centres * centres - 3) * 25 - 2 * (centres - 2) * 5;
  if (version >= 7) modules -= 36; // version information
  return modules;
}

/** Data codewords of a version at level M (table 7). */
const dataCodewords = (version: number) =>
  Math.floor(dataModules(version) / 8) - ECC_PER_BLOCK[version - 1]! * BLOCKS[version - 1]!;

/** Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1 (0x11d), QR's field (section 7.5.2). */
function multiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 7; bit >= 0; bit--) {
    product = (product << 1) ^ ((product >>> 7) * 0x11d);
    product ^= ((b >>> bit) & 1) * a;
  }
  return product;
}

/** The Reed–Solomon generator polynomial of `degree`, highest power first, its leading 1 left out. */
function generator(degree: number): number[] {
  const coefficients = new Array<number>(degree).fill(0);
  coefficients[degree - 1] = 1;
  let root = 1;
  for (let step = 0; step < degree; step++) {
    for (let index = 0; index < degree; index++) {
      coefficients[index] = multiply(coefficients[index]!, root);
      if (index + 1 < degree) coefficients[index]! ^= coefficients[index + 1]!;
    }
    root = multiply(root, 2);
  }
  return coefficients;
}

/** The error correction codewords of one block: the remainder of its division by the generator. */
export function reedSolomon(data: readonly number[], degree: number): number[] {
  const divisor = generator(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    divisor.forEach((coefficient, index) => {
      remainder[index]! ^= multiply(coefficient, factor);
    });
  }
  return remainder;
}

/** A BCH code's remainder: `value` shifted by the generator's degree, divided by it (annex C, D). */
function bchRemainder(value: number, polynomial: number, degree: number): number {
  let remainder = value << degree;
  for (let bit = 31 - Math.clz32(remainder); bit >= degree; bit--) {
    if ((remainder >>> bit) & 1) remainder ^= polynomial << (bit - degree);
  }
  return remainder;
}

/** The 15 format bits for level M and `mask`, masked with 101010000010010 (section 7.9.1). */
export const formatBits = (mask: number) => {
  const data = (LEVEL_M_BITS << 3) | mask;
  return ((data << 10) | bchRemainder(data, 0b10100110111, 10)) ^ 0b101010000010010;
};

/** The 18 version bits, for version 7 and above (section 7.10). */
const versionBits = (version: number) =>
  (version << 12) | bchRemainder(version, 0b1111100100101, 12);

/** The eight mask conditions, `i` the row and `j` the column (section 7.8.2, table 10). */
const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

/** The bit stream: mode, length, the bytes, terminator and padding (sections 7.4, 7.4.10). */
function dataStream(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let bit = length - 1; bit >= 0; bit--) bits.push((value >>> bit) & 1);
  };
  put(0b0100, 4); // byte mode
  put(bytes.length, version < 10 ? 8 : 16);
  for (const byte of bytes) put(byte, 8);
  const capacity = dataCodewords(version) * 8;
  put(0, Math.min(4, capacity - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
  const codewords: number[] = [];
  for (let index = 0; index < bits.length; index += 8) {
    codewords.push(bits.slice(index, index + 8).reduce((byte, bit) => (byte << 1) | bit, 0));
  }
  return codewords;
}

/** Data split into blocks, each followed by its error correction, interleaved (section 7.6). */
function interleaved(data: readonly number[], version: number): number[] {
  const blocks = BLOCKS[version - 1]!;
  const degree = ECC_PER_BLOCK[version - 1]!;
  const shortLength = Math.floor(data.length / blocks);
  const longBlocks = data.length % blocks;
  const split: number[][] = [];
  let at = 0;
  for (let block = 0; block < blocks; block++) {
    const length = shortLength + (block >= blocks - longBlocks ? 1 : 0);
    split.push(data.slice(at, at + length));
    at += length;
  }
  const corrections = split.map((block) => reedSolomon(block, degree));
  const result: number[] = [];
  for (let index = 0; index <= shortLength; index++) {
    for (const block of split) if (index < block.length) result.push(block[index]!);
  }
  for (let index = 0; index < degree; index++) {
    for (const correction of corrections) result.push(correction[index]!);
  }
  return result;
}

/** A symbol's modules, and which of them are function patterns (not data). */
class QrSymbol {
  readonly version: number;
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(version: number) {
    this.version = version;
    this.size = sideOf(version);
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () =>
      new Array<boolean>(this.size).fill(false),
    );
    this.drawFunctionPatterns();
  }

  set(x: number, y: number, dark: boolean): void {
    this.dark[y]![x] = dark;
    this.reserved[y]![x] = true;
  }

  /** Finders with separators, timing, alignment, format and version areas (sections 6.3). */
  private drawFunctionPatterns(): void {
    const { size } = this;
    for (let index = 0; index < size; index++) {
      this.set(6, index, index % 2 === 0);
      this.set(index, 6, index % 2 === 0);
    }
    for (const [x, y] of [
      [3, 3],
      [size - 4, 3],
      [3, size - 4],
    ] as const) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const ring = Math.max(Math.abs(dx), Math.abs(dy));
          const [mx, my] = [x + dx, y + dy];
          if (mx >= 0 && mx < size && my >= 0 && my < size)
            this.set(mx, my, ring !== 2 && ring !== 4);
        }
      }
    }
    const centres = alignmentCentres(this.version);
    const last = centres.length - 1;
    centres.forEach((cy, row) =>
      centres.forEach((cx, column) => {
        // None where a finder is.
        if (
          (row === 0 && column === 0) ||
          (row === 0 && column === last) ||
          (row === last && column === 0)
        )
          return;
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++)
            this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
        }
      }),
    );
    this.drawFormat(0); // reserves the area; redrawn with the chosen mask
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let index = 0; index < 18; index++) {
        const dark = ((bits >>> index) & 1) === 1;
        const [a, b] = [size - 11 + (index % 3), Math.floor(index / 3)];
        this.set(a, b, dark);
        this.set(b, a, dark);
      }
    }
  }

  /** The format information, twice, and the dark module (section 7.9.1, figure 25). */
  drawFormat(mask: number): void {
    const { size } = this;
    const bits = formatBits(mask);
    const bit = (index: number) => ((bits >>> index) & 1) === 1;
    for (let index = 0; index <= 5; index++) this.set(8, index, bit(index));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let index = 9; index < 15; index++) this.set(14 - index, 8, bit(index));
    for (let index = 0; index < 8; index++) this.set(size - 1 - index, 8, bit(index));
    for (let index = 8; index < 15; index++) this.set(8, size - 15 + index, bit(index));
    this.set(8, size - 8, true);
  }

  /** Codewords in two-module columns from the bottom right, upwards then downwards (7.7.3). */
  drawCodewords(codewords: readonly number[]): void {
    const { size } = this;
    let index = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5; // the vertical timing pattern is skipped
      const upwards = ((right + 1) & 2) === 0;
      for (let step = 0; step < size; step++) {
        const y = upwards ? size - 1 - step : step;
        for (const x of [right, right - 1]) {
          if (this.reserved[y]![x]) continue;
          const byte = codewords[index >>> 3];
          // Remainder bits past the last codeword are light.
          this.dark[y]![x] = byte !== undefined && ((byte >>> (7 - (index & 7))) & 1) === 1;
          index++;
        }
      }
    }
  }

  applyMask(mask: number): void {
    const condition = MASKS[mask]!;
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        if (!this.reserved[y]![x] && condition(y, x)) this.dark[y]![x] = !this.dark[y]![x];
      }
    }
  }

  /** The penalty of the masked symbol (section 7.8.3, table 11: N1 3, N2 3, N3 40, N4 10). */
  penalty(): number {
    const { size, dark } = this;
    let score = 0;
    const lines = [...dark, ...Array.from({ length: size }, (_, x) => dark.map((row) => row[x]!))];
    for (const line of lines) {
      let run = 1;
      for (let index = 1; index <= size; index++) {
        if (index < size && line[index] === line[index - 1]) run++;
        else {
          if (run >= 5) score += 3 + run - 5;
          run = 1;
        }
      }
      // 1:1:3:1:1 dark-light-dark-light-dark with four light modules on one side (N3).
      const text = `0000${line.map((module) => (module ? '1' : '0')).join('')}0000`;
      for (const pattern of ['00001011101', '10111010000']) {
        for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1))
          score += 40;
      }
    }
    for (let y = 0; y < size - 1; y++) {
      for (let x = 0; x < size - 1; x++) {
        const module = dark[y]![x];
        if (
          module === dark[y]![x + 1] &&
          module === dark[y + 1]![x] &&
          module === dark[y + 1]![x + 1]
        )
          score += 3;
      }
    }
    const darkCount = dark.flat().filter(Boolean).length;
    const total = size * size;
    score += Math.floor(Math.abs(darkCount * 20 - total * 10) / total) * 10;
    return score;
  }
}

/**
 * `text` as a QR code (UTF-8, byte mode, level M, the smallest version that holds it).
 * Throws a RangeError for text longer than version 10 holds (213 bytes).
 */
export function encodeQr(text: string): QrCode {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  // Mode (4 bits) and length (8 bits below version 10, 16 from it) before the bytes.
  while (
    version <= MAX_VERSION &&
    4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCodewords(version) * 8
  ) {
    version++;
  }
  if (version > MAX_VERSION) {
    throw new RangeError(
      `A QR code here holds at most ${dataCodewords(MAX_VERSION) - 3} bytes; this text has ${bytes.length}`,
    );
  }
  const codewords = interleaved(dataStream(bytes, version), version);
  let best: { mask: number; score: number } | undefined;
  for (let mask = 0; mask < MASKS.length; mask++) {
    const symbol = new QrSymbol(version);
    symbol.drawCodewords(codewords);
    symbol.applyMask(mask);
    symbol.drawFormat(mask);
    const score = symbol.penalty();
    if (!best || score < best.score) best = { mask, score };
  }
  const symbol = new QrSymbol(version);
  symbol.drawCodewords(codewords);
  symbol.applyMask(best!.mask);
  symbol.drawFormat(best!.mask);
  return { version, size: symbol.size, mask: best!.mask, dark: symbol.dark };
}

/**
 * The dark modules of `code` as one SVG path, a rectangle per run of dark modules in a row
 * (`M x y h3 v1 h-3 z`), in a view box of `size + 8` modules: the four-module quiet zone a reader
 * needs on every side (section 6.3.8). Units are modules.
 */
export function qrSvgPath(code: QrCode): { viewBox: string; path: string } {
  const parts: string[] = [];
  code.dark.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      parts.push(`M${x + 4} ${y + 4}h${run}v1h-${run}z`);
      x += run;
    }
  });
  return { viewBox: `0 0 ${code.size + 8} ${code.size + 8}`, path: parts.join('') };
}
