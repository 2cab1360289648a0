import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LISTED_ADDRESS_STATUSES } from "../../db/enums";
import { AddressGrid } from "~/components/address-card";
import i18next, { getLocale } from "~/i18n.server";
import { getEnv } from "~/utils/env.server";
import { loaderMeta } from "~/utils/public-page";
import { CATALOGUE_PAGE_SIZE, listAddresses, listFilterOptions, parseCatalogueQuery, toCards, type AddressListPage, type CatalogueSort } from "~/models/catalogue.server";
import { useFastT } from "~/utils/fast-t";
import { publicPageHeaders } from "~/utils/cache";
import { getDb } from "~/utils/db.server";

// /addresses: the public catalogue. Every bit of state is in the query string (shareable, and it
// works without JavaScript: a GET form, plain links for chips and pages). Bad values never fail
// the page: they are dropped with a polite notice.

export const headers = publicPageHeaders;

/** The query string that reproduces what was applied (bad values dropped), without a cursor. */
function canonicalParams(applied: AddressListPage["applied"], limit: number | null): URLSearchParams {
  const p = new URLSearchParams();
  if (applied.q) p.set("q", applied.q);
  if (applied.category) p.set("category", applied.category);
  if (applied.place) p.set("province", applied.place.slug);
  if (applied.programme) p.set("programme", applied.programme.slug);
  if (applied.campaign) p.set("campaign", applied.campaign.slug);
  if (!isDefaultStatuses(applied.statuses)) p.set("status", applied.statuses.join(","));
  if (applied.sort !== defaultSort(applied.q)) p.set("sort", applied.sort);
  if (limit !== null) p.set("limit", String(limit));
  return p;
}

const defaultSort = (q: string | null): CatalogueSort => (q ? "relevance" : "urgent");
const isDefaultStatuses = (statuses: readonly string[]) =>
  statuses.length === LISTED_ADDRESS_STATUSES.length && LISTED_ADDRESS_STATUSES.every((s) => statuses.includes(s));

const href = (params: URLSearchParams) => {
  const s = params.toString();
  return s ? `/addresses?${s}` : "/addresses";
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = parseCatalogueQuery(url.searchParams);
  const db = await getDb();
  const [page, options] = await Promise.all([listAddresses(db, query, { limit: query.limit ?? CATALOGUE_PAGE_SIZE }), listFilterOptions(db)]);
  const { applied } = page;
  const canonical = canonicalParams(applied, query.limit);
  const without = (...keys: string[]) => {
    const p = new URLSearchParams(canonical);
    for (const k of keys) p.delete(k);
    // Without search words, "relevance" means nothing.
    if (keys.includes("q") && p.get("sort") === "relevance") p.delete("sort");
    return href(p);
  };
  const withCursor = (cursor: string | null) => {
    if (!cursor) return null;
    const p = new URLSearchParams(canonical);
    p.set("cursor", cursor);
    return href(p);
  };
  const rawSort = url.searchParams.get("sort")?.trim().toLowerCase() ?? "";

  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale);
  return {
    items: toCards(page.items),
    notices: page.notices.map((n) => ({ code: n.code, param: n.param, value: n.value })),
    applied,
    options: {
      provinces: options.provinces,
      programmes: options.programmes,
      campaigns: options.campaigns,
      categories: options.categories,
      statuses: options.statuses.map((s) => s.value),
      sorts: options.sorts,
    },
    /** Remounts the form when the filters change by a link (its fields are uncontrolled). */
    formKey: `${canonical}|${url.searchParams.get("q") ?? ""}`,
    form: {
      q: (url.searchParams.get("q") ?? "").trim().slice(0, 200),
      sort: rawSort === applied.sort && applied.sort !== defaultSort(applied.q) ? applied.sort : "",
      status: isDefaultStatuses(applied.statuses) ? "" : applied.statuses.length === 1 ? applied.statuses[0] : "",
    },
    links: {
      prev: withCursor(page.prevCursor),
      next: withCursor(page.nextCursor),
      all: "/addresses",
      remove: {
        q: without("q"),
        category: without("category"),
        province: without("province"),
        programme: without("programme"),
        campaign: without("campaign"),
        status: without("status"),
        all: without("q", "category", "province", "programme", "campaign", "status", "sort"),
      },
    },
    now: new Date().toISOString(),
    meta: {
      title: applied.q ? t("catalogue.metaTitleSearch", { q: applied.q }) : t("catalogue.metaTitle"),
      description: t("catalogue.metaDescription"),
      // The canonical list for these filters (no cursor, bad values dropped).
      url: `${getEnv().PUBLIC_URL}${href(canonical)}`,
      locale,
    },
  };
}

export const meta: MetaFunction<typeof loader> = loaderMeta;

