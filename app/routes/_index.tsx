import { useTranslation } from "react-i18next";

// Placeholder home page; the real one comes with the address listing.
export default function Index() {
  const { t } = useTranslation();
  return (
    <section className="space-y-3 py-6">
      <h1 className="text-3xl font-bold text-gray-900">{t("home.title")}</h1>
      <p className="max-w-prose text-lg text-gray-700">{t("home.lead")}</p>
    </section>
  );
}
