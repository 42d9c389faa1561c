/**
 * Draws the app icons (an identity card on the brand colour) as PNG files in static/icons, using only
 * Node's zlib. Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BRAND = [13, 92, 99];
const CARD = [255, 255, 255];
const ACCENT = [224, 165, 38];
const INK = [13, 92, 99];
const LINE = [150, 190, 194];
const SUPERSAMPLE = 4;

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'static', 'icons');

/** True when (x, y) lies in the rectangle with rounded corners. */
function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inEllipse(x, y, cx, cy, rx, ry) {
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

/**
 * The colour at a point of the unit square, or null where transparent. `scale` shrinks the card
 * towards the centre (maskable icons keep their content inside the central safe circle).
 */
function colourAt(x, y, { fullBleed, scale }) {
  const background = fullBleed || inRoundedRect(x, y, 0, 0, 1, 1, 0.22);
  if (!background) return null;
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const card = inRoundedRect(u, v, 0.16, 0.27, 0.84, 0.73, 0.06);
  if (!card) return BRAND;
  if (v < 0.335) return ACCENT;
  const head = inEllipse(u, v, 0.33, 0.46, 0.065, 0.07);
  const shoulders = v <= 0.66 && inEllipse(u, v, 0.33, 0.66, 0.12, 0.1);
  if (head || shoulders) return INK;
  const bars = [
    [0.48, 0.42, 0.76, 0.46],
    [0.48, 0.51, 0.7, 0.55],
    [0.48, 0.6, 0.73, 0.64],
  ];
  if (bars.some(([l, t, r, b]) => inRoundedRect(u, v, l, t, r, b, 0.02))) return LINE;
  return CARD;
}

function render(size, options) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
            options,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      // Colours are averaged over the covered samples only, so edges fade in alpha, not towards black.
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / samples) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const icons = [
  { file: 'icon-192.png', size: 192, fullBleed: false, scale: 1 },
  { file: 'icon-512.png', size: 512, fullBleed: false, scale: 1 },
  { file: 'apple-touch-icon-180.png', size: 180, fullBleed: true, scale: 0.86 },
  { file: 'maskable-512.png', size: 512, fullBleed: true, scale: 0.8 },
];

mkdirSync(outDir, { recursive: true });
for (const { file, size, ...options } of icons) {
  writeFileSync(join(outDir, file), encodePng(size, render(size, options)));
  console.log(`wrote static/icons/${file} (${size}×${size})`);
}
