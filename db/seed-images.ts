import sharp from "sharp";
import { formatVnd } from "../app/ledger/money";

// Demo pictures drawn here as SVG, never downloaded: soft, caption-free illustrations (boats,
// houses, fields, hands passing a heart…) and paper-style receipts. No red cross anywhere: the
// emblem is protected by law. Rendered to PNG, then sanitised like any upload.

export const SCENE_W = 960;
export const SCENE_H = 640;

interface Palette {
  skyTop: string;
  skyBottom: string;
  sun: string;
  ground: string;
  ground2: string;
  accent: string;
  accent2: string;
}

const PALETTES: Record<string, Palette> = {
  dawn: { skyTop: "#fbd3b0", skyBottom: "#fdf0df", sun: "#f6a96b", ground: "#7fb7c9", ground2: "#a9d3de", accent: "#c8553d", accent2: "#f2e8cf" },
  noon: { skyTop: "#9fd3ea", skyBottom: "#e3f4fa", sun: "#ffd166", ground: "#3f8fb0", ground2: "#6fb5cf", accent: "#2a6f97", accent2: "#f4f1de" },
  dusk: { skyTop: "#b49fcc", skyBottom: "#f6c6a8", sun: "#f28f6b", ground: "#4f6d8f", ground2: "#7b93b0", accent: "#8c4f6d", accent2: "#f7e1d7" },
  warm: { skyTop: "#fde4cf", skyBottom: "#fff6ec", sun: "#f4a261", ground: "#e9c46a", ground2: "#f4d58d", accent: "#e76f51", accent2: "#fffaf3" },
  cool: { skyTop: "#d8eef0", skyBottom: "#f3fbfb", sun: "#90c2c9", ground: "#84a98c", ground2: "#b7d3b0", accent: "#52796f", accent2: "#fbfefb" },
  evening: { skyTop: "#f7b7a3", skyBottom: "#ffe8d6", sun: "#ea5455", ground: "#8d9f6b", ground2: "#b5c48f", accent: "#6d597a", accent2: "#fff1e6" },
  day: { skyTop: "#bde0fe", skyBottom: "#eef7ff", sun: "#ffca3a", ground: "#8ac926", ground2: "#b5e48c", accent: "#c97b63", accent2: "#fefae0" },
  green: { skyTop: "#cfe8d5", skyBottom: "#f1faee", sun: "#f9c74f", ground: "#90be6d", ground2: "#b8e0a0", accent: "#43aa8b", accent2: "#fdfcdc" },
  gold: { skyTop: "#ffe5b4", skyBottom: "#fff8e7", sun: "#f9a03f", ground: "#e0b44b", ground2: "#f0d58a", accent: "#a7763b", accent2: "#fffdf5" },
  rain: { skyTop: "#a9b8c6", skyBottom: "#d9e2ea", sun: "#dfe7ee", ground: "#6d8ea8", ground2: "#92aec4", accent: "#7a6f62", accent2: "#eef2f5" },
  after: { skyTop: "#c7dff0", skyBottom: "#f5f0e6", sun: "#ffd27f", ground: "#9fb7a8", ground2: "#c7d6c0", accent: "#b07d62", accent2: "#fbf7ef" },
};

const frame = (p: Palette, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${SCENE_W}" height="${SCENE_H}" viewBox="0 0 ${SCENE_W} ${SCENE_H}">` +
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.skyTop}"/><stop offset="1" stop-color="${p.skyBottom}"/></linearGradient></defs>` +
  `<rect width="${SCENE_W}" height="${SCENE_H}" fill="url(#sky)"/>${body}</svg>`;

const heart = (x: number, y: number, s: number, fill: string, opacity = 1) =>
  `<path transform="translate(${x} ${y}) scale(${s})" opacity="${opacity}" fill="${fill}" d="M0 -18 C -10 -38 -42 -34 -42 -8 C -42 14 -16 28 0 44 C 16 28 42 14 42 -8 C 42 -34 10 -38 0 -18 Z"/>`;

const waves = (y: number, color: string, opacity: number) =>
  `<path d="M0 ${y} Q 60 ${y - 12} 120 ${y} T 240 ${y} T 360 ${y} T 480 ${y} T 600 ${y} T 720 ${y} T 840 ${y} T 960 ${y}" fill="none" stroke="${color}" stroke-width="4" opacity="${opacity}" stroke-linecap="round"/>`;

