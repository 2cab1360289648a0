import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="mt-12 border-t border-gray-200 bg-gray-50">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-6 text-sm text-gray-700">
        <p>{t("footer.statement")}</p>
        <p>{t("footer.emblem")}</p>
      </div>
    </footer>
  );
}
