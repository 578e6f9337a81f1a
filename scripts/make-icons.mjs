// Draws the favicon set in public/ from one SVG mark (run once: `node scripts/make-icons.mjs`).
// Replace public/favicon.svg with the clinic's own mark and run it again.
import { readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

const svg = readFileSync('public/favicon.svg');

const png = (size) => sharp(svg, { density: 384 }).resize(size, size).png().toBuffer();

for (const [file, size] of [
  ['public/apple-touch-icon.png', 180],
  ['public/icon-192.png', 192],
  ['public/icon-512.png', 512],
]) {
  writeFileSync(file, await png(size));
  console.log(`wrote ${file}`);
}

// favicon.ico: an ICO container holding one 32×32 PNG (supported by every current browser).
const image = await png(32);
const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // type: icon
header.writeUInt16LE(1, 4); // one image
header.writeUInt8(32, 6); // width
header.writeUInt8(32, 7); // height
header.writeUInt8(0, 8); // no palette
header.writeUInt8(0, 9); // reserved
header.writeUInt16LE(1, 10); // colour planes
header.writeUInt16LE(32, 12); // bits per pixel
header.writeUInt32LE(image.length, 14); // image size
header.writeUInt32LE(22, 18); // image offset
writeFileSync('public/favicon.ico', Buffer.concat([header, image]));
console.log('wrote public/favicon.ico');