export default function AddressesIndex() {
  const data = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { applied, items, notices, links } = data;

  const chips: { key: string; label: string; href: string }[] = [];
  if (applied.q) chips.push({ key: "q", label: t("catalogue.chipQuery", { value: applied.q }), href: links.remove.q });
  if (applied.category) chips.push({ key: "category", label: t(`categories.${applied.category}`), href: links.remove.category });
  if (applied.place)
    chips.push({
      key: "province",
      label: applied.place.kind === "former" ? t("catalogue.chipFormer", { name: applied.place.name }) : applied.place.name,
      href: links.remove.province,
    });
  if (applied.programme) chips.push({ key: "programme", label: applied.programme.title, href: links.remove.programme });
  if (applied.campaign) chips.push({ key: "campaign", label: applied.campaign.title, href: links.remove.campaign });
  if (!isDefaultStatuses(applied.statuses))
    chips.push({ key: "status", label: applied.statuses.map((s) => t(`statuses.${s}`)).join(", "), href: links.remove.status });

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-gray-900">{t("catalogue.title")}</h1>
        <p className="max-w-prose text-gray-700">{t("catalogue.lead")}</p>
      </header>

      <FilterForm key={data.formKey} data={data} activeCount={chips.filter((c) => c.key !== "q").length} />

      {notices.length > 0 && (
        <section aria-labelledby="notices-heading" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950" data-catalogue-notices="">
          <h2 id="notices-heading" className="font-semibold">
            {t("catalogue.noticesHeading")}
          </h2>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {notices.map((n, i) => (
              <li key={`${n.code}-${i}`}>
                {i18n.exists(`catalogue.notice.${n.code}`)
                  ? t(`catalogue.notice.${n.code as "unknown_category"}`, { value: n.value })
                  : t("catalogue.notice.generic", { value: n.value })}
              </li>
            ))}
          </ul>
        </section>
      )}

      {chips.length > 0 && (
        <section aria-labelledby="applied-heading" className="flex flex-wrap items-center gap-2">
          <h2 id="applied-heading" className="text-sm font-semibold text-gray-800">
            {t("catalogue.appliedHeading")}:
          </h2>
          <ul className="flex flex-wrap gap-2">
            {chips.map((chip) => (
              <li key={chip.key}>
                <Link
                  to={chip.href}
                  aria-label={t("catalogue.removeFilter", { label: chip.label })}
                  className="inline-flex min-h-9 items-center gap-1.5 rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-900 ring-1 ring-inset ring-brand-100 hover:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                >
                  {chip.label}
                  <span aria-hidden="true" className="text-base leading-none">
                    ×
                  </span>
                </Link>
              </li>
            ))}
            {chips.length > 1 && (
              <li>
                <Link to={links.remove.all} className="inline-flex min-h-9 items-center px-2 text-sm font-semibold text-brand-700 underline underline-offset-4">
                  {t("catalogue.clearAll")}
                </Link>
              </li>
            )}
          </ul>
        </section>
      )}

      <section aria-labelledby="results-heading" className="space-y-5">
        <h2 id="results-heading" className="text-xl font-semibold text-gray-900">
          {applied.q ? t("catalogue.resultsFor", { q: applied.q }) : t("catalogue.resultsHeading")}
        </h2>
        {items.length === 0 ? (
          <EmptyState hasFilters={chips.length > 0} allHref={links.all} />
        ) : (
          <AddressGrid items={items} now={data.now} data-address-list="" />
        )}
        {(links.prev || links.next) && (
          <nav aria-label={t("catalogue.pagination")} className="flex items-center justify-between gap-3 border-t border-stone-200 pt-5">
            {links.prev ? (
              <PageLink to={links.prev} rel="prev">
                <span aria-hidden="true">←</span> {t("catalogue.prev")}
              </PageLink>
            ) : (
              <span />
            )}
            {links.next ? (
              <PageLink to={links.next} rel="next">
                {t("catalogue.next")} <span aria-hidden="true">→</span>
              </PageLink>
            ) : (
              <span />
            )}
          </nav>
        )}
      </section>
    </div>
  );
}

function PageLink({ to, rel, children }: { to: string; rel: "prev" | "next"; children: ReactNode }) {
  return (
    <Link
      to={to}
      rel={rel}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 bg-white px-4 py-2 font-semibold text-gray-900 hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
    >
      {children}
    </Link>
  );
}

