import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AddressCategory } from "../../db/enums";
import { CheckIcon, HeartHandsIcon, ProgressBar } from "~/components/address-bits";
import { AddressGrid } from "~/components/address-card";
import i18next, { getLocale } from "~/i18n.server";
import { getEnv } from "~/utils/env.server";
import { loaderMeta } from "~/utils/public-page";
import { formatVnd } from "~/ledger/money";
import { listAddresses, parseCatalogueQuery, toCards } from "~/models/catalogue.server";
import type { CampaignSummary } from "~/models/campaign.server";
import { listHomeCampaigns } from "~/models/home.server";
import { getRollup } from "~/models/stats.server";
import { publicPageHeaders } from "~/utils/cache";
import { getDb } from "~/utils/db.server";
import { formatDate, formatNumber } from "~/utils/format";

const URGENT_COUNT = 6;
const QUICK_CATEGORIES: AddressCategory[] = ["poor_fisherman", "malnourished_child", "elderly_alone", "disaster_victim"];

export const headers = publicPageHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const [stats, urgent, campaigns] = await Promise.all([
    getRollup(db, { scope: "site" }),
    // Still in need: funded addresses are not "urgent" any more.
    listAddresses(db, parseCatalogueQuery(new URLSearchParams({ sort: "urgent", status: "published" })), { limit: URGENT_COUNT }),
    listHomeCampaigns(db, { limit: 4 }),
  ]);
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale);
  return {
    stats,
    urgent: toCards(urgent.items),
    programmes: campaigns.programmes,
    campaigns: campaigns.active,
    now: new Date().toISOString(),
    meta: { title: t("home.metaTitle"), description: t("meta.description"), url: `${getEnv().PUBLIC_URL}/`, locale },
  };
}

export const meta: MetaFunction<typeof loader> = loaderMeta;

