import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CampaignSummary } from "~/models/campaign.server";
import { formatVnd } from "~/ledger/money";
import { formatDate } from "~/utils/format";
import { FundingProgress } from "./address-bits";

/** What a card shows: a campaign summary as the loaders serialise it (no id needed). */
export type CampaignCardData = Omit<CampaignSummary, "id">;

/** "01/01/2026 – 31/12/2026", "Từ 01/01/2025", or null without dates. */
export function useCampaignDates(startsOn: string | null, endsOn: string | null): string | null {
  const { t, i18n } = useTranslation();
  const start = startsOn ? formatDate(startsOn, i18n.language) : null;
  const end = endsOn ? formatDate(endsOn, i18n.language) : null;
  if (start && end) return t("campaigns.dates.range", { start, end });
  if (start) return t("campaigns.dates.from", { start });
  if (end) return t("campaigns.dates.until", { end });
  return null;
}

export function CampaignCard({ campaign }: { campaign: CampaignCardData }) {
  const { t } = useTranslation();
  const dates = useCampaignDates(campaign.startsOn, campaign.endsOn);
  return (
    <article className="flex h-full flex-col overflow-hidden rounded-lg border border-gray-200 bg-white shadow-sm" data-testid="campaign-card">
      {campaign.cover ? (
        <img src={campaign.cover.url} alt={campaign.cover.alt} width={640} height={360} loading="lazy" className="aspect-video w-full bg-gray-100 object-cover" />
      ) : null}
      <div className="flex flex-1 flex-col gap-2 p-4">
        <p className="flex flex-wrap gap-2 text-xs font-medium">
          <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-700" data-testid="campaign-kind">
            {t(`campaignKinds.${campaign.kind}`)}
          </span>
          {campaign.status === "ended" ? <span className="rounded bg-gray-100 px-2 py-0.5 text-gray-700">{t("campaign.status.ended")}</span> : null}
        </p>
        <h3 className="text-lg font-semibold leading-snug">
          <Link to={`/campaigns/${campaign.slug}`} className="text-gray-900 underline-offset-4 hover:underline">
            {campaign.title}
          </Link>
        </h3>
        {dates ? <p className="text-sm text-gray-600">{dates}</p> : null}
        {campaign.summary ? <p className="text-sm text-gray-800">{campaign.summary}</p> : null}
        <div className="mt-auto space-y-2 pt-2">
          {campaign.raised === null ? null : campaign.goal ? (
            <FundingProgress raised={campaign.raised} goal={campaign.goal} percent={campaign.percent} />
          ) : (
            <p className="text-sm font-semibold text-gray-900">{t("campaigns.card.raised", { amount: formatVnd(campaign.raised) })}</p>
          )}
          <p className="text-xs text-gray-600">{t("campaigns.card.organiser", { name: campaign.organiser.name })}</p>
        </div>
      </div>
    </article>
  );
}
