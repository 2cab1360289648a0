import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_FILE } from "../../scripts/lib/build";
import { execRows } from "../../db/client";
import { seedDemo } from "../../db/seed";
import { localeCookie } from "../../app/i18n.server";
import { createTestDatabase, testEnv, type TestDatabase } from "../helpers/db";

// The privacy guarantee, checked end to end: the production build answers every public
// page and API request of the seeded demo site, and no answer carries a staff-only value.

/** Shorter values ("Lan", a birth year) would match ordinary text. */
const MIN_SECRET_LENGTH = 6;
const MAX_PAGES_PER_LIST = 50;


interface Secret {
  value: string;
  what: string;
}

interface Answer {
  url: string;
  lng: "vi" | "en";
  status: number;
  body: string;
}

let t: TestDatabase;
let handle: (request: Request) => Promise<Response>;
let secrets: Secret[] = [];
const answers: Answer[] = [];
let hidden: { slug: string; status: string }[] = [];
let publicSlugs: string[] = [];
/** The `lng` cookie exactly as /set-language writes it. */
let englishCookie = "";

async function get(url: string, lng: "vi" | "en" = "vi"): Promise<Answer> {
  const res = await handle(new Request(`http://localhost${url}`, { headers: lng === "en" ? { Cookie: englishCookie } : { "Accept-Language": "vi" } }));
  const answer = { url, lng, status: res.status, body: await res.text() };
  answers.push(answer);
  return answer;
}

/** Links in a page that carry a cursor (`href="/x?…cursor=…"`), decoded. */
function cursorLinks(html: string, pathname: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/href="([^"]*[?&](?:amp;)?cursor=[^"]*)"/g)) {
    const href = m[1].replace(/&amp;/g, "&").split("#")[0];
    if (new URL(href, "http://localhost").pathname === pathname) out.add(href);
  }
  return [...out];
}

