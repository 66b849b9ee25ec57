// node scripts/icons/generate.mjs — renders public/favicon.svg into the raster icons
// in public/ (favicon.ico with 16/32/48 px images, apple-touch-icon.png, the manifest's
// 192/512 px and maskable icons). Run after changing the SVG; the outputs are committed.
// sharp comes with Next (its image optimiser).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import sharp from "sharp";

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../public");
const svg = fs.readFileSync(path.join(publicDir, "favicon.svg"));

/** The mark on a white square, `padding` of the side left free on every edge (full-bleed icons need it). */
async function png(size, padding) {
  const inner = Math.round(size * (1 - 2 * padding));
  const mark = await sharp(svg, { density: 72 * Math.ceil(inner / 24) }).resize(inner, inner).png().toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: "#ffffff" } })
    .composite([{ input: mark, gravity: "center" }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO file holding PNG images (Windows Vista+ and every browser read PNG entries). */
export function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const write = (name, data) => {
  fs.writeFileSync(path.join(publicDir, name), data);
  console.log(`public/${name}: ${data.length} bytes`);
};

// Small sizes: the mark nearly fills the square (the SVG already keeps a 2/24 margin).
const icoImages = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size, 0) })));
write("favicon.ico", ico(icoImages));
write("apple-touch-icon.png", await png(180, 0.12)); // iOS rounds the corners: keep the mark clear of them
fs.mkdirSync(path.join(publicDir, "icons"), { recursive: true });
write("icons/icon-192.png", await png(192, 0.08));
write("icons/icon-512.png", await png(512, 0.08));
write("icons/icon-maskable-512.png", await png(512, 0.2)); // the maskable safe zone is the central 80 % circle
