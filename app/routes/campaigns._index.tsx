import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CampaignCard } from "~/components/campaign-card";
import i18next, { getLocale } from "~/i18n.server";
import { listCampaigns } from "~/models/campaign.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { publicPageHeaders } from "~/utils/cache";
import { loaderMeta } from "~/utils/public-page";

// /campaigns — campaigns running now, then ended ones (a keyset page at a time via ?cursor=).

export async function loader({ request }: LoaderFunctionArgs) {
  const cursor = new URL(request.url).searchParams.get("cursor");
  const list = await listCampaigns(await getDb(), { endedCursor: cursor });
  const [t, locale] = await Promise.all([i18next.getFixedT(request), getLocale(request)]);
  return {
    ...list,
    paged: Boolean(cursor) && !list.invalidCursor,
    meta: { title: t("campaigns.meta.title"), description: t("campaigns.meta.description"), url: `${getEnv().PUBLIC_URL}/campaigns`, locale },
  };
}

export const headers = publicPageHeaders;

export const meta: MetaFunction<typeof loader> = loaderMeta;

export default function CampaignsPage() {
  const { active, ended, nextEndedCursor, invalidCursor, paged } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-8" data-testid="campaigns-page">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-gray-900 sm:text-3xl">{t("campaigns.title")}</h1>
        <p className="max-w-prose text-gray-700">{t("campaigns.lead")}</p>
      </header>
      {invalidCursor ? (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("campaigns.invalidCursor")}
        </p>
      ) : null}

      {paged ? null : (
        <section aria-labelledby="campaigns-active-title" className="space-y-4" id="active">
          <h2 id="campaigns-active-title" className="text-xl font-semibold">
            {t("campaigns.active")}
          </h2>
          {active.length > 0 ? (
            <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="campaigns-active">
              {active.map((c) => (
                <li key={c.slug}>
                  <CampaignCard campaign={c} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-gray-700">{t("campaigns.noneActive")}</p>
          )}
        </section>
      )}

      <section aria-labelledby="campaigns-ended-title" className="space-y-4" id="ended">
        <h2 id="campaigns-ended-title" className="text-xl font-semibold">
          {t("campaigns.ended")}
        </h2>
        {ended.length > 0 ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="campaigns-ended">
            {ended.map((c) => (
              <li key={c.slug}>
                <CampaignCard campaign={c} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-gray-700">{t("campaigns.noneEnded")}</p>
        )}
        <nav aria-label={t("campaigns.ended")} className="flex flex-wrap gap-x-6 gap-y-2">
          {paged ? (
            <Link to="/campaigns" className="inline-block py-2 text-brand-700 underline underline-offset-4">
              {t("campaigns.first")}
            </Link>
          ) : null}
          {nextEndedCursor ? (
            <Link
              to={`/campaigns?${new URLSearchParams({ cursor: nextEndedCursor })}#ended`}
              rel="next"
              className="inline-block py-2 font-medium text-brand-700 underline underline-offset-4"
              data-testid="campaigns-more"
            >
              {t("campaigns.moreEnded")}
            </Link>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