function boat(p: Palette, sunX: number): string {
  return frame(
    p,
    `<circle cx="${sunX}" cy="170" r="70" fill="${p.sun}" opacity="0.9"/>` +
      `<path d="M0 380 Q 240 350 480 372 T 960 360 V640 H0 Z" fill="${p.ground}"/>` +
      waves(420, p.ground2, 0.8) +
      waves(470, p.ground2, 0.6) +
      waves(540, p.ground2, 0.5) +
      waves(600, p.ground2, 0.4) +
      `<path d="M330 380 L650 380 L600 450 L380 450 Z" fill="${p.accent}"/>` +
      `<rect x="440" y="322" width="110" height="58" rx="8" fill="${p.accent2}"/>` +
      `<rect x="456" y="336" width="28" height="22" rx="3" fill="${p.ground2}"/><rect x="500" y="336" width="28" height="22" rx="3" fill="${p.ground2}"/>` +
      `<line x1="410" y1="380" x2="410" y2="230" stroke="${p.accent}" stroke-width="6" stroke-linecap="round"/>` +
      `<path d="M410 236 L470 252 L410 268 Z" fill="${p.sun}"/>` +
      `<ellipse cx="490" cy="470" rx="150" ry="10" fill="${p.accent}" opacity="0.25"/>` +
      `<path d="M150 300 q 14 -10 28 0 q 14 -10 28 0" fill="none" stroke="${p.accent}" stroke-width="3" opacity="0.6"/>` +
      `<path d="M760 260 q 12 -8 24 0 q 12 -8 24 0" fill="none" stroke="${p.accent}" stroke-width="3" opacity="0.6"/>`,
  );
}

function house(p: Palette): string {
  return frame(
    p,
    `<circle cx="760" cy="150" r="60" fill="${p.sun}" opacity="0.9"/>` +
      `<path d="M0 430 Q 300 380 600 420 T 960 400 V640 H0 Z" fill="${p.ground}"/>` +
      `<path d="M0 500 Q 320 460 640 500 T 960 490 V640 H0 Z" fill="${p.ground2}"/>` +
      `<rect x="330" y="300" width="280" height="170" fill="${p.accent2}"/>` +
      `<path d="M305 305 L470 200 L635 305 Z" fill="${p.accent}"/>` +
      `<rect x="440" y="370" width="60" height="100" rx="4" fill="${p.accent}" opacity="0.85"/>` +
      `<rect x="360" y="340" width="50" height="44" rx="4" fill="${p.skyTop}"/><rect x="530" y="340" width="50" height="44" rx="4" fill="${p.skyTop}"/>` +
      `<path d="M200 470 C 205 400 210 340 190 280" stroke="${p.accent}" stroke-width="10" fill="none" stroke-linecap="round"/>` +
      `<ellipse cx="160" cy="280" rx="60" ry="16" fill="${p.ground}" transform="rotate(-20 160 280)"/>` +
      `<ellipse cx="225" cy="275" rx="60" ry="16" fill="${p.ground}" transform="rotate(25 225 275)"/>` +
      `<ellipse cx="190" cy="260" rx="50" ry="14" fill="${p.ground2}" transform="rotate(-80 190 260)"/>` +
      heart(470, 260, 0.35, p.sun),
  );
}

function hands(p: Palette): string {
  return frame(
    p,
    `<circle cx="480" cy="300" r="200" fill="${p.accent2}" opacity="0.8"/>` +
      `<path d="M0 420 C 120 400 220 380 330 370 C 380 366 410 390 390 410 C 370 430 320 430 300 440 L 0 520 Z" fill="${p.ground}"/>` +
      `<path d="M960 420 C 840 400 740 380 630 370 C 580 366 550 390 570 410 C 590 430 640 430 660 440 L 960 520 Z" fill="${p.ground2}"/>` +
      heart(480, 330, 2.1, p.accent) +
      heart(480, 322, 1.2, p.sun, 0.55) +
      `<circle cx="250" cy="160" r="8" fill="${p.accent}" opacity="0.4"/><circle cx="720" cy="130" r="12" fill="${p.accent}" opacity="0.3"/>`,
  );
}

