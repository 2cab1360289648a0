// Client-safe: Vietnam's 34 provincial-level units since 1 July 2025 and the former provinces
// each absorbed (Resolution 202/2025/QH15; see /work/shared/reference/provinces.md).
// `addresses.province` holds a `name` below; `addresses.former_province` holds one of its
// `former` names when the place was renamed by the merger (null when it kept its name).
import { slugify, foldText } from "./text";

export interface Province {
  /** Canonical name, as stored in addresses.province. */
  name: string;
  slug: string;
  /** Provinces merged into this one, not counting the one that kept its name. */
  former: string[];
  /** Other ways people write it (matched without diacritics or case). */
  aliases?: string[];
  kind: "city" | "province";
}

const p = (name: string, former: string[] = [], kind: Province["kind"] = "province", aliases: string[] = [], slug = slugify(name)): Province => ({
  name,
  slug,
  former,
  aliases,
  kind,
});

export const PROVINCES: readonly Province[] = [
  p("Hà Nội", [], "city"),
  p("Huế", [], "city", ["Thừa Thiên Huế", "Thừa Thiên - Huế"]),
  p("Hải Phòng", ["Hải Dương"], "city"),
  p("Đà Nẵng", ["Quảng Nam"], "city"),
  p("Thành phố Hồ Chí Minh", ["Bình Dương", "Bà Rịa – Vũng Tàu"], "city", ["Hồ Chí Minh", "TP Hồ Chí Minh", "TP.HCM", "TP HCM", "HCM", "Sài Gòn", "Thanh pho Ho Chi Minh"], "ho-chi-minh"),
  p("Cần Thơ", ["Sóc Trăng", "Hậu Giang"], "city"),
  p("Cao Bằng"),
  p("Điện Biên"),
  p("Lai Châu"),
  p("Lạng Sơn"),
  p("Quảng Ninh"),
  p("Sơn La"),
  p("Thanh Hóa", [], "province", ["Thanh Hoá"]),
  p("Nghệ An"),
  p("Hà Tĩnh"),
  p("Tuyên Quang", ["Hà Giang"]),
  p("Lào Cai", ["Yên Bái"]),
  p("Thái Nguyên", ["Bắc Kạn"]),
  p("Phú Thọ", ["Vĩnh Phúc", "Hòa Bình"]),
  p("Bắc Ninh", ["Bắc Giang"]),
  p("Hưng Yên", ["Thái Bình"]),
  p("Ninh Bình", ["Hà Nam", "Nam Định"]),
  p("Quảng Trị", ["Quảng Bình"]),
  p("Quảng Ngãi", ["Kon Tum"]),
  p("Gia Lai", ["Bình Định"]),
  p("Đắk Lắk", ["Phú Yên"], "province", ["Đắc Lắc", "Dak Lak"]),
  p("Khánh Hòa", ["Ninh Thuận"], "province", ["Khánh Hoà"]),
  p("Lâm Đồng", ["Đắk Nông", "Bình Thuận"]),
  p("Đồng Nai", ["Bình Phước"]),
  p("Tây Ninh", ["Long An"]),
  p("Đồng Tháp", ["Tiền Giang"]),
  p("Vĩnh Long", ["Bến Tre", "Trà Vinh"]),
  p("An Giang", ["Kiên Giang"]),
  p("Cà Mau", ["Bạc Liêu"]),
];

/** Every former province name, with the current province it is part of now. */
export const FORMER_PROVINCES: readonly { name: string; slug: string; province: Province }[] = PROVINCES.flatMap((province) =>
  province.former.map((name) => ({ name, slug: slugify(name), province })),
);

/** What a `province` filter value means: a current province, or the area of a former one. */
export type PlaceMatch = { kind: "province"; province: Province } | { kind: "former"; name: string; slug: string; province: Province };

const index = new Map<string, PlaceMatch>();
for (const province of PROVINCES) {
  const match: PlaceMatch = { kind: "province", province };
  for (const key of [province.name, province.slug, ...(province.aliases ?? [])]) index.set(placeKey(key), match);
}
for (const former of FORMER_PROVINCES) {
  const match: PlaceMatch = { kind: "former", ...former };
  for (const key of [former.name, former.slug]) index.set(placeKey(key), match);
}

/** "Kiên Giang", "kien-giang", "KIEN GIANG", "tỉnh Kiên Giang" → one key. */
function placeKey(value: string): string {
  return foldText(value.replace(/[-_.–—]+/g, " "))
    .replace(/^(tinh|thanh pho|tp) /, "")
    .replace(/[^a-z0-9 ]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Finds a province by slug or name, with or without diacritics; former names find their area. */
export function findPlace(value: string): PlaceMatch | null {
  const key = placeKey(value);
  if (!key) return null;
  return index.get(key) ?? null;
}

export function findProvince(value: string): Province | null {
  const match = findPlace(value);
  return match?.kind === "province" ? match.province : null;
}
