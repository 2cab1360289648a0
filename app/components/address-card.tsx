import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AddressCategory } from "../../db/enums";
import { FundingProgress, PinIcon, PlaceText, TimeLeft, UrgencyBadge, VerifiedBadge } from "./address-bits";

/** What a card shows: the public fields of an address (AddressCard from the catalogue fits). */
export interface AddressCardData {
  slug: string;
  title: string;
  publicAlias: string;
  category: AddressCategory;
  province: string;
  formerProvince: string | null;
  commune: string;
  verified: boolean;
  cover: { id: number; url: string } | null;
  raised: number;
  goal: number;
  percent: number;
  deadline: string | null;
  urgency: number;
  status: string;
}

/**
 * One address in a list. The title link covers the whole card (a large touch target on phones);
 * `headingLevel` keeps the page's heading order.
 */
export function AddressCard({
  address,
  now,
  coverAlt,
  headingLevel = 3,
}: {
  address: AddressCardData;
  /** ISO time the server rendered at, so "days left" is the same on the server and the client. */
  now: string;
  coverAlt?: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const open = address.status === "published";
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:shadow-md focus-within:ring-2 focus-within:ring-brand-600 focus-within:ring-offset-2">
      <div className="relative aspect-[16/9] bg-stone-100 sm:aspect-[4/3]">
        {address.cover ? (
          <img
            src={address.cover.url}
            alt={coverAlt || t("catalogue.coverAlt", { title: address.title })}
            width={640}
            height={480}
            loading="lazy"
            decoding="async"
            className="h-full w-full object-cover"
          />
        ) : (
          <div className="flex h-full w-full items-center justify-center text-sm text-stone-600">{t("common.noPhoto")}</div>
        )}
        <div className="absolute left-3 top-3 flex flex-wrap gap-1.5">
          <UrgencyBadge urgency={address.urgency} />
          {address.status !== "published" && (
            <span className="inline-flex items-center rounded-full bg-white/95 px-2.5 py-0.5 text-xs font-semibold text-gray-900 ring-1 ring-inset ring-stone-300">
              {t(`statuses.${address.status as "published"}`)}
            </span>
          )}
        </div>
      </div>
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="space-y-1">
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t(`categories.${address.category}`)}</p>
          <Heading className="text-lg font-semibold leading-snug text-gray-900">
            <Link
              to={`/addresses/${address.slug}`}
              prefetch="intent"
              className="rounded-sm after:absolute after:inset-0 after:content-[''] hover:underline focus:outline-none focus-visible:underline"
            >
              {address.title}
            </Link>
          </Heading>
          <p className="text-sm text-gray-800">{address.publicAlias}</p>
          <p className="flex items-start gap-1 text-sm text-gray-700">
            <PinIcon className="mt-0.5 h-4 w-4 flex-none" />
            <span>
              <PlaceText commune={address.commune} province={address.province} formerProvince={address.formerProvince} />
            </span>
          </p>
        </div>
        <div className="mt-auto space-y-3">
          <FundingProgress raised={address.raised} goal={address.goal} percent={address.percent} />
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            {address.verified ? <VerifiedBadge /> : <span />}
            {open && <TimeLeft deadline={address.deadline} now={now} />}
          </div>
        </div>
      </div>
    </article>
  );
}
