import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CheckIcon, FundingProgress, PinIcon, PlaceText, ProgressBar, TimeLeft, UrgencyBadge, VerifiedBadge } from "~/components/address-bits";
import { RichText } from "~/components/rich-text";
import { ShareControls } from "~/components/share-controls";
import i18next, { getLocale } from "~/i18n.server";
import { formatVnd } from "~/ledger/money";
import { getAddressPageExtras } from "~/models/address-page.server";
import { getPublicAddress } from "~/models/catalogue.server";
import { publicPageHeaders } from "~/utils/cache";
import { getDb } from "~/utils/db.server";
import { loaderMeta } from "~/utils/public-page";
import { getEnv } from "~/utils/env.server";
import { formatDate, formatNumber } from "~/utils/format";
import { renderMarkdown } from "~/utils/markdown.server";

// /addresses/:slug: one public address, everything a donor or a journalist needs to trust it.
// Draft, submitted, rejected or unknown → 404 (the root's localised page). Only public fields are
// loaded (no address_private, consents, guest emails or phone numbers ever reach this module).

export const headers = publicPageHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const address = await getPublicAddress(db, params.slug ?? "");
  if (!address) throw new Response("Not Found", { status: 404 });
  const extras = await getAddressPageExtras(db, address.id);
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale);
  const publicUrl = getEnv().PUBLIC_URL;
  const absolute = (path: string) => (/^https?:\/\//.test(path) ? path : `${publicUrl}${path}`);
  const pageUrl = `${publicUrl}/addresses/${encodeURIComponent(address.slug)}`;
  const image = address.cover ?? address.photos[0] ?? null;
  const imageAlt = address.photos.find((p) => p.id === image?.id)?.alt ?? "";

  // The raw story and the donation list without messages stay on the server.
  const { story, donations: _donations, updates, disbursements, ...rest } = address;
  return {
    address: rest,
    storyHtml: renderMarkdown(story),
    updates: updates.map((u) => ({
      ...u,
      bodyHtml: renderMarkdown(extras.updates[u.id]?.body ?? ""),
      photos: extras.updates[u.id]?.photos ?? [],
    })),
    disbursements: disbursements.map((d) => ({
      ...d,
      description: extras.disbursements[d.id]?.description ?? "",
      receipt: extras.disbursements[d.id]?.receipt ?? null,
    })),
    donations: extras.donations,
    share: { url: pageUrl, title: address.title, text: t("share.text", { alias: address.publicAlias, title: address.title }) },
    meta: {
      title: t("address.metaTitle", { title: address.title }),
      description: address.summary,
      url: pageUrl,
      image: image ? absolute(image.url) : null,
      imageAlt,
      locale,
    },
    now: new Date().toISOString(),
  };
}

export const meta: MetaFunction<typeof loader> = loaderMeta;

const BUTTON_PRIMARY =
  "inline-flex min-h-12 w-full items-center justify-center rounded-xl bg-brand-700 px-5 py-3 text-lg font-semibold text-white shadow-sm hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2";
const BUTTON_SECONDARY =
  "inline-flex min-h-12 w-full items-center justify-center rounded-xl border-2 border-brand-700 bg-white px-5 py-3 text-base font-semibold text-brand-700 hover:bg-brand-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2";