function hearts(p: Palette): string {
  const spots: [number, number, number, number][] = [
    [220, 240, 1.6, 0.85],
    [480, 330, 2.6, 1],
    [740, 230, 1.4, 0.8],
    [340, 470, 0.9, 0.6],
    [640, 480, 1.1, 0.7],
    [120, 480, 0.7, 0.5],
    [850, 430, 0.8, 0.5],
  ];
  return frame(
    p,
    `<path d="M0 540 Q 480 470 960 540 V640 H0 Z" fill="${p.ground2}" opacity="0.7"/>` +
      spots.map(([x, y, s, o], i) => heart(x, y, s, i % 2 ? p.accent : p.sun, o)).join(""),
  );
}

function riceBags(p: Palette): string {
  const bag = (x: number, y: number) =>
    `<rect x="${x}" y="${y}" width="170" height="120" rx="34" fill="${p.accent2}" stroke="${p.accent}" stroke-width="4"/>` +
    `<path d="M${x + 60} ${y + 6} q 25 -18 50 0" stroke="${p.accent}" stroke-width="5" fill="none"/>` +
    `<line x1="${x + 40}" y1="${y + 64}" x2="${x + 130}" y2="${y + 64}" stroke="${p.ground}" stroke-width="8" stroke-linecap="round"/>`;
  return frame(
    p,
    `<circle cx="800" cy="140" r="56" fill="${p.sun}" opacity="0.8"/>` +
      `<rect x="0" y="470" width="960" height="170" fill="${p.ground}"/>` +
      bag(260, 350) +
      bag(450, 350) +
      bag(355, 235) +
      bag(640, 360) +
      `<path d="M120 470 l 20 -60 l 20 60 M150 470 l 20 -80 l 20 80" stroke="${p.ground2}" stroke-width="6" fill="none" stroke-linecap="round"/>`,
  );
}

function books(p: Palette): string {
  const book = (x: number, y: number, w: number, color: string, rot: number) =>
    `<g transform="rotate(${rot} ${x + w / 2} ${y + 20})"><rect x="${x}" y="${y}" width="${w}" height="42" rx="6" fill="${color}"/><rect x="${x + 10}" y="${y + 8}" width="${w - 20}" height="6" rx="3" fill="${p.accent2}" opacity="0.8"/></g>`;
  return frame(
    p,
    `<circle cx="180" cy="150" r="64" fill="${p.sun}" opacity="0.85"/>` +
      `<rect x="0" y="500" width="960" height="140" fill="${p.ground2}"/>` +
      book(320, 456, 320, p.accent, 0) +
      book(340, 412, 290, p.ground, -2) +
      book(330, 368, 300, p.sun, 1.5) +
      book(350, 324, 260, p.accent, -1) +
      `<g transform="rotate(-35 700 300)"><rect x="640" y="290" width="190" height="26" rx="4" fill="${p.sun}"/><path d="M830 290 L870 303 L830 316 Z" fill="${p.accent2}"/><rect x="620" y="290" width="22" height="26" rx="4" fill="${p.accent}"/></g>`,
  );
}

function bike(p: Palette): string {
  const wheel = (cx: number) =>
    `<circle cx="${cx}" cy="440" r="78" fill="none" stroke="${p.accent}" stroke-width="10"/>` +
    [0, 45, 90, 135].map((a) => `<line x1="${cx}" y1="440" x2="${cx + 70 * Math.cos((a * Math.PI) / 180)}" y2="${440 + 70 * Math.sin((a * Math.PI) / 180)}" stroke="${p.accent}" stroke-width="2" opacity="0.6"/>`).join("");
  return frame(
    p,
    `<circle cx="760" cy="140" r="60" fill="${p.sun}"/>` +
      `<path d="M0 520 C 300 490 660 540 960 500 V640 H0 Z" fill="${p.ground}"/>` +
      wheel(330) +
      wheel(630) +
      `<path d="M330 440 L440 330 L600 330 L630 440 M440 330 L500 440 L600 330 M500 440 L330 440" stroke="${p.ground2 === p.accent ? p.sun : p.accent}" stroke-width="10" fill="none" stroke-linejoin="round"/>` +
      `<line x1="600" y1="330" x2="590" y2="290" stroke="${p.accent}" stroke-width="10" stroke-linecap="round"/><line x1="570" y1="290" x2="620" y2="290" stroke="${p.accent}" stroke-width="10" stroke-linecap="round"/>` +
      `<rect x="410" y="300" width="60" height="14" rx="7" fill="${p.accent}"/>` +
      `<circle cx="120" cy="380" r="60" fill="${p.ground2}"/><rect x="114" y="420" width="12" height="90" fill="${p.accent}"/>`,
  );
}