/** Follows every cursor link from `first` (next and previous), breadth first, up to a bound. */
async function crawlList(first: string, lng: "vi" | "en" = "vi") {
  const pathname = new URL(first, "http://localhost").pathname;
  const seen = new Set<string>([first]);
  const queue = [first];
  while (queue.length > 0 && seen.size <= MAX_PAGES_PER_LIST) {
    const answer = await get(queue.shift()!, lng);
    for (const href of cursorLinks(answer.body, pathname)) {
      if (!seen.has(href)) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  return seen.size;
}

/** Every page of an API list, through next_cursor. */
async function crawlApi(query: Record<string, string>) {
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
    const answer = await get(`/api/v1/addresses?${params}`);
    expect(answer.status, answer.url).toBe(200);
    cursor = (JSON.parse(answer.body) as { next_cursor: string | null }).next_cursor;
    pages++;
  } while (cursor && pages < MAX_PAGES_PER_LIST);
  return pages;
}

/** Text as a reader or a parser would see it: HTML entities and JSON \u escapes decoded, lower-cased. */
function normalise(body: string): string {
  return body
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .normalize("NFC")
    .toLowerCase();
}

async function collectSecrets(): Promise<Secret[]> {
  const db = t.db;
  const found: Secret[] = [];
  const add = (value: unknown, what: string) => {
    if (typeof value !== "string") return;
    const v = value.trim();
    if (v.length >= MIN_SECRET_LENGTH) found.push({ value: v, what });
  };
  for (const p of await execRows<Record<string, string | null>>(
    db,
    sql`select p.beneficiary_name, p.exact_location, p.phone, p.id_number_hash, p.duplicate_key, p.staff_notes
        from address_private p`,
  )) {
    add(p.beneficiary_name, "address_private.beneficiary_name");
    add(p.exact_location, "address_private.exact_location");
    // The part below the commune alone ("Số 12 hẻm 34 …", "thôn Thanh Mỹ"): public pages name the
    // commune and province only (DESIGN §5), so not even a village or school may show.
    add(p.exact_location?.split(",")[0], "address_private.exact_location (below the commune)");
    add(p.phone, "address_private.phone");
    add(p.phone?.replace(/\D/g, ""), "address_private.phone (digits)");
    add(p.id_number_hash, "address_private.id_number_hash");
    add(p.duplicate_key, "address_private.duplicate_key");
    add(p.staff_notes, "address_private.staff_notes");
  }
  for (const c of await execRows<{ given_by_name: string; note: string | null }>(db, sql`select given_by_name, note from consents`)) {
    add(c.given_by_name, "consents.given_by_name");
    add(c.note, "consents.note");
  }
  for (const p of await execRows<{ guest_email: string }>(db, sql`select distinct guest_email from pledges where guest_email is not null`)) {
    add(p.guest_email, "pledges.guest_email");
  }
  // Donors are users without a chapter role; chapters (and their contact details) are public.
  for (const u of await execRows<{ email: string; phone: string | null }>(
    db,
    sql`select u.email, u.phone from users u where not exists (select 1 from memberships m where m.user_id = u.id)`,
  )) {
    add(u.email, "users.email (donor)");
    add(u.phone, "users.phone (donor)");
    add(u.phone?.replace(/\D/g, ""), "users.phone (donor, digits)");
  }
  for (const u of await execRows<{ password_hash: string | null }>(db, sql`select password_hash from users where password_hash is not null`)) {
    add(u.password_hash, "users.password_hash");
  }
  // Names of donors who asked to stay anonymous (and never gave under their name elsewhere).
  for (const p of await execRows<{ donor_name: string }>(
    db,
    sql`select distinct donor_name from pledges a where name_display = 'anonymous'
        and not exists (select 1 from pledges b where b.donor_name = a.donor_name and b.name_display <> 'anonymous')
        and not exists (select 1 from sponsorships s where s.donor_name = a.donor_name and s.name_display <> 'anonymous')`,
  )) {
    add(p.donor_name, "pledges.donor_name (anonymous)");
  }
  const unique = new Map<string, Secret>();
  for (const s of found) if (!unique.has(s.value.toLowerCase())) unique.set(s.value.toLowerCase(), s);
  return [...unique.values()];
}

beforeAll(async () => {
  englishCookie = (await localeCookie.serialize("en")).split(";")[0];
  t = await createTestDatabase();
  await seedDemo(t.db, { env: testEnv(), mediaDir: fs.mkdtempSync(path.join(os.tmpdir(), "trao-privacy-media-")) });
  const build = (await import(/* @vite-ignore */ pathToFileURL(BUILD_FILE).href)) as ServerBuild;
  const handler = createRequestHandler(build, "production");
  handle = (request) => handler(request, { cspNonce: "test-nonce" });
  secrets = await collectSecrets();

  const db = t.db;
  publicSlugs = (
    await execRows<{ slug: string }>(db, sql`select slug from addresses where status in ('published', 'funded', 'completed', 'closed') order by id`)
  ).map((r) => r.slug);
  hidden = await execRows<{ slug: string; status: string }>(db, sql`select slug, status::text as status from addresses where status in ('draft', 'submitted', 'rejected') order by id`);
  const chapterSlugs = (await execRows<{ slug: string }>(db, sql`select slug from chapters order by id`)).map((r) => r.slug);
  const campaignSlugs = (await execRows<{ slug: string }>(db, sql`select slug from campaigns where status <> 'draft' order by id`)).map((r) => r.slug);

  for (const lng of ["vi", "en"] as const) {
    await get("/", lng);
    await crawlList("/campaigns", lng);
    for (const slug of campaignSlugs) await get(`/campaigns/${slug}`, lng);
    for (const slug of chapterSlugs) await crawlList(`/chapters/${slug}`, lng);
  }
  for (const status of ["", "published", "funded", "completed", "closed", "published,funded,completed,closed"]) {
    await crawlList(status ? `/addresses?${new URLSearchParams({ status })}` : "/addresses");
    await crawlApi(status ? { status } : {});
  }
  for (const q of ["ngư dân", "Rạch Giá", "tre em", "Quảng Trị", "nhà"]) {
    await crawlList(`/addresses?${new URLSearchParams({ q, status: "published,funded,completed,closed" })}`);
    await crawlApi({ q, status: "published,funded,completed,closed" });
  }
  await crawlApi({ status: "published,funded,completed,closed", limit: "7" });
  for (const slug of publicSlugs) {
    await get(`/addresses/${slug}`);
    await get(`/api/v1/addresses/${slug}`);
  }
  // Loader data as the browser fetches it on client navigation (Remix single fetch).
  for (const slug of chapterSlugs.slice(0, 3)) await get(`/chapters/${slug}.data`);
  for (const slug of campaignSlugs) await get(`/campaigns/${slug}.data`);
  await get(`/addresses/${publicSlugs[0]}.data`);
}, 900_000);

afterAll(async () => t?.cleanup());

describe("the public site, seeded with the demo world", () => {
  it("has staff-only values to look for, and public pages to look in", () => {
    const kinds = new Set(secrets.map((s) => s.what));
    for (const kind of [
      "address_private.beneficiary_name",
      "address_private.exact_location",
      "address_private.phone",
      "address_private.id_number_hash",
      "address_private.duplicate_key",
      "consents.given_by_name",
      "pledges.guest_email",
      "users.email (donor)",
      "users.password_hash",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(secrets.length).toBeGreaterThan(100);
    expect(publicSlugs.length).toBeGreaterThan(20);
    expect(hidden.length).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(publicSlugs.length * 2);
  });

  it("would notice a staff-only value however a page encodes it", () => {
    const name = secrets.find((s) => s.what === "address_private.beneficiary_name")!.value;
    const asHtml = `<p>${name.replace(/&/g, "&amp;").replace(/'/g, "&#x27;")}</p>`;
    const asJson = JSON.stringify({ x: name }).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
    for (const body of [asHtml, asJson, name.toUpperCase(), name.normalize("NFD")]) expect(normalise(body)).toContain(name.normalize("NFC").toLowerCase());
  });

  it("serves every public page and API answer it was asked for", () => {
    const failed = answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.lng} ${a.url}`);
    expect(failed).toEqual([]);
  });

  it("never shows a beneficiary's name, place, phone or ID, a consent, a guest's email or a donor's account in any answer", () => {
    const leaks: string[] = [];
    for (const answer of answers) {
      const text = normalise(answer.body);
      for (const s of secrets) {
        if (text.includes(s.value.normalize("NFC").toLowerCase())) leaks.push(`${s.what} "${s.value}" in ${answer.lng} ${answer.url}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("answers 404 for a draft, submitted or rejected address, on its page and in the API", async () => {
    expect(new Set(hidden.map((h) => h.status))).toEqual(new Set(["draft", "submitted", "rejected"]));
    for (const { slug } of hidden) {
      const page = await get(`/addresses/${slug}`);
      expect(page.status, page.url).toBe(404);
      const api = await get(`/api/v1/addresses/${slug}`);
      expect(api.status, api.url).toBe(404);
    }
  });

  it("answers a localised 404 for an unknown chapter or campaign", async () => {
    for (const url of ["/chapters/khong-co-chi-hoi-nay", "/campaigns/khong-co-chien-dich-nay"]) {
      const vi = await get(url, "vi");
      expect(vi.status).toBe(404);
      expect(vi.body).toContain("Không tìm thấy trang");
      const en = await get(url, "en");
      expect(en.status).toBe(404);
      expect(en.body).toContain("Page not found");
    }
  });
});
