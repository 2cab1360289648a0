import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

// Sharing that works everywhere: a Facebook link and the page's link to copy by hand are always
// there (no JavaScript needed). After hydration, phones that have the Web Share API (it reaches
// Zalo, Messenger and Facebook apps) get a "Share…" button, and the link gets a copy button.
// No inline script: this is ordinary bundle code, loaded with the page's CSP nonce.

export function ShareControls({ url, title, text, headingLevel = 2 }: { url: string; title: string; text: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [canShare, setCanShare] = useState(false);
  const [canCopy, setCanCopy] = useState(false);
  const [status, setStatus] = useState<"" | "copied" | "failed">("");

  useEffect(() => {
    setHydrated(true);
    setCanShare(typeof navigator !== "undefined" && typeof navigator.share === "function");
    setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard?.writeText));
  }, []);

  async function share() {
    try {
      await navigator.share({ title, text, url });
    } catch {
      // Cancelled by the user, or refused: the links below remain.
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      inputRef.current?.select();
      setStatus("failed");
    }
  }

  const Heading = headingLevel === 2 ? "h2" : "h3";
  const facebook = `https://www.facebook.com/sharer/sharer.php?${new URLSearchParams({ u: url })}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3" data-share-controls="">
      <Heading id={`${id}-heading`} className="text-base font-semibold text-gray-900">
        {t("share.heading")}
      </Heading>
      <p className="text-sm text-gray-700">{t("share.lead")}</p>
      <div className="flex flex-wrap gap-2">
        {hydrated && canShare && (
          <button
            type="button"
            onClick={share}
            className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-gray-900 px-4 py-2 text-sm font-semibold text-white hover:bg-gray-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            <ShareIcon />
            {t("share.share")}
          </button>
        )}
        <a
          href={facebook}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-[#1b4f9c] hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
        >
          <FacebookIcon />
          {t("share.facebook")}
          <span className="sr-only"> {t("common.opensInNewTab")}</span>
        </a>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-url`} className="block text-sm font-medium text-gray-800">
          {t("share.linkLabel")}
        </label>
        <div className="flex gap-2">
          <input
            ref={inputRef}
            id={`${id}-url`}
            type="url"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
            className="min-h-11 w-full min-w-0 flex-1 rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 text-sm text-gray-800 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
          />
          {hydrated && canCopy && (
            <button
              type="button"
              onClick={copy}
              className="min-h-11 flex-none rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-gray-900 hover:bg-stone-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
            >
              {t("share.copy")}
            </button>
          )}
        </div>
        <p role="status" className="min-h-5 text-sm text-emerald-800">
          {status === "copied" ? t("share.copied") : status === "failed" ? t("share.copyFailed") : ""}
        </p>
      </div>
    </section>
  );
}

function ShareIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="h-4 w-4">
      <path d="M10 12.5V3M6.5 6.5 10 3l3.5 3.5M4.5 10v5.5a1.5 1.5 0 0 0 1.5 1.5h8a1.5 1.5 0 0 0 1.5-1.5V10" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function FacebookIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="currentColor" className="h-4 w-4">
      <path d="M13.5 21v-7.5h2.6l.4-3h-3V8.6c0-.9.3-1.5 1.5-1.5h1.6V4.4c-.3 0-1.2-.1-2.3-.1-2.3 0-3.8 1.4-3.8 3.9v2.3H7.9v3h2.6V21h3Z" />
    </svg>
  );
}