function medical(p: Palette): string {
  return frame(
    p,
    `<circle cx="480" cy="320" r="230" fill="${p.accent2}"/>` +
      `<path d="M300 430 C 300 280 420 190 600 190 C 600 360 500 450 300 430 Z" fill="${p.ground}"/>` +
      `<path d="M310 420 C 400 350 480 290 590 200" stroke="${p.ground2}" stroke-width="8" fill="none"/>` +
      heart(620, 400, 1.1, p.accent) +
      `<g transform="rotate(-30 380 470)"><rect x="330" y="450" width="120" height="44" rx="22" fill="${p.sun}"/><rect x="390" y="450" width="60" height="44" rx="0" fill="${p.accent}" opacity="0.8"/><rect x="430" y="450" width="20" height="44" rx="10" fill="${p.accent}" opacity="0.8"/></g>`,
  );
}

function fields(p: Palette): string {
  const bands = [
    [360, p.ground2],
    [420, p.ground],
    [490, p.ground2],
    [560, p.ground],
  ] as const;
  return frame(
    p,
    `<circle cx="700" cy="160" r="66" fill="${p.sun}"/>` +
      bands.map(([y, c], i) => `<path d="M0 ${y} Q 240 ${y - 30 + i * 8} 480 ${y} T 960 ${y - 10} V640 H0 Z" fill="${c}"/>`).join("") +
      Array.from({ length: 14 }, (_, i) => `<line x1="${40 + i * 68}" y1="${600}" x2="${60 + i * 68}" y2="${560}" stroke="${p.accent}" stroke-width="4" opacity="0.35" stroke-linecap="round"/>`).join(""),
  );
}

function flood(p: Palette, raining: boolean): string {
  const rain = raining
    ? Array.from({ length: 40 }, (_, i) => `<line x1="${(i * 97) % 960}" y1="${(i * 53) % 300}" x2="${((i * 97) % 960) - 12}" y2="${((i * 53) % 300) + 36}" stroke="${p.accent2}" stroke-width="3" opacity="0.7"/>`).join("")
    : `<circle cx="780" cy="140" r="60" fill="${p.sun}"/>`;
  const water = raining ? 400 : 520;
  return frame(
    p,
    rain +
      `<rect x="380" y="250" width="220" height="${water - 250 + 20}" fill="${p.accent2}"/>` +
      `<path d="M355 255 L490 170 L625 255 Z" fill="${p.accent}"/>` +
      `<line x1="400" y1="${water - 60}" x2="580" y2="${water - 60}" stroke="${p.ground}" stroke-width="5" opacity="0.7" stroke-dasharray="14 10"/>` +
      `<path d="M0 ${water} Q 240 ${water - 14} 480 ${water} T 960 ${water} V640 H0 Z" fill="${p.ground}" opacity="0.9"/>` +
      waves(water + 50, p.ground2, 0.7) +
      waves(water + 100, p.ground2, 0.5) +
      heart(180, water - 150, 0.6, p.sun, raining ? 0 : 0.8),
  );
}

function water(p: Palette): string {
  return frame(
    p,
    `<rect x="0" y="480" width="960" height="160" fill="${p.ground2}"/>` +
      `<path d="M480 140 C 540 240 600 300 600 370 C 600 440 545 490 480 490 C 415 490 360 440 360 370 C 360 300 420 240 480 140 Z" fill="${p.ground}"/>` +
      `<path d="M430 380 C 430 420 450 445 480 450" stroke="${p.accent2}" stroke-width="10" fill="none" stroke-linecap="round"/>` +
      `<rect x="660" y="300" width="150" height="180" rx="20" fill="${p.accent2}" stroke="${p.accent}" stroke-width="6"/>` +
      `<rect x="690" y="470" width="20" height="30" fill="${p.accent}"/><rect x="760" y="470" width="20" height="30" fill="${p.accent}"/>` +
      `<path d="M200 480 L230 360 L270 360 L300 480 Z" fill="${p.accent2}" stroke="${p.accent}" stroke-width="5"/>` +
      `<rect x="212" y="420" width="76" height="50" fill="${p.ground}" opacity="0.6"/>`,
  );
}

