import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ChapterLevel, UnitKind } from "../../db/enums";

export interface ChapterRefView {
  slug: string;
  name: string;
  level: ChapterLevel;
  unitKind: UnitKind | null;
}

/** "Hội cấp tỉnh", or "Chi hội cơ sở · trường học" for a unit chapter. */
export function useChapterLevelLabel() {
  const { t } = useTranslation();
  return (level: ChapterLevel, unitKind: UnitKind | null) => {
    const label = t(`chapterLevels.${level}`);
    return level === "unit" && unitKind ? t("chapter.levelWithKind", { level: label, kind: t(`chapter.unitKinds.${unitKind}`) }) : label;
  };
}

/** The way up to the central chapter, ending at the current one. */
export function ChapterBreadcrumb({ ancestors, current }: { ancestors: ChapterRefView[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("chapter.breadcrumb")} className="text-sm" data-testid="chapter-breadcrumb">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-gray-700">
        {ancestors.map((a) => (
          <li key={a.slug} className="flex items-center gap-2">
            <Link to={`/chapters/${a.slug}`} className="text-brand-700 underline underline-offset-4">
              {a.name}
            </Link>
            <span aria-hidden="true" className="text-gray-400">
              ›
            </span>
          </li>
        ))}
        <li>
          <span aria-current="page" className="font-medium text-gray-900">
            {current}
          </span>
        </li>
      </ol>
    </nav>
  );
}

/** Links to the chapters directly below. */
export function ChapterChildren({ items }: { items: ChapterRefView[] }) {
  const levelLabel = useChapterLevelLabel();
  return (
    <ul className="grid gap-2 sm:grid-cols-2" data-testid="chapter-children">
      {items.map((c) => (
        <li key={c.slug}>
          <Link
            to={`/chapters/${c.slug}`}
            className="block rounded-lg border border-gray-200 px-4 py-3 hover:border-brand-500 focus-visible:border-brand-500"
          >
            <span className="block font-medium text-gray-900">{c.name}</span>
            <span className="block text-sm text-gray-600">{levelLabel(c.level, c.unitKind)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