export default function Index() {
  const { stats, urgent, programmes, campaigns, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <div className="space-y-14">
      <section
        aria-labelledby="home-title"
        className="overflow-hidden rounded-3xl bg-gradient-to-br from-brand-50 via-white to-amber-50 px-5 py-10 ring-1 ring-inset ring-brand-100 sm:px-10 sm:py-14 lg:grid lg:grid-cols-[minmax(0,1fr)_17rem] lg:items-center lg:gap-10"
      >
        <div className="max-w-2xl space-y-5">
          <HeartHandsIcon className="h-12 w-12 text-brand-700" />
          <h1 id="home-title" className="text-3xl font-bold tracking-tight text-gray-900 sm:text-5xl">
            {t("home.title")}
          </h1>
          <p className="text-lg leading-relaxed text-gray-800">{t("home.lead")}</p>
          <Form method="get" action="/addresses" role="search" className="space-y-2">
            <label htmlFor="home-q" className="block text-base font-semibold text-gray-900">
              {t("home.searchLabel")}
            </label>
            <div className="flex flex-col gap-2 sm:flex-row">
              <input
                id="home-q"
                name="q"
                type="search"
                enterKeyHint="search"
                placeholder={t("home.searchPlaceholder")}
                className="min-h-12 w-full flex-1 rounded-xl border border-stone-300 bg-white px-4 py-3 text-base text-gray-900 placeholder:text-gray-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
              />
              <button
                type="submit"
                className="min-h-12 rounded-xl bg-brand-700 px-6 py-3 text-base font-semibold text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
              >
                {t("home.searchButton")}
              </button>
            </div>
          </Form>
          <nav aria-label={t("home.quickLinks")}>
            <ul className="flex flex-wrap gap-2">
              {QUICK_CATEGORIES.map((c) => (
                <li key={c}>
                  <Link
                    to={`/addresses?category=${c}`}
                    className="inline-flex min-h-9 items-center rounded-full border border-stone-300 bg-white px-3 py-1 text-sm font-medium text-gray-800 hover:border-brand-600 hover:text-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                  >
                    {t(`categories.${c}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="hidden rounded-2xl bg-white/80 p-6 shadow-sm ring-1 ring-inset ring-stone-200 lg:block">
          <h2 className="text-base font-semibold text-gray-900">{t("home.trustHeading")}</h2>
          <ul className="mt-4 space-y-4 text-sm text-gray-800">
            {(["trust1", "trust2", "trust3"] as const).map((key) => (
              <li key={key} className="flex gap-3">
                <span aria-hidden="true" className="flex h-6 w-6 flex-none items-center justify-center rounded-full bg-emerald-700 text-white">
                  <CheckIcon className="h-4 w-4" />
                </span>
                {t(`home.${key}`)}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="stats-heading" className="space-y-4">
        <h2 id="stats-heading" className="text-2xl font-bold text-gray-900">
          {t("home.statsHeading")}
        </h2>
        <dl className="grid divide-y divide-stone-200 overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm sm:grid-cols-3 sm:divide-x sm:divide-y-0">
          <Figure value={stats ? formatVnd(stats.raised) : "—"} label={t("home.statsRaised")} />
          <Figure value={stats ? formatNumber(stats.addressesHelped, locale) : "—"} label={t("home.statsHelped")} />
          <Figure value={stats ? formatNumber(stats.donors, locale) : "—"} label={t("home.statsDonors")} />
        </dl>
        <p className="text-sm text-gray-700">{stats ? t("home.statsUpdated", { date: formatDate(stats.computedAt, locale) }) : t("home.statsPending")}</p>
      </section>

      <section aria-labelledby="urgent-heading" className="space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="space-y-1">
            <h2 id="urgent-heading" className="text-2xl font-bold text-gray-900">
              {t("home.urgentHeading")}
            </h2>
            <p className="max-w-prose text-gray-700">{t("home.urgentLead")}</p>
          </div>
          <Link to="/addresses?status=published" className="font-semibold text-brand-700 underline underline-offset-4 hover:text-brand-900">
            {t("home.urgentAll")} <span aria-hidden="true">→</span>
          </Link>
        </div>
        {urgent.length === 0 ? (
          <p className="rounded-xl bg-stone-50 p-6 text-gray-700">{t("home.urgentEmpty")}</p>
        ) : (
          <AddressGrid items={urgent} now={now} />
        )}
      </section>

      {programmes.length > 0 && (
        <section aria-labelledby="programmes-heading" className="space-y-5">
          <div className="space-y-1">
            <h2 id="programmes-heading" className="text-2xl font-bold text-gray-900">
              {t("home.programmesHeading")}
            </h2>
            <p className="max-w-prose text-gray-700">{t("home.programmesLead")}</p>
          </div>
          <ul className="grid gap-5 md:grid-cols-2">
            {programmes.map((p) => (
              <li key={p.slug}>
                <ProgrammeCard programme={p} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="campaigns-heading" className="space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="campaigns-heading" className="text-2xl font-bold text-gray-900">
            {t("home.campaignsHeading")}
          </h2>
          <Link to="/campaigns" className="font-semibold text-brand-700 underline underline-offset-4 hover:text-brand-900">
            {t("home.campaignsAll")} <span aria-hidden="true">→</span>
          </Link>
        </div>
        {campaigns.length === 0 ? (
          <p className="rounded-xl bg-stone-50 p-6 text-gray-700">{t("home.campaignsEmpty")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {campaigns.map((c) => (
              <li key={c.slug}>
                <CampaignCard campaign={c} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="how-heading" className="space-y-5 rounded-3xl bg-stone-50 px-5 py-8 sm:px-8">
        <h2 id="how-heading" className="text-2xl font-bold text-gray-900">
          {t("home.howHeading")}
        </h2>
        <ol className="grid gap-6 md:grid-cols-3">
          {(
            [
              ["how1Title", "how1Body"],
              ["how2Title", "how2Body"],
              ["how3Title", "how3Body"],
            ] as const
          ).map(([title, body], i) => (
            <li key={title} className="space-y-2">
              <span aria-hidden="true" className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-700 text-base font-bold text-white">
                {i + 1}
              </span>
              <h3 className="text-lg font-semibold text-gray-900">{t(`home.${title}`)}</h3>
              <p className="text-gray-700">{t(`home.${body}`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex flex-col-reverse gap-0.5 px-5 py-4 sm:py-6">
      <dt className="text-gray-700">{label}</dt>
      <dd className="text-3xl font-bold tracking-tight text-brand-700">{value}</dd>
    </div>
  );
}

function ProgrammeCard({ programme }: { programme: CampaignSummary }) {
  const { t } = useTranslation();
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm">
      {programme.cover && (
        <img src={programme.cover.url} alt={programme.cover.alt} width={800} height={450} loading="lazy" className="aspect-[16/9] w-full object-cover" />
      )}
      <div className="flex flex-1 flex-col gap-3 p-5">
        <h3 className="text-xl font-semibold text-gray-900">{programme.title}</h3>
        <p className="text-gray-700">{programme.summary}</p>
        {programme.goal !== null && programme.raised !== null && (
          <div className="space-y-1.5">
            <p className="text-sm text-gray-800">
              <span className="font-semibold">{formatVnd(programme.raised)}</span> {t("common.raisedOfGoal", { goal: formatVnd(programme.goal) })}
            </p>
            <ProgressBar value={programme.raised} max={programme.goal} label={t("common.progressLabel", { percent: programme.percent })} />
          </div>
        )}
        <div className="mt-auto flex flex-col gap-3 pt-2 sm:flex-row sm:flex-wrap">
          <Link
            to={`/addresses?programme=${encodeURIComponent(programme.slug)}`}
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            {t("home.programmeAddresses")}
            <span className="sr-only">: {programme.title}</span>
          </Link>
          <Link
            to={`/campaigns/${encodeURIComponent(programme.slug)}`}
            className="inline-flex min-h-11 items-center justify-center rounded-lg border border-stone-300 px-4 py-2 text-sm font-semibold text-gray-900 hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            {t("home.programmeAbout")}
            <span className="sr-only">: {programme.title}</span>
          </Link>
        </div>
      </div>
    </article>
  );
}

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="relative flex h-full gap-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm focus-within:ring-2 focus-within:ring-brand-600">
      {campaign.cover && (
        <img src={campaign.cover.url} alt="" width={96} height={96} loading="lazy" className="h-20 w-20 flex-none rounded-xl object-cover sm:h-24 sm:w-24" />
      )}
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t(`campaignKinds.${campaign.kind}`)}</p>
        <h3 className="font-semibold leading-snug text-gray-900">
          <Link to={`/campaigns/${encodeURIComponent(campaign.slug)}`} className="after:absolute after:inset-0 after:content-[''] hover:underline focus:outline-none">
            {campaign.title}
          </Link>
        </h3>
        <p className="text-sm text-gray-700">{campaign.endsOn ? t("home.campaignUntil", { date: formatDate(campaign.endsOn, i18n.language) }) : t("home.campaignOngoing")}</p>
        {campaign.goal !== null && campaign.raised !== null && (
          <>
            <p className="text-sm text-gray-800">
              <span className="font-semibold">{formatVnd(campaign.raised)}</span> {t("common.raisedOfGoal", { goal: formatVnd(campaign.goal) })}
            </p>
            <ProgressBar value={campaign.raised} max={campaign.goal} label={t("common.progressLabel", { percent: campaign.percent })} />
          </>
        )}
      </div>
    </article>
  );
}
