import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddressGrid } from "~/components/address-card";
import { BankAccountDetails } from "~/components/bank-account-details";
import { ChapterBreadcrumb, ChapterChildren, useChapterLevelLabel } from "~/components/chapter-tree";
import { Figure } from "~/components/figure";
import i18next, { getLocale } from "~/i18n.server";
import { formatVnd } from "~/ledger/money";
import { toCards } from "~/models/catalogue.server";
import { getChapter, listChapterAddresses } from "~/models/chapter.server";
import { publicPageHeaders } from "~/utils/cache";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDate, formatNumber } from "~/utils/format";
import { findProvince } from "~/utils/provinces";
import { clipText, loaderMeta } from "~/utils/public-page";

// /chapters/:slug — a Red Cross chapter: contact, account, place in the tree, subtree figures and
// addresses (keyset "more" pages via ?cursor=). Unknown slug → the root's localised 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const found = await getChapter(db, { slug: params.slug ?? "" });
  if (!found) throw new Response("Not Found", { status: 404 });
  const { path, id: _id, ...chapter } = found;
  const url = new URL(request.url);
  const cursor = url.searchParams.get("cursor");
  const addresses = await listChapterAddresses(db, { path, cursor });

  const [t, locale] = await Promise.all([i18next.getFixedT(request), getLocale(request)]);
  const province = chapter.province ? findProvince(chapter.province) : null;
  return {
    chapter,
    addresses: { ...addresses, items: toCards(addresses.items) },
    /** ISO time of the render, so "days left" reads the same on the server and in the browser. */
    now: new Date().toISOString(),
    /** Showing a later page: offer the way back to the first. */
    paged: Boolean(cursor) && !addresses.invalidCursor,
    catalogue:
      chapter.level === "central"
        ? { href: "/addresses", province: null }
        : province
          ? { href: `/addresses?${new URLSearchParams({ province: province.slug })}`, province: province.name }
          : null,
    meta: {
      title: t("chapter.meta.title", { name: chapter.name }),
      description: clipText(chapter.description || t("chapter.meta.description", { name: chapter.name })),
      url: `${getEnv().PUBLIC_URL}/chapters/${chapter.slug}`,
      locale,
    },
  };
}

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = loaderMeta;

