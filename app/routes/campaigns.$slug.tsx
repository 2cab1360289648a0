import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FundingProgress } from "~/components/address-bits";
import { AddressGrid } from "~/components/address-card";
import { BankAccountDetails } from "~/components/bank-account-details";
import { useCampaignDates } from "~/components/campaign-card";
import { RichText } from "~/components/rich-text";
import { Figure } from "~/components/figure";
import i18next, { getLocale } from "~/i18n.server";
import { formatVnd } from "~/ledger/money";
import { getCampaign, listCampaignAddresses } from "~/models/campaign.server";
import { toCards } from "~/models/catalogue.server";
import { publicPageHeaders } from "~/utils/cache";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { formatDate, formatNumber } from "~/utils/format";
import { renderMarkdown } from "~/utils/markdown.server";
import { clipText, loaderMeta } from "~/utils/public-page";

// /campaigns/:slug — a programme, Tháng Nhân đạo, Tết Nhân ái, appeal or anniversary: what it is, who
// runs it, progress towards its goal, its own account if any, and its first addresses with a link
// to the full filtered catalogue. Unknown slug or draft → the root's localised 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const found = await getCampaign(db, { slug: params.slug ?? "" });
  if (!found) throw new Response("Not Found", { status: 404 });
  const { description, id: _id, ...campaign } = found;
  const addresses = await listCampaignAddresses(db, { campaign });

  const [t, locale] = await Promise.all([i18next.getFixedT(request), getLocale(request)]);
  const base = getEnv().PUBLIC_URL;
  return {
    campaign,
    descriptionHtml: renderMarkdown(description),
    addresses: { ...addresses, items: toCards(addresses.items) },
    /** ISO time of the render, so "days left" reads the same on the server and in the browser. */
    now: new Date().toISOString(),
    meta: {
      title: t("campaign.meta.title", { title: campaign.title }),
      description: clipText(campaign.summary || campaign.title),
      url: `${base}/campaigns/${campaign.slug}`,
      image: campaign.cover ? `${base}${campaign.cover.url}` : null,
      imageAlt: campaign.cover?.alt || null,
      locale,
      type: "article" as const,
    },
  };
}

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = loaderMeta;

export default function CampaignPage() {
  const { campaign, descriptionHtml, addresses, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const dates = useCampaignDates(campaign.startsOn, campaign.endsOn);
  const f = campaign.figures;

  return (
    <article className="space-y-8" data-testid="campaign-page">
      <p className="text-sm">
        <Link to="/campaigns" className="text-brand-700 underline underline-offset-4">
          {t("campaign.all")}
        </Link>
      </p>

      <header className="space-y-3">
        <p className="flex flex-wrap gap-2 text-sm font-medium">
          <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-700" data-testid="campaign-kind">
            {t(`campaignKinds.${campaign.kind}`)}
          </span>
          <span
            className={`rounded px-2 py-0.5 ${campaign.status === "active" ? "bg-green-50 text-green-800" : "bg-gray-100 text-gray-700"}`}
            data-testid="campaign-status"
          >
            {t(`campaign.status.${campaign.status}`)}
          </span>
        </p>
        <h1 className="text-2xl font-bold leading-tight text-gray-900 sm:text-3xl">{campaign.title}</h1>
        {campaign.summary ? <p className="max-w-prose text-lg text-gray-800">{campaign.summary}</p> : null}
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {dates ? (
            <>
              <dt className="text-gray-600">{t("campaign.dates")}</dt>
              <dd data-testid="campaign-dates">{dates}</dd>
            </>
          ) : null}
          <dt className="text-gray-600">{t("campaign.organiser")}</dt>
          <dd>
            <Link to={`/chapters/${campaign.organiser.slug}`} className="text-brand-700 underline underline-offset-4" data-testid="campaign-organiser">
              {campaign.organiser.name}
            </Link>
          </dd>
        </dl>
      </header>

      {campaign.cover ? (
        <img
          src={campaign.cover.url}
          alt={campaign.cover.alt}
          width={1280}
          height={720}
          className="aspect-video w-full rounded-lg bg-gray-100 object-cover"
        />
      ) : null}

      <section aria-labelledby="campaign-progress-title" className="space-y-3" id="progress">
        <h2 id="campaign-progress-title" className="text-xl font-semibold">
          {t("campaign.progress.title")}
        </h2>
        <div className="space-y-2 rounded-lg border border-gray-200 p-4" data-testid="campaign-progress">
          {campaign.goal ? (
            <FundingProgress raised={f.raised} goal={campaign.goal} percent={campaign.percent} size="lg" />
          ) : (
            <>
              <p className="text-2xl font-bold text-gray-900">{formatVnd(f.raised)}</p>
              <p className="text-sm text-gray-700">{t("campaign.progress.noGoal")}</p>
            </>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Figure label={t("campaign.progress.disbursed")} value={formatVnd(f.disbursed)} />
          <Figure label={t("campaign.progress.gifts")} value={formatNumber(f.gifts, i18n.language)} />
          <Figure label={t("campaign.progress.donors")} value={formatNumber(f.donors, i18n.language)} />
          <Figure label={t("campaign.progress.addresses")} value={formatNumber(f.addressesListed, i18n.language)} />
        </dl>
        {f.computedAt ? <p className="text-xs text-gray-600">{t("campaign.progress.asOf", { date: formatDate(f.computedAt, i18n.language) })}</p> : null}
      </section>

      {descriptionHtml ? (
        <section aria-labelledby="campaign-about-title" className="space-y-3" id="about">
          <h2 id="campaign-about-title" className="text-xl font-semibold">
            {t("campaign.about")}
          </h2>
          <div data-testid="campaign-description">
            <RichText html={descriptionHtml} />
          </div>
        </section>
      ) : null}

      {campaign.account ? (
        <section aria-labelledby="campaign-account-title" className="space-y-3" id="account">
          <h2 id="campaign-account-title" className="text-xl font-semibold">
            {t("campaign.account.title")}
          </h2>
          <BankAccountDetails account={campaign.account} />
          <p className="text-sm text-gray-700">{t("campaign.account.lead")}</p>
        </section>
      ) : null}

      <section aria-labelledby="campaign-addresses-title" className="space-y-4" id="addresses">
        <h2 id="campaign-addresses-title" className="text-xl font-semibold">
          {t("campaign.addresses.title")}
        </h2>
        {addresses.items.length > 0 ? (
          <AddressGrid items={addresses.items} now={now} data-testid="campaign-addresses" />
        ) : (
          <p className="text-gray-700">{t("campaign.addresses.none")}</p>
        )}
        <p>
          <Link to={addresses.catalogueHref} className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4" data-testid="campaign-addresses-all">
            {t("campaign.addresses.seeAll")}
          </Link>
        </p>
      </section>
    </article>
  );
}
