// Draws the two placeholder illustrations in src/assets/images/ (run once: `node scripts/make-placeholder-images.mjs`).
// They stand in for the clinic's own photos; replace the files (same names) or upload new ones in the CMS.
import sharp from 'sharp';

const WIDTH = 1600;
const HEIGHT = 1000;

const skin = '#d9a88a';
const skinShade = '#c38f71';
const towel = '#f4f1ea';
const table = '#5b7f7a';

/** A person lying face down on a treatment table, seen from the side, with a therapist's hands. */
function scene({ background, handsX, handsY, label }) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${background[0]}"/>
      <stop offset="1" stop-color="${background[1]}"/>
    </linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <circle cx="1320" cy="220" r="140" fill="#ffffff" opacity="0.35"/>
  <rect x="180" y="600" width="1240" height="60" rx="20" fill="${table}"/>
  <rect x="260" y="660" width="40" height="260" fill="${table}"/>
  <rect x="1300" y="660" width="40" height="260" fill="${table}"/>
  <ellipse cx="1290" cy="540" rx="95" ry="75" fill="${skinShade}"/>
  <path d="M300 600 C 320 470, 560 450, 760 470 C 960 490, 1120 470, 1220 520 L 1230 600 Z" fill="${skin}"/>
  <path d="M230 600 C 240 540, 420 530, 620 560 L 640 600 Z" fill="${towel}"/>
  <ellipse cx="${handsX}" cy="${handsY}" rx="70" ry="34" fill="${skinShade}"/>
  <ellipse cx="${handsX + 130}" cy="${handsY + 6}" rx="70" ry="34" fill="${skinShade}"/>
  <path d="M${handsX - 40} ${handsY - 20} C ${handsX - 120} 300, ${handsX + 40} 200, ${handsX + 60} 120" stroke="#3d5a80" stroke-width="70" fill="none" stroke-linecap="round"/>
  <path d="M${handsX + 170} ${handsY - 20} C ${handsX + 250} 300, ${handsX + 120} 200, ${handsX + 90} 120" stroke="#3d5a80" stroke-width="70" fill="none" stroke-linecap="round"/>
  <text x="60" y="${HEIGHT - 50}" font-family="sans-serif" font-size="34" fill="#1f2d2b" opacity="0.7">${label}</text>
</svg>`;
}

const PLACEHOLDER_DESCRIPTION = "PLACEHOLDER illustration: replace it with the clinic's own photo";

const images = [
  {
    file: 'src/assets/images/back-massage.jpg',
    svg: scene({
      background: ['#e6efe9', '#cfe0d8'],
      handsX: 640,
      handsY: 470,
      label: 'Placeholder illustration: back massage',
    }),
  },
  {
    file: 'src/assets/images/massage-in-progress.jpg',
    svg: scene({
      background: ['#efe9e1', '#e2d6c6'],
      handsX: 960,
      handsY: 478,
      label: 'Placeholder illustration: massage in progress',
    }),
  },
];

for (const { file, svg } of images) {
  // The file says itself that it is a placeholder: `npm run launch-check` reads this description.
  await sharp(Buffer.from(svg))
    .jpeg({ quality: 82, mozjpeg: true })
    .withExif({ IFD0: { ImageDescription: PLACEHOLDER_DESCRIPTION } })
    .toFile(file);
  console.log(`wrote ${file}`);
}
