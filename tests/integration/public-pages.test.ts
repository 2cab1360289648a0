import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execRows } from "../../db/client";
import { seedDemo } from "../../db/seed";
import { refreshStats } from "../../app/models/stats.server";
import { loader as homeLoader, meta as homeMeta } from "../../app/routes/_index";
import { loader as listLoader, meta as listMeta } from "../../app/routes/addresses._index";
import { loader as addressLoader } from "../../app/routes/addresses.$slug";
import { loader as mediaLoader } from "../../app/routes/media.$id";
import { publicPageHeaders } from "../../app/utils/cache";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// The public pages, through their loaders, on the demo world (db/seed.ts): what a donor's phone
// and a journalist get, and what they must never get.

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
});
afterAll(async () => t?.cleanup());

const BASE = "http://localhost:3000";
const args = (path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  ({ request: new Request(BASE + path, { headers }), params, context: { cspNonce: "test-nonce" } }) as Parameters<typeof listLoader>[0];

async function notFoundStatus(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  throw new Error("expected a thrown Response");
}

async function oneSlug(status: string): Promise<string> {
  const [row] = await execRows<{ slug: string }>(t.db, sql`select slug from addresses where status = ${status} order by id limit 1`);
  if (!row) throw new Error(`the demo world has no ${status} address`);
  return row.slug;
}

describe("the home page", () => {
  it("shows dashes, not an error, before the national figures are first computed", async () => {
    await t.db.execute(sql`delete from stats_rollups where scope = 'site'`);
    const data = await homeLoader(args("/"));
    expect(data.stats).toBeNull();
    expect(data.urgent.length).toBeGreaterThan(0);
  });

  it("shows what the platform has done, urgent addresses still in need and the two national programmes", async () => {
    await refreshStats(t.db);
    const data = await homeLoader(args("/"));
    expect(data.stats?.raised).toBeGreaterThan(0);
    expect(data.stats?.donors).toBeGreaterThan(0);
    expect(data.urgent.every((a) => a.status === "published")).toBe(true);
    expect(data.urgent.length).toBeLessThanOrEqual(6);
    expect(data.programmes.map((p) => p.title)).toEqual(["An toàn cho ngư dân nghèo, khó khăn", "Dinh dưỡng cho trẻ em nghèo, khuyết tật"]);
    expect(data.campaigns.every((c) => c.kind !== "programme")).toBe(true);
  });
});

describe("the address list", () => {
  it("shares like the other public pages: canonical link, og:url and og:locale, for home and for a filtered list", async () => {
    const tagsOf = (tags: unknown[]) => JSON.stringify(tags);
    const home = tagsOf(homeMeta({ data: await homeLoader(args("/")) } as Parameters<typeof homeMeta>[0]));
    expect(home).toContain('"rel":"canonical"');
    expect(home).toContain('"property":"og:locale","content":"vi_VN"');
    const list = await listLoader(args("/addresses?category=poor_fisherman&sort=bogus&lng=en"));
    const tags = tagsOf(listMeta({ data: list } as Parameters<typeof listMeta>[0]));
    expect(list.meta.url).toMatch(/\/addresses\?category=poor_fisherman$/);
    expect(tags).toContain('"property":"og:url"');
    expect(tags).toContain('"content":"en_GB"');
  });

  it("gives cards for the addresses in a former province (Kiên Giang is now part of An Giang)", async () => {
    const data = await listLoader(args("/addresses?province=kien-giang"));
    expect(data.items.length).toBeGreaterThan(0);
    expect(data.items.every((a) => a.province === "An Giang" && a.formerProvince === "Kiên Giang")).toBe(true);
    expect(data.applied.place).toMatchObject({ kind: "former", name: "Kiên Giang" });
    expect(data.notices).toEqual([]);
  });

  it("finds addresses by words typed without diacritics", async () => {
    const data = await listLoader(args("/addresses?q=ngu+dan+rach+gia"));
    expect(data.items.length).toBeGreaterThan(0);
    expect(data.applied.q).toBe("ngu dan rach gia");
    expect(data.applied.sort).toBe("relevance");
  });

  it("combines a category filter with a sort, and shows each card's category, place and progress", async () => {
    const data = await listLoader(args("/addresses?category=poor_fisherman&sort=least_funded"));
    expect(data.items.length).toBeGreaterThan(0);
    for (const card of data.items) {
      expect(card.category).toBe("poor_fisherman");
      expect(card.commune).not.toBe("");
      expect(card.percent).toBeGreaterThanOrEqual(0);
      expect(card.percent).toBeLessThanOrEqual(100);
    }
    expect(data.form.sort).toBe("least_funded");
  });

  it("ignores a filter value it does not know, with a polite notice instead of an error", async () => {
    const data = await listLoader(args("/addresses?category=bogus&province=atlantis&sort=random"));
    expect(data.items.length).toBeGreaterThan(0);
    expect(data.notices.map((n) => n.code).sort()).toEqual(["unknown_category", "unknown_province", "unknown_sort"]);
    expect(data.notices.find((n) => n.code === "unknown_category")?.value).toBe("bogus");
    // The bad values are not carried into the page links.
    expect(data.links.next ?? "").not.toContain("bogus");
  });

  it("pages forward and back with links that keep the filters", async () => {
    const first = await listLoader(args("/addresses?status=published,funded,completed,closed&limit=5"));
    expect(first.items).toHaveLength(5);
    expect(first.links.prev).toBeNull();
    expect(first.links.next).toMatch(/^\/addresses\?.*status=published%2Cfunded%2Ccompleted%2Cclosed.*cursor=/);
    const second = await listLoader(args(first.links.next!));
    expect(second.items).toHaveLength(5);
    expect(second.items.map((a) => a.slug)).not.toContain(first.items[0].slug);
    const back = await listLoader(args(second.links.prev!));
    expect(back.items.map((a) => a.slug)).toEqual(first.items.map((a) => a.slug));
  });

  it("offers a way out when nothing matches: chips to remove filters and a link to every address", async () => {
    const data = await listLoader(args("/addresses?q=khongcodiachinaonhuthe&category=student"));
    expect(data.items).toEqual([]);
    expect(data.links.all).toBe("/addresses");
    expect(data.links.remove.q).toBe("/addresses?category=student");
    expect(data.links.remove.category).toBe("/addresses?q=khongcodiachinaonhuthe");
  });

  it("gives every former province as a choice next to the 34 provinces", async () => {
    const data = await listLoader(args("/addresses"));
    expect(data.options.provinces).toHaveLength(34);
    const anGiang = data.options.provinces.find((p) => p.name === "An Giang");
    expect(anGiang?.former.map((f) => f.name)).toContain("Kiên Giang");
  });
});

describe("an address page", () => {
  it("is a 404 for an unknown slug", async () => {
    expect(await notFoundStatus(addressLoader(args("/addresses/khong-co-dia-chi-nay", { slug: "khong-co-dia-chi-nay" })))).toBe(404);
  });

  it("is a 404 for a draft, a submitted and a rejected address", async () => {
    for (const status of ["draft", "submitted", "rejected"]) {
      const slug = await oneSlug(status);
      expect(await notFoundStatus(addressLoader(args(`/addresses/${slug}`, { slug })))).toBe(404);
    }
  });

  it("shows a completed address with its story, needs, spending with receipts, updates and donors as they chose", async () => {
    const slug = await oneSlug("completed");
    const data = await addressLoader(args(`/addresses/${slug}`, { slug }));
    expect(data.address.slug).toBe(slug);
    expect(data.storyHtml).toMatch(/<p>/);
    expect(data.address.needs.length).toBeGreaterThan(0);
    expect(data.disbursements.length).toBeGreaterThan(0);
    expect(data.disbursements.some((d) => d.receipt?.url.startsWith("/media/"))).toBe(true);
    expect(data.updates.length).toBeGreaterThan(0);
    expect(data.donations.length).toBeGreaterThan(0);
    expect(data.meta.url).toBe(`http://localhost:3000/addresses/${slug}`);
    expect(data.meta.image).toMatch(/^http:\/\/localhost:3000\/media\/\d+$/);
  });

  it("never carries the beneficiary's name, phone or exact location, nor donors' emails or hidden names", async () => {
    const rows = await execRows<{ slug: string; beneficiary_name: string; phone: string | null; exact_location: string | null; staff_notes: string | null }>(
      t.db,
      sql`select a.slug, p.beneficiary_name, p.phone, p.exact_location, p.staff_notes
          from addresses a join address_private p on p.address_id = a.id
          where a.status in ('published', 'funded', 'completed') order by a.id limit 8`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const data = await addressLoader(args(`/addresses/${row.slug}`, { slug: row.slug }));
      const json = JSON.stringify(data);
      expect(json).not.toContain(row.beneficiary_name);
      if (row.phone) expect(json).not.toContain(row.phone);
      if (row.exact_location) expect(json).not.toContain(row.exact_location);
      if (row.staff_notes) expect(json).not.toContain(row.staff_notes);
      const pledgeRows = await execRows<{ donor_name: string; guest_email: string | null; name_display: string }>(
        t.db,
        sql`select p.donor_name, p.guest_email, p.name_display from pledges p join addresses a on a.id = p.address_id where a.slug = ${row.slug}`,
      );
      // The choice is per gift: a name shown in full on one gift may be initials on another.
      const shownInFull = new Set(pledgeRows.filter((p) => p.name_display === "full").map((p) => p.donor_name));
      for (const p of pledgeRows) {
        if (p.guest_email) expect(json).not.toContain(p.guest_email);
        if (!shownInFull.has(p.donor_name)) expect(json).not.toContain(p.donor_name);
      }
      expect(json).not.toMatch(/beneficiary|guest_?email|birth_?year|id_?number|consent/i);
    }
  });

  it("shows anonymous donors without any name", async () => {
    const [row] = await execRows<{ slug: string }>(
      t.db,
      sql`select a.slug from pledges p join addresses a on a.id = p.address_id
          where p.name_display = 'anonymous' and p.status = 'paid' and a.status in ('published', 'funded', 'completed', 'closed')
          order by p.id limit 1`,
    );
    const data = await addressLoader(args(`/addresses/${row.slug}`, { slug: row.slug }));
    expect(data.donations.some((d) => d.displayName === null)).toBe(true);
  });
});

describe("photos at /media/:id", () => {
  async function publicPhoto() {
    const [row] = await execRows<{ id: number; sha256: string; consent_id: number | null }>(
      t.db,
      sql`select m.id, m.sha256, m.consent_id from media m join addresses a on a.id = m.address_id
          where m.is_public and m.kind = 'photo' and m.consent_id is not null and a.status = 'published' order by m.id desc limit 1`,
    );
    return row;
  }

  it("are served as JPEG, cached for a year, and revalidated by their hash", async () => {
    const photo = await publicPhoto();
    const res = (await mediaLoader(args(`/media/${photo.id}`, { id: String(photo.id) }))) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("ETag")).toBe(`"${photo.sha256}"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);

    const again = (await mediaLoader(args(`/media/${photo.id}`, { id: String(photo.id) }, { "If-None-Match": `"${photo.sha256}"` }))) as Response;
    expect(again.status).toBe(304);
  });

  it("are a 404 when private, unknown, of a draft address, or not a number", async () => {
    const [priv] = await execRows<{ id: number }>(t.db, sql`select id from media where not is_public order by id limit 1`);
    const [draft] = await execRows<{ id: number }>(
      t.db,
      sql`select m.id from media m join addresses a on a.id = m.address_id where a.status in ('draft', 'submitted', 'rejected') order by m.id limit 1`,
    );
    for (const id of [String(priv.id), "99999999", "abc", "1.5", ...(draft ? [String(draft.id)] : [])]) {
      expect(await notFoundStatus(mediaLoader(args(`/media/${id}`, { id })))).toBe(404);
    }
  });

  it("disappear once the family withdraws its consent", async () => {
    const photo = await publicPhoto();
    await t.db.execute(sql`update consents set withdrawn_at = now() where id = ${photo.consent_id}`);
    expect(await notFoundStatus(mediaLoader(args(`/media/${photo.id}`, { id: String(photo.id) })))).toBe(404);
  });
});

describe("public page caching", () => {
  it("lets a CDN keep list and address pages for a minute, per language", () => {
    const headers = new Headers(publicPageHeaders({} as Parameters<typeof publicPageHeaders>[0]));
    expect(headers.get("Cache-Control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=300");
    expect(headers.get("Vary")).toBe("Cookie, Accept-Language");
  });
});
