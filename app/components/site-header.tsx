import { Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { supportedLngs, type Locale } from "~/i18n";

const NAV = [
  { to: "/addresses", key: "nav.addresses" },
  { to: "/campaigns", key: "nav.campaigns" },
  { to: "/transparency", key: "nav.transparency" },
] as const;

export function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  return (
    <header className="border-b border-gray-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link to="/" aria-label={t("nav.home")} className="flex items-center gap-2 text-xl font-bold text-brand-700">
          <img src="/favicon.svg" alt="" width={32} height={32} className="h-8 w-8" />
          Trao
        </Link>
        <LanguageSwitch locale={locale} />
        <nav aria-label={t("nav.primary")} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-base font-medium">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) =>
                    `inline-block py-2 underline-offset-4 hover:underline ${isActive ? "text-brand-700 underline" : "text-gray-800"}`
                  }
                >
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

/** Plain links to /set-language: the switch works without JavaScript and reloads the page translated. */
function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <ul aria-label={t("language.label")} className="flex gap-3 text-sm sm:order-last">
      {supportedLngs.map((lng) => (
        <li key={lng}>
          {lng === locale ? (
            <span aria-current="true" lang={lng} className="font-semibold text-gray-900">
              {t(`language.${lng}`)}
            </span>
          ) : (
            <a
              href={`/set-language?${new URLSearchParams({ lng, redirectTo: here })}`}
              hrefLang={lng}
              lang={lng}
              rel="nofollow"
              className="text-brand-700 underline underline-offset-4"
            >
              {t(`language.${lng}`)}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
