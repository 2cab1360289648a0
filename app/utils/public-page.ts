import type { MetaDescriptor } from "@remix-run/node";

// Client-safe helpers for public pages' meta and Open Graph tags (caching: app/utils/cache.ts).

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url?: string;
  /** Absolute URL of an image to share. */
  image?: string | null;
  imageAlt?: string | null;
  locale: string;
  type?: "website" | "article";
}

/** <title>, description, Open Graph and Twitter card tags (Zalo and Facebook read Open Graph). */
export function pageMeta(m: PageMeta): MetaDescriptor[] {
  const tags: MetaDescriptor[] = [
    { title: m.title },
    { name: "description", content: m.description },
    { property: "og:site_name", content: "Trao" },
    { property: "og:type", content: m.type ?? "website" },
    { property: "og:title", content: m.title },
    { property: "og:description", content: m.description },
    { property: "og:locale", content: m.locale === "en" ? "en_GB" : "vi_VN" },
  ];
  if (m.url) tags.push({ property: "og:url", content: m.url }, { tagName: "link", rel: "canonical", href: m.url });
  tags.push(
    { name: "twitter:card", content: m.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: m.title },
    { name: "twitter:description", content: m.description },
  );
  if (m.image) {
    tags.push({ property: "og:image", content: m.image }, { name: "twitter:image", content: m.image });
    if (m.imageAlt) tags.push({ property: "og:image:alt", content: m.imageAlt }, { name: "twitter:image:alt", content: m.imageAlt });
  }
  return tags;
}

/** A route's `meta` export for a loader that returns `meta: PageMeta`: `export const meta = loaderMeta;`. */
export function loaderMeta({ data }: { data?: { meta: PageMeta } | null }): MetaDescriptor[] {
  return data ? pageMeta(data.meta) : [{ title: "Trao" }];
}

/** A description of at most `max` characters, cut at a word. */
export function clipText(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}
