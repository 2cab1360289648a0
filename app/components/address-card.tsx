import { Link } from "@remix-run/react";
import type { ComponentPropsWithoutRef } from "react";
import type { AddressCardData } from "~/models/catalogue.server";
import { useFastT } from "~/utils/fast-t";
import { FundingProgress, PlaceText, TimeLeft, UrgencyBadge, VerifiedBadge } from "./address-bits";

/**
 * One address in a list. The title link covers the whole card (a large touch target on phones);
 * `headingLevel` keeps the page's heading order.
 */
export function AddressCard({
  address,
  now,
  headingLevel = 3,
}: {
  address: AddressCardData;
  /** ISO time the server rendered at, so "days left" is the same on the server and the client. */
  now: string;
  headingLevel?: 2 | 3;
}) {
  const t = useFastT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const open = address.status === "published";
  return (
    <article className="card">
      <div className="card-media">
        {address.cover ? (
          <img
            src={address.cover.url}
            alt={address.cover.alt || t("catalogue.coverAlt", { title: address.title })}
            width={640}
            height={480}
            loading="lazy"
            decoding="async"
          />
        ) : (
          <div className="flex h-full w-full items-center justify-center text-sm text-stone-600">{t("common.noPhoto")}</div>
        )}
        <div className="card-badges">
          <UrgencyBadge urgency={address.urgency} />
          {address.status !== "published" && <span className="badge badge-status">{t(`statuses.${address.status}`)}</span>}
        </div>
      </div>
      <div className="card-body">
        <div className="space-y-1">
          <p className="card-kicker">{t(`categories.${address.category}`)}</p>
          <Heading className="card-title">
            <Link to={`/addresses/${address.slug}`} prefetch="intent">
              {address.title}
            </Link>
          </Heading>
          <p className="text-sm text-gray-800">{address.publicAlias}</p>
          <p className="flex items-start gap-1 text-sm text-gray-700">
            <span aria-hidden="true" className="icon icon-pin mt-0.5" />
            <span>
              <PlaceText commune={address.commune} province={address.province} formerProvince={address.formerProvince} />
            </span>
          </p>
        </div>
        <div className="mt-auto space-y-3">
          <FundingProgress raised={address.raised} goal={address.goal} percent={address.percent} />
          <div className="card-foot">
            {address.verified ? <VerifiedBadge /> : <span />}
            {open && <TimeLeft deadline={address.deadline} now={now} />}
          </div>
        </div>
      </div>
    </article>
  );
}

/** Cards in a grid: one column on a phone, two on a tablet, three on a desktop. */
export function AddressGrid({ items, now, ...list }: { items: readonly AddressCardData[]; now: string } & Omit<ComponentPropsWithoutRef<"ul">, "children" | "className">) {
  return (
    <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3" {...list}>
      {items.map((a) => (
        <li key={a.slug}>
          <AddressCard address={a} now={now} />
        </li>
      ))}
    </ul>
  );
}
