/**
 * Writes the add-in icons (assets/icon-<size>.png): a Fluent-blue rounded square with a white
 * bar chart. Pure Node, so it runs anywhere the project builds: `node scripts/make-icons.mjs`.
 *
 * The glyph is drawn on a 16-unit grid, so at 16 px (and at every multiple of 16) the edges fall on
 * pixel boundaries and stay crisp; 8x8 supersampling anti-aliases the rounded corners and any size
 * that is not a multiple of 16 (80 px).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../assets");
const GRID = 16;
const SAMPLES = 8;

const BLUE = [0x0f, 0x6c, 0xbd]; // Fluent brand blue
const WHITE = [0xff, 0xff, 0xff];

/** Rounded rectangles in grid units: [left, top, right, bottom, corner radius]. */
const TILE = [1, 1, 15, 15, 3];
const BARS = [
  [4, 9, 6, 12, 0.4],
  [7, 7, 9, 12, 0.4],
  [10, 4, 12, 12, 0.4],
];

function inRoundedRect(x, y, [left, top, right, bottom, radius]) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const dx = Math.max(left + radius - x, x - (right - radius), 0);
  const dy = Math.max(top + radius - y, y - (bottom - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/** Colour of the glyph at a point in grid units, or null where it is transparent. */
function colourAt(x, y) {
  if (BARS.some((bar) => inRoundedRect(x, y, bar))) return WHITE;
  return inRoundedRect(x, y, TILE) ? BLUE : null;
}

/** RGBA pixels, averaging SAMPLES x SAMPLES points per pixel (premultiplied, then divided back). */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const scale = GRID / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale);
          if (!colour) continue;
          covered++;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      const offset = (py * size + px) * 4;
      if (covered === 0) continue;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(sum[c] / covered);
      pixels[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
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
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A truecolour-with-alpha PNG, 8 bits per channel, no filtering (each row starts with filter 0). */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth, colour type RGBA, compression, filter, interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