/** Scene key → SVG and Vietnamese alt text ("ảnh minh họa": these are drawings, not photos). */
export const SCENES: Record<string, { svg: () => string; alt: string }> = {
  "boat-dawn": { svg: () => boat(PALETTES.dawn, 220), alt: "Ghe đánh cá nhỏ neo gần bờ lúc bình minh (ảnh minh họa)" },
  "boat-noon": { svg: () => boat(PALETTES.noon, 760), alt: "Ghe đánh cá trên mặt biển xanh buổi trưa (ảnh minh họa)" },
  "boat-dusk": { svg: () => boat(PALETTES.dusk, 640), alt: "Ghe trở về bến lúc chiều tà (ảnh minh họa)" },
  "hands-warm": { svg: () => hands(PALETTES.warm), alt: "Hai bàn tay trao nhau một trái tim (ảnh minh họa)" },
  "hands-cool": { svg: () => hands(PALETTES.cool), alt: "Hai bàn tay trao nhau một trái tim, sắc xanh dịu (ảnh minh họa)" },
  "heart-soft": { svg: () => hearts(PALETTES.warm), alt: "Những trái tim nhỏ màu ấm (ảnh minh họa)" },
  "house-evening": { svg: () => house(PALETTES.evening), alt: "Căn nhà nhỏ bên hàng dừa lúc chiều (ảnh minh họa)" },
  "house-day": { svg: () => house(PALETTES.day), alt: "Căn nhà mái mới dưới trời nắng (ảnh minh họa)" },
  "rice-bags": { svg: () => riceBags(PALETTES.gold), alt: "Những bao gạo xếp chồng chuẩn bị trao tặng (ảnh minh họa)" },
  "school-books": { svg: () => books(PALETTES.cool), alt: "Chồng sách vở và bút chì cho năm học mới (ảnh minh họa)" },
  "bike-path": { svg: () => bike(PALETTES.green), alt: "Chiếc xe đạp trên đường làng đến trường (ảnh minh họa)" },
  "medical-leaf": { svg: () => medical(PALETTES.cool), alt: "Chiếc lá xanh, trái tim và viên thuốc: chăm sóc sức khỏe (ảnh minh họa)" },
  "fields-green": { svg: () => fields(PALETTES.green), alt: "Cánh đồng lúa xanh nhiều tầng (ảnh minh họa)" },
  "fields-gold": { svg: () => fields(PALETTES.gold), alt: "Cánh đồng lúa chín vàng (ảnh minh họa)" },
  "flood-rain": { svg: () => flood(PALETTES.rain, true), alt: "Mưa lớn, nước dâng gần mái nhà (ảnh minh họa)" },
  "flood-after": { svg: () => flood(PALETTES.after, false), alt: "Nước đã rút, vệt lũ còn trên tường nhà (ảnh minh họa)" },
  "water-drop": { svg: () => water(PALETTES.cool), alt: "Giọt nước sạch và bồn chứa nước (ảnh minh họa)" },
};

// ───────────────────────────── receipts ─────────────────────────────

export interface ReceiptSpec {
  /** "HÓA ĐƠN BÁN LẺ" or "BIÊN BẢN BÀN GIAO". */
  heading: string;
  number: string;
  date: string;
  seller: string;
  buyer: string;
  lines: { title: string; quantity: number; unit: string; unitCost: number }[];
  note: string;
}

export const RECEIPT_W = 600;
export const RECEIPT_H = 680;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if ((line + " " + word).trim().length > max) {
      if (line) out.push(line);
      line = word;
    } else line = (line + " " + word).trim();
  }
  if (line) out.push(line);
  return out;
}

const plain = (n: number) => formatVnd(n).replace(/\u00a0₫$/, "");