export default function ChapterPage() {
  const { chapter, addresses, now, paged, catalogue } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const levelLabel = useChapterLevelLabel();
  const f = chapter.figures;
  const place =
    chapter.commune && chapter.province ? t("common.place", { commune: chapter.commune, province: chapter.province }) : (chapter.commune ?? chapter.province ?? "");
  const hasContact = Boolean(chapter.contact.email || chapter.contact.phone || chapter.contact.postalAddress);

  return (
    <div className="space-y-8" data-testid="chapter-page">
      <ChapterBreadcrumb ancestors={chapter.ancestors} current={chapter.name} />

      <header className="space-y-2">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700" data-testid="chapter-level">
          {levelLabel(chapter.level, chapter.unitKind)}
        </p>
        <h1 className="text-2xl font-bold leading-tight text-gray-900 sm:text-3xl">{chapter.name}</h1>
        {place ? (
          <p className="text-gray-700" data-testid="chapter-place">
            {place}
          </p>
        ) : null}
        {chapter.ancestors.length > 0 ? (
          <p className="text-sm text-gray-700">
            {t("chapter.parent")}{" "}
            <Link to={`/chapters/${chapter.ancestors[chapter.ancestors.length - 1].slug}`} className="text-brand-700 underline underline-offset-4" data-testid="chapter-parent">
              {chapter.ancestors[chapter.ancestors.length - 1].name}
            </Link>
          </p>
        ) : null}
        {chapter.description ? <p className="max-w-prose text-gray-800">{chapter.description}</p> : null}
      </header>

      <section aria-labelledby="chapter-figures-title" className="space-y-3" id="figures">
        <h2 id="chapter-figures-title" className="text-xl font-semibold">
          {t("chapter.figures.title")}
        </h2>
        <p className="text-sm text-gray-700">{t("chapter.figures.lead", { name: chapter.name })}</p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="chapter-figures">
          <Figure label={t("chapter.figures.raised")} value={formatVnd(f.raised)} testId="figure-raised" />
          <Figure label={t("chapter.figures.disbursed")} value={formatVnd(f.disbursed)} testId="figure-disbursed" />
          <Figure label={t("chapter.figures.gifts")} value={formatNumber(f.gifts, i18n.language)} testId="figure-gifts" />
          <Figure label={t("chapter.figures.donors")} value={formatNumber(f.donors, i18n.language)} testId="figure-donors" />
          <Figure label={t("chapter.figures.helped")} value={formatNumber(f.addressesHelped, i18n.language)} testId="figure-helped" />
          <Figure label={t("chapter.figures.listed")} value={formatNumber(f.addressesListed, i18n.language)} testId="figure-listed" />
        </dl>
        <p className="text-xs text-gray-600">
          {f.computedAt ? t("chapter.figures.asOf", { date: formatDate(f.computedAt, i18n.language) }) : t("chapter.figures.pending")}
        </p>
      </section>

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="chapter-contact-title" className="space-y-3" id="contact">
          <h2 id="chapter-contact-title" className="text-xl font-semibold">
            {t("chapter.contact.title")}
          </h2>
          {hasContact ? (
            <dl className="space-y-2" data-testid="chapter-contact">
              {chapter.contact.email ? (
                <div>
                  <dt className="text-sm text-gray-600">{t("chapter.contact.email")}</dt>
                  <dd>
                    <a href={`mailto:${chapter.contact.email}`} className="break-all text-brand-700 underline underline-offset-4">
                      {chapter.contact.email}
                    </a>
                  </dd>
                </div>
              ) : null}
              {chapter.contact.phone ? (
                <div>
                  <dt className="text-sm text-gray-600">{t("chapter.contact.phone")}</dt>
                  <dd>
                    <a href={`tel:${chapter.contact.phone.replace(/[^\d+]/g, "")}`} className="text-brand-700 underline underline-offset-4">
                      {chapter.contact.phone}
                    </a>
                  </dd>
                </div>
              ) : null}
              {chapter.contact.postalAddress ? (
                <div>
                  <dt className="text-sm text-gray-600">{t("chapter.contact.postal")}</dt>
                  <dd>{chapter.contact.postalAddress}</dd>
                </div>
              ) : null}
            </dl>
          ) : (
            <p className="text-gray-700">{t("chapter.contact.none")}</p>
          )}
        </section>

        <section aria-labelledby="chapter-account-title" className="space-y-3" id="account">
          <h2 id="chapter-account-title" className="text-xl font-semibold">
            {t("chapter.account.title")}
          </h2>
          {chapter.account ? (
            <>
              <BankAccountDetails account={chapter.account} />
              <p className="text-sm text-gray-700">{t("chapter.account.note")}</p>
            </>
          ) : (
            <p className="text-gray-700">{t("chapter.account.none")}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="chapter-children-title" className="space-y-3" id="children">
        <h2 id="chapter-children-title" className="text-xl font-semibold">
          {t("chapter.children.title")}
        </h2>
        {chapter.children.length > 0 ? <ChapterChildren items={chapter.children} /> : <p className="text-gray-700">{t("chapter.children.none")}</p>}
      </section>

      <section aria-labelledby="chapter-addresses-title" className="space-y-4" id="addresses">
        <h2 id="chapter-addresses-title" className="text-xl font-semibold">
          {t("chapter.addresses.title")}
        </h2>
        <p className="text-sm text-gray-700">{t("chapter.addresses.lead", { name: chapter.name })}</p>
        {addresses.invalidCursor ? (
          <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("chapter.addresses.invalidCursor")}
          </p>
        ) : null}
        {addresses.items.length > 0 ? (
          <AddressGrid items={addresses.items} now={now} data-testid="chapter-addresses" />
        ) : (
          <p className="text-gray-700">{t("chapter.addresses.none")}</p>
        )}
        <nav aria-label={t("chapter.addresses.title")} className="flex flex-wrap gap-x-6 gap-y-2">
          {paged ? (
            <Link to={`/chapters/${chapter.slug}#addresses`} className="inline-block py-2 text-brand-700 underline underline-offset-4" data-testid="chapter-addresses-first">
              {t("chapter.addresses.first")}
            </Link>
          ) : null}
          {addresses.nextCursor ? (
            <Link
              to={`/chapters/${chapter.slug}?${new URLSearchParams({ cursor: addresses.nextCursor })}#addresses`}
              rel="next"
              className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4"
              data-testid="chapter-addresses-more"
            >
              {t("chapter.addresses.more")}
            </Link>
          ) : null}
          {catalogue ? (
            <Link to={catalogue.href} className="inline-block py-2 text-brand-700 underline underline-offset-4" data-testid="chapter-addresses-catalogue">
              {catalogue.province ? t("chapter.addresses.seeProvince", { province: catalogue.province }) : t("chapter.addresses.seeAll")}
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