function EmptyState({ hasFilters, allHref }: { hasFilters: boolean; allHref: string }) {
  const { t } = useTranslation();
  return (
    <div className="rounded-2xl border border-dashed border-stone-300 bg-stone-50 px-6 py-10 text-center" data-empty-state="">
      <p className="text-lg font-semibold text-gray-900">{hasFilters ? t("catalogue.emptyTitle") : t("catalogue.emptyNoFilters")}</p>
      {hasFilters && (
        <>
          <p className="mx-auto mt-2 max-w-prose text-gray-700">{t("catalogue.emptyBody")}</p>
          <p className="mt-5">
            <Link
              to={allHref}
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
            >
              {t("catalogue.emptyAll")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

const SELECT =
  "mt-1 block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-gray-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600";

function FilterForm({ data, activeCount }: { data: LoaderData; activeCount: number }) {
  const t = useFastT(); // about a hundred options
  const navigate = useNavigate();
  const { applied, options, form } = data;

  // With JavaScript: the same GET, minus empty fields, so that shared URLs stay short.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
    }
    if (!params.get("q") && params.get("sort") === "relevance") params.delete("sort");
    navigate(href(params));
  }

  const sortDefault = defaultSort(applied.q);
  const sortChoices = (applied.q ? (["urgent", ...options.sorts.filter((s) => s !== "urgent")] as CatalogueSort[]) : options.sorts.filter((s) => s !== "urgent"));
  return (
    <form method="get" action="/addresses" onSubmit={onSubmit} aria-label={t("catalogue.formLabel")} className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm" data-catalogue-filters="">
      <div>
        <label htmlFor="catalogue-q" className="block text-sm font-semibold text-gray-900">
          {t("catalogue.searchLabel")}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="catalogue-q"
            name="q"
            type="search"
            enterKeyHint="search"
            defaultValue={form.q}
            placeholder={t("catalogue.searchPlaceholder")}
            className="min-h-11 w-full min-w-0 flex-1 rounded-lg border border-stone-300 px-3 py-2 text-base text-gray-900 placeholder:text-gray-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
          />
          <button
            type="submit"
            className="min-h-11 flex-none rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            {t("catalogue.searchButton")}
          </button>
        </div>
      </div>
      <details className="group">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-1 font-semibold text-gray-900 hover:text-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 [&::-webkit-details-marker]:hidden">
          <span>
            {t("catalogue.filtersSummary")}
            {activeCount > 0 && <span className="ml-2 text-sm font-normal text-gray-700">· {t("catalogue.filtersActive", { count: activeCount })}</span>}
          </span>
          <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" className="h-5 w-5 transition group-open:rotate-180">
            <path d="m5 8 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="catalogue-category" className="text-sm font-medium text-gray-800">
              {t("catalogue.category")}
            </label>
            <select id="catalogue-category" name="category" defaultValue={applied.category ?? ""} className={SELECT}>
              <option value="">{t("catalogue.allCategories")}</option>
              {options.categories.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="catalogue-province" className="text-sm font-medium text-gray-800">
              {t("catalogue.province")}
            </label>
            <select id="catalogue-province" name="province" defaultValue={applied.place?.slug ?? ""} className={SELECT}>
              <option value="">{t("catalogue.allProvinces")}</option>
              {options.provinces.map((p) => [
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>,
                ...p.former.map((f) => (
                  <option key={f.slug} value={f.slug}>
                    {t("catalogue.formerOption", { name: f.name, province: p.name })}
                  </option>
                )),
              ])}
            </select>
          </div>
          {options.programmes.length > 0 && (
            <div>
              <label htmlFor="catalogue-programme" className="text-sm font-medium text-gray-800">
                {t("catalogue.programme")}
              </label>
              <select id="catalogue-programme" name="programme" defaultValue={applied.programme?.slug ?? ""} className={SELECT}>
                <option value="">{t("catalogue.allProgrammes")}</option>
                {options.programmes.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {p.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          {options.campaigns.length > 0 && (
            <div>
              <label htmlFor="catalogue-campaign" className="text-sm font-medium text-gray-800">
                {t("catalogue.campaign")}
              </label>
              <select id="catalogue-campaign" name="campaign" defaultValue={applied.campaign?.slug ?? ""} className={SELECT}>
                <option value="">{t("catalogue.allCampaigns")}</option>
                {options.campaigns.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="catalogue-status" className="text-sm font-medium text-gray-800">
              {t("catalogue.status")}
            </label>
            <select id="catalogue-status" name="status" defaultValue={form.status} className={SELECT}>
              <option value="">{t("catalogue.statusDefault")}</option>
              {options.statuses.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="catalogue-sort" className="text-sm font-medium text-gray-800">
              {t("catalogue.sort")}
            </label>
            <select id="catalogue-sort" name="sort" defaultValue={form.sort} className={SELECT}>
              <option value="">{t(`sorts.${sortDefault}`)}</option>
              {sortChoices.map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className="min-h-11 rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            {t("catalogue.apply")}
          </button>
          {activeCount > 0 && (
            <Link to={data.links.remove.all} className="text-sm font-semibold text-brand-700 underline underline-offset-4">
              {t("catalogue.clearAll")}
            </Link>
          )}
        </div>
      </details>
    </form>
  );
}