export default function AddressPage() {
  const { address, storyHtml, updates, disbursements, donations, share, now } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const open = address.status === "published";
  const date = (value: string | null) => formatDate(value, locale);
  // The programme is listed once, under its own heading.
  const campaigns = address.campaigns.filter((c) => c.slug !== address.programme?.slug);

  return (
    <article className="space-y-8" data-address-page={address.slug}>
      <nav aria-label={t("common.breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-gray-700">
          <li>
            <Link to="/" className="underline underline-offset-2 hover:text-brand-700">
              {t("common.home")}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link to="/addresses" className="underline underline-offset-2 hover:text-brand-700">
              {t("address.listLink")}
            </Link>
          </li>
        </ol>
      </nav>

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="inline-flex items-center rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-900 ring-1 ring-inset ring-brand-100">
            {t(`categories.${address.category}`)}
          </span>
          {open && <UrgencyBadge urgency={address.urgency} always />}
          {address.verified && <VerifiedBadge />}
          {address.status !== "published" && (
            <span className="inline-flex items-center rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-semibold text-stone-800 ring-1 ring-inset ring-stone-300">
              {t(`statuses.${address.status}`)}
            </span>
          )}
        </div>
        <h1 className="text-3xl font-bold leading-tight tracking-tight text-gray-900 sm:text-4xl">{address.title}</h1>
        <p className="text-lg text-gray-800">{address.summary}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-gray-700">
          <li className="font-semibold text-gray-900">{address.publicAlias}</li>
          <li className="flex items-start gap-1">
            <PinIcon className="mt-0.5 h-4 w-4 flex-none" />
            <span>
              <PlaceText commune={address.commune} province={address.province} formerProvince={address.formerProvince} />
            </span>
          </li>
          {address.householdSize !== null && <li>{t("address.household", { count: address.householdSize })}</li>}
          {address.deadline && <li>{t("common.deadline", { date: date(address.deadline) })}</li>}
        </ul>
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Gallery photos={address.photos} />

        <aside
          aria-labelledby="support-heading"
          className="space-y-6 self-start rounded-2xl border border-stone-200 bg-white p-5 shadow-sm lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1"
        >
          <h2 id="support-heading" className="sr-only">
            {t("address.supportHeading")}
          </h2>
          <div className="space-y-3">
            <FundingProgress raised={address.totals.raised} goal={address.totals.goal} percent={address.totals.percent} size="lg" />
            <p className="flex flex-wrap justify-between gap-2 text-sm text-gray-700">
              <span>{t("address.gifts", { count: address.totals.gifts })}</span>
              {open && <TimeLeft deadline={address.deadline} now={now} />}
            </p>
          </div>
          {open ? (
            <div className="space-y-3">
              <Link to={`/addresses/${address.slug}/give`} className={BUTTON_PRIMARY} data-give-link="">
                {t("common.give")}
              </Link>
              <Link to={`/addresses/${address.slug}/adopt`} className={BUTTON_SECONDARY} data-adopt-link="">
                {t("common.adopt")}
              </Link>
              <p className="text-center text-xs text-gray-700">{t("address.giveHint")}</p>
            </div>
          ) : (
            <div className="space-y-3 rounded-xl bg-emerald-50 p-4 text-sm text-emerald-950 ring-1 ring-inset ring-emerald-200">
              <p>{t(`address.statusNotice.${address.status as "funded" | "completed" | "closed"}`)}</p>
              <Link to="/addresses" className="font-semibold underline underline-offset-4">
                {t("address.seeOthers")}
              </Link>
            </div>
          )}
          <div className="border-t border-stone-200 pt-5">
            <ShareControls url={share.url} title={share.title} text={share.text} />
          </div>
        </aside>

        <div className="min-w-0 space-y-10 lg:col-start-1">
          <Section id="story" title={t("address.storyHeading")}>
            {storyHtml ? <RichText html={storyHtml} /> : <p className="text-gray-700">{t("address.noStory")}</p>}
          </Section>

          <Section id="needs" title={t("address.needsHeading")}>
            {address.needs.length === 0 ? (
              <p className="text-gray-700">{t("address.noNeeds")}</p>
            ) : (
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">{t("address.needsCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-stone-300 text-gray-800">
                    <th scope="col" className="py-2 pr-3 font-semibold">
                      {t("address.colNeed")}
                    </th>
                    <th scope="col" className="hidden py-2 pr-3 text-right font-semibold sm:table-cell">
                      {t("address.colAmount")}
                    </th>
                    <th scope="col" className="w-[40%] py-2 font-semibold sm:w-[34%]">
                      {t("address.colFunded")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {address.needs.map((n) => {
                    const percent = n.amount > 0 ? Math.min(100, Math.floor((n.funded * 100) / n.amount)) : 0;
                    return (
                      <tr key={n.id} className="border-b border-stone-200 align-top">
                        <th scope="row" className="py-3 pr-3 font-normal">
                          <span className="block font-semibold text-gray-900">{n.title}</span>
                          <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-gray-700">
                            <span className={`rounded px-1.5 py-0.5 font-semibold ${n.kind === "in_kind" ? "bg-sky-50 text-sky-900" : "bg-stone-100 text-stone-800"}`}>
                              {t(`address.kind.${n.kind}`)}
                            </span>
                            {(n.quantity > 1 || n.unit) && <span>{t("address.quantityTimesCost", { quantity: formatNumber(n.quantity, locale), unit: n.unit, cost: formatVnd(n.unitCost) })}</span>}
                          </span>
                          {/* Phones: the amount sits under the title (its column is hidden). */}
                          <span className="mt-1 block font-semibold text-gray-900 sm:hidden">
                            {t("address.colAmount")}: {formatVnd(n.amount)}
                          </span>
                        </th>
                        <td className="hidden whitespace-nowrap py-3 pr-3 text-right font-semibold text-gray-900 sm:table-cell">{formatVnd(n.amount)}</td>
                        <td className="space-y-1 py-3">
                          <span className="block text-gray-900">{n.isFunded ? t("address.needFunded") : formatVnd(n.funded)}</span>
                          <ProgressBar value={n.funded} max={n.amount} label={t("common.progressLabel", { percent })} className="h-2" />
                          {n.kind === "in_kind" && (
                            <span className="block text-xs text-gray-700">{t("address.fulfilled", { done: formatNumber(n.fulfilledQuantity, locale), total: formatNumber(n.quantity, locale), unit: n.unit })}</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr className="text-gray-900">
                    <th scope="row" className="py-3 pr-3 font-semibold">
                      {t("address.needsTotal")}
                      <span className="block font-bold sm:hidden">{formatVnd(address.totals.goal)}</span>
                    </th>
                    <td className="hidden whitespace-nowrap py-3 pr-3 text-right font-bold sm:table-cell">{formatVnd(address.totals.goal)}</td>
                    <td className="py-3 font-semibold">{formatVnd(address.totals.raised)}</td>
                  </tr>
                </tfoot>
              </table>
            )}
          </Section>

          <Section id="verification" title={t("address.verificationHeading")}>
            <Verification verification={address.verification} locale={locale} />
            <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold text-gray-800">{t("address.managedBy")}</dt>
              <dd>
                <Link to={`/chapters/${address.chapter.slug}`} className="text-brand-700 underline underline-offset-2">
                  {address.chapter.name}
                </Link>
              </dd>
              {address.programme && (
                <>
                  <dt className="font-semibold text-gray-800">{t("address.programme")}</dt>
                  <dd>
                    <Link to={`/campaigns/${address.programme.slug}`} className="text-brand-700 underline underline-offset-2">
                      {address.programme.title}
                    </Link>
                  </dd>
                </>
              )}
              {campaigns.length > 0 && (
                <>
                  <dt className="font-semibold text-gray-800">{t("address.campaigns")}</dt>
                  <dd>
                    <ul className="space-y-1">
                      {campaigns.map((c) => (
                        <li key={c.slug}>
                          <Link to={`/campaigns/${c.slug}`} className="text-brand-700 underline underline-offset-2">
                            {c.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
          </Section>

          <Section id="money" title={t("address.moneyHeading")}>
            <dl className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-money-summary="">
              <Money label={t("address.moneyRaised")} value={address.totals.raised} />
              <Money label={t("address.moneyDisbursed")} value={address.totals.disbursed} />
              {address.totals.fees > 0 && <Money label={t("address.moneyFees")} value={address.totals.fees} />}
              <Money label={t("address.moneyBalance")} value={address.totals.balance} strong />
            </dl>
            <p className="mt-3 text-sm text-gray-700">{t("address.moneyNote")}</p>
          </Section>

          <Section id="disbursements" title={t("address.disbursementsHeading")}>
            {disbursements.length === 0 ? (
              <p className="text-gray-700">{t("address.noDisbursements")}</p>
            ) : (
              <ul className="divide-y divide-stone-200">
                {disbursements.map((d) => (
                  <li key={d.id} className="flex gap-4 py-4">
                    {d.receipt ? (
                      <a href={d.receipt.url} className="flex-none rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
                        <img
                          src={d.receipt.url}
                          alt={t("address.receiptLink", { alt: d.receipt.alt || t("address.receiptFallbackAlt", { date: date(d.spentOn) }) })}
                          width={80}
                          height={104}
                          loading="lazy"
                          className="h-24 w-20 rounded-lg border border-stone-200 bg-white object-cover object-top"
                        />
                      </a>
                    ) : null}
                    <div className="min-w-0 flex-1 space-y-1 text-sm">
                      <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                        <span className="text-base font-semibold text-gray-900">{formatVnd(d.amount)}</span>
                        <time dateTime={d.spentOn} className="text-gray-700">
                          {date(d.spentOn)}
                        </time>
                      </p>
                      <p className="text-gray-900">{t("address.payee", { payee: d.payeePublic })}</p>
                      {d.need && <p className="text-gray-700">{t("address.forNeed", { need: d.need.title })}</p>}
                      {d.kind === "in_kind" && d.quantity !== null && <p className="text-gray-700">{t("address.quantity", { quantity: formatNumber(d.quantity, locale) })}</p>}
                      {d.description && <p className="text-gray-700">{d.description}</p>}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="updates" title={t("address.updatesHeading")}>
            {updates.length === 0 ? (
              <p className="text-gray-700">{t("address.noUpdates")}</p>
            ) : (
              <ol className="relative space-y-8 border-l-2 border-brand-100 pl-6">
                {updates.map((u) => (
                  <li key={u.id} className="relative">
                    <span aria-hidden="true" className="absolute -left-[33px] top-1 h-4 w-4 rounded-full border-2 border-white bg-brand-600 ring-2 ring-brand-100" />
                    <article className="space-y-3">
                      <div className="flex flex-wrap items-center gap-2 text-sm">
                        <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-900">{t(`address.updateKind.${u.kind}`)}</span>
                        {u.publishedAt && (
                          <time dateTime={u.publishedAt} className="text-gray-700">
                            {date(u.publishedAt)}
                          </time>
                        )}
                      </div>
                      <h3 className="text-lg font-semibold text-gray-900">{u.title}</h3>
                      {u.bodyHtml && <RichText html={u.bodyHtml} />}
                      {u.photos.length > 0 && (
                        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                          {u.photos.map((p) => (
                            <li key={p.id}>
                              <a href={p.url} className="block overflow-hidden rounded-lg focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
                                <img src={p.url} alt={p.alt} width={p.width} height={p.height} loading="lazy" className="aspect-[4/3] w-full object-cover" />
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </article>
                  </li>
                ))}
              </ol>
            )}
          </Section>

          <Section id="donations" title={t("address.donationsHeading")}>
            {donations.length === 0 ? (
              <p className="text-gray-700">{t("address.noDonations")}</p>
            ) : (
              <>
                <ul className="divide-y divide-stone-200" data-donations="">
                  {donations.map((d) => (
                    <li key={d.id} className="flex gap-3 py-3">
                      <span aria-hidden="true" className="flex h-10 w-10 flex-none items-center justify-center rounded-full bg-brand-50 text-sm font-bold text-brand-900">
                        {d.displayName ? initialLetter(d.displayName) : "♥"}
                      </span>
                      <div className="min-w-0 flex-1 space-y-1">
                        <p className="flex flex-wrap items-baseline justify-between gap-x-3">
                          <span className="font-semibold text-gray-900">{d.displayName ?? t("address.anonymous")}</span>
                          <span className="font-semibold text-gray-900">
                            {formatVnd(d.amount)}
                            {d.inKind && <span className="ml-1 text-xs font-normal text-gray-700">({t("address.inKindGift")})</span>}
                          </span>
                        </p>
                        {d.at && (
                          <p className="text-xs text-gray-700">
                            <time dateTime={d.at}>{date(d.at)}</time>
                          </p>
                        )}
                        {d.message && (
                          <blockquote className="whitespace-pre-line break-words rounded-lg bg-stone-50 px-3 py-2 text-sm text-gray-800">
                            <span className="sr-only">{t("address.messageLabel")}: </span>
                            {d.message}
                          </blockquote>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
                {address.totals.gifts > donations.length && (
                  <p className="mt-3 text-sm text-gray-700">
                    {t("address.donationsShown", { shown: formatNumber(donations.length, locale), total: formatNumber(address.totals.gifts, locale) })}
                  </p>
                )}
              </>
            )}
          </Section>
        </div>
      </div>

      {open && (
        <>
          {/* Phones: the way to give stays in reach while reading (a plain link; no script). */}
          <div className="fixed inset-x-0 bottom-0 z-20 border-t border-stone-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur lg:hidden">
            <div className="mx-auto flex max-w-5xl items-center gap-3">
              <p className="min-w-0 flex-1 text-sm leading-tight text-gray-800">
                <span className="block font-semibold text-gray-900">{formatVnd(address.totals.raised)}</span>
                <span className="block truncate">{t("common.progressLabel", { percent: address.totals.percent })}</span>
              </p>
              <Link
                to={`/addresses/${address.slug}/give`}
                className="inline-flex min-h-11 flex-none items-center justify-center rounded-xl bg-brand-700 px-6 py-2 font-semibold text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
              >
                {t("common.give")}
              </Link>
            </div>
          </div>
          <div aria-hidden="true" className="h-16 lg:hidden" />
        </>
      )}
    </article>
  );
}

function initialLetter(name: string): string {
  const letter = name.trim().match(/\p{L}|\p{N}/u)?.[0];
  return letter ? letter.toLocaleUpperCase("vi") : "♥";
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4" id={id}>
      <h2 id={`${id}-heading`} className="text-2xl font-bold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Money({ label, value, strong = false }: { label: string; value: number; strong?: boolean }) {
  return (
    <div className={`flex items-baseline justify-between gap-4 px-4 py-3 ${strong ? "rounded-b-2xl bg-brand-50" : ""}`}>
      <dt className={strong ? "font-semibold text-gray-900" : "text-gray-700"}>{label}</dt>
      <dd className={`whitespace-nowrap text-lg font-bold ${strong ? "text-brand-900" : "text-gray-900"}`}>{formatVnd(value)}</dd>
    </div>
  );
}

type Photo = { id: number; url: string; alt: string; width: number; height: number };

function Gallery({ photos }: { photos: Photo[] }) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  const [first, ...rest] = photos;
  const alt = (p: Photo, i: number) => p.alt || t("address.photoAltFallback", { n: i + 1 });
  return (
    <section aria-labelledby="gallery-heading" className="min-w-0 space-y-2 lg:col-start-1">
      <h2 id="gallery-heading" className="sr-only">
        {t("address.galleryHeading")}
      </h2>
      <a href={first.url} className="block overflow-hidden rounded-2xl bg-stone-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
        <img src={first.url} alt={alt(first, 0)} width={first.width} height={first.height} className="aspect-[4/3] w-full object-cover sm:aspect-[16/10]" />
      </a>
      {rest.length > 0 && (
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4">
          {rest.map((p, i) => (
            <li key={p.id}>
              <a href={p.url} className="block overflow-hidden rounded-xl bg-stone-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">
                <img src={p.url} alt={alt(p, i + 1)} width={p.width} height={p.height} loading="lazy" className="aspect-[4/3] w-full object-cover" />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Verification({
  verification,
  locale,
}: {
  verification: { verified: boolean; chapter: { name: string; slug: string } | null; verifiedAt: string | null; reverifyDueAt: string | null; overdue: boolean };
  locale: string;
}) {
  const { t } = useTranslation();
  if (!verification.verified || !verification.chapter) {
    return <p className="rounded-xl bg-stone-50 p-4 text-gray-800">{t("address.notVerifiedBody")}</p>;
  }
  const chapter = verification.chapter.name;
  return (
    <div className="space-y-3">
      <div className="flex gap-3 rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-emerald-950" data-verification="">
        <span aria-hidden="true" className="flex h-9 w-9 flex-none items-center justify-center rounded-full bg-emerald-700 text-white">
          <CheckIcon className="h-5 w-5" />
        </span>
        <div className="space-y-1">
          <p className="font-semibold">
            {verification.verifiedAt
              ? t("address.verifiedBy", { chapter, date: formatDate(verification.verifiedAt, locale) })
              : t("address.verifiedByNoDate", { chapter })}
          </p>
          {verification.reverifyDueAt && !verification.overdue && <p className="text-sm">{t("address.reverifyDue", { date: formatDate(verification.reverifyDueAt, locale) })}</p>}
        </div>
      </div>
      {verification.overdue && verification.reverifyDueAt && (
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950" data-verification-overdue="">
          <span aria-hidden="true" className="mr-1 font-bold">
            !
          </span>
          {t("address.overdue", { date: formatDate(verification.reverifyDueAt, locale) })}
        </p>
      )}
    </div>
  );
}