export function receiptSvg(r: ReceiptSpec): string {
  const font = `font-family="DejaVu Sans, Noto Sans, Arial, sans-serif"`;
  const t = (x: number, y: number, size: number, text: string, extra = "") => `<text x="${x}" y="${y}" font-size="${size}" ${font} fill="#2b2b2b" ${extra}>${esc(text)}</text>`;
  const rule = (y: number, color = "#d8d2c4") => `<line x1="36" y1="${y}" x2="564" y2="${y}" stroke="${color}" stroke-width="1"/>`;
  const handover = r.heading.startsWith("BIÊN BẢN");
  const parts: string[] = [];
  parts.push(t(300, 62, 24, r.heading, `text-anchor="middle" font-weight="bold"`));
  parts.push(t(300, 88, 14, `Số: ${r.number} · Ngày ${r.date}`, `text-anchor="middle"`));
  wrap(`${handover ? "Bên bàn giao" : "Đơn vị bán"}: ${r.seller}`, 62)
    .slice(0, 2)
    .forEach((l, i) => parts.push(t(40, 122 + i * 18, 14, l)));
  parts.push(t(40, 164, 14, wrap(`Bên nhận: ${r.buyer}`, 64)[0]));
  parts.push(t(40, 184, 14, handover ? "Hình thức: hàng hiện vật" : "Hình thức thanh toán: chuyển khoản"));
  parts.push(t(40, 214, 12, handover ? "Hàng hóa" : "Hàng hóa, dịch vụ", `fill-opacity="0.7"`));
  parts.push(t(268, 214, 12, "SL", `fill-opacity="0.7"`));
  parts.push(t(450, 214, 12, "Đơn giá", `text-anchor="end" fill-opacity="0.7"`));
  parts.push(t(560, 214, 12, "Thành tiền", `text-anchor="end" fill-opacity="0.7"`));
  parts.push(rule(224, "#8a8170"));
  let y = 248;
  let total = 0;
  for (const line of r.lines) {
    const amount = line.quantity * line.unitCost;
    total += amount;
    const titleLines = wrap(line.title, 24).slice(0, 3);
    titleLines.forEach((tl, i) => parts.push(t(40, y + i * 19, 14, tl)));
    parts.push(t(268, y, 14, `${line.quantity} ${line.unit}`.slice(0, 11)));
    parts.push(t(450, y, 14, plain(line.unitCost), `text-anchor="end"`));
    parts.push(t(560, y, 14, plain(amount), `text-anchor="end"`));
    y += titleLines.length * 19 + 12;
    parts.push(rule(y - 6));
  }
  parts.push(t(40, y + 22, 17, "Tổng cộng:", `font-weight="bold"`));
  parts.push(t(560, y + 22, 17, `${plain(total)} đ`, `text-anchor="end" font-weight="bold"`));
  wrap(r.note, 62)
    .slice(0, 3)
    .forEach((l, i) => parts.push(t(40, y + 58 + i * 18, 13, l, `font-style="italic" fill-opacity="0.8"`)));
  const sy = RECEIPT_H - 130;
  parts.push(t(130, sy, 13, handover ? "Bên nhận" : "Người mua hàng", `text-anchor="middle"`));
  parts.push(t(450, sy, 13, handover ? "Bên bàn giao" : "Người bán hàng", `text-anchor="middle"`));
  parts.push(`<path d="M90 ${sy + 55} c 20 -30 30 10 50 -12 s 20 16 40 -6" stroke="#34495e" stroke-width="2" fill="none"/>`);
  parts.push(`<path d="M405 ${sy + 55} c 15 -25 35 14 45 -10 s 25 18 45 -8" stroke="#34495e" stroke-width="2" fill="none"/>`);
  parts.push(`<circle cx="470" cy="${sy + 45}" r="40" fill="none" stroke="#b5584a" stroke-width="3" opacity="0.5"/>`);
  parts.push(`<circle cx="470" cy="${sy + 45}" r="30" fill="none" stroke="#b5584a" stroke-width="1.5" opacity="0.5"/>`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${RECEIPT_W}" height="${RECEIPT_H}" viewBox="0 0 ${RECEIPT_W} ${RECEIPT_H}">` +
    `<rect width="${RECEIPT_W}" height="${RECEIPT_H}" fill="#f3efe6"/>` +
    `<rect x="16" y="16" width="${RECEIPT_W - 32}" height="${RECEIPT_H - 32}" fill="#fffdf7" stroke="#cfc6b3" stroke-width="2"/>` +
    parts.join("") +
    `</svg>`
  );
}

/** SVG → lossless PNG: what a camera or scanner would hand to sanitizeImage(). `scale` 0.75 draws at 75 %. */
export async function renderSvg(svg: string, scale = 1): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 * scale }).png({ compressionLevel: 1 }).toBuffer();
}
