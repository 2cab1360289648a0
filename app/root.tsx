import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { SiteFooter } from "~/components/site-footer";
import { SiteHeader } from "~/components/site-header";
import { fallbackLng, isLocale } from "~/i18n";
import i18next, { getLocale } from "~/i18n.server";
import tailwindHref from "~/tailwind.css";
import { useNonce } from "~/utils/nonce-provider";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: tailwindHref },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const t = await i18next.getFixedT(locale);
  return { locale, title: t("meta.title"), description: t("meta.description") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Trao" },
  ...(data ? [{ name: "description", content: data.description }] : []),
];

// The document shell, shared by the page and the error boundary (which may render without loader data).
export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const locale = data?.locale ?? (isLocale(i18n.language) ? i18n.language : fallbackLng);
  useChangeLanguage(locale);
  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col bg-white text-gray-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:shadow"
        >
          {t("nav.skipToContent")}
        </a>
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  // Only the status is shown: messages and stacks stay in the server log.
  const texts =
    status === 404
      ? { title: t("errors.notFound.title"), body: t("errors.notFound.body"), action: t("errors.notFound.action") }
      : { title: t("errors.generic.title"), body: t("errors.generic.body"), action: t("errors.generic.action") };
  return (
    <section className="mx-auto max-w-prose space-y-4 py-10">
      <h1 className="text-2xl font-bold">{texts.title}</h1>
      <p>{texts.body}</p>
      {status !== 404 && <p className="text-sm text-gray-600">{t("errors.generic.status", { status })}</p>}
      <p>
        <Link to="/" className="text-brand-700 underline underline-offset-4">
          {texts.action}
        </Link>
      </p>
    </section>
  );
}
