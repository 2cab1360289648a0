import { formatVnd } from "~/ledger/money";
import { useFastT } from "~/utils/fast-t";
import { daysLeft } from "~/utils/format";

// Small pieces every address view shares: place, badges, the funding bar and the time left.
// No inline styles (the CSP forbids them): the bar is a native <progress>, styled by class.

export function ProgressBar({ value, max, label, className = "" }: { value: number; max: number; label: string; className?: string }) {
  const safeMax = max > 0 ? max : 1;
  const safeValue = Math.max(0, Math.min(value, safeMax));
  const done = safeValue >= safeMax && max > 0;
  return (
    <progress value={safeValue} max={safeMax} aria-label={label} className={`progress-bar${done ? " is-done" : ""}${className ? ` ${className}` : ""}`}>
      {label}
    </progress>
  );
}

/** "1.250.000 ₫ trên 3.000.000 ₫", a bar and the percentage. */
export function FundingProgress({ raised, goal, percent, size = "sm" }: { raised: number; goal: number; percent: number; size?: "sm" | "lg" }) {
  const t = useFastT();
  const label = t("common.progressLabel", { percent });
  return (
    <div className="space-y-1.5">
      <p className={size === "lg" ? "flex flex-wrap items-baseline gap-x-2" : "flex flex-wrap items-baseline gap-x-1.5 text-sm"}>
        <span className={size === "lg" ? "text-2xl font-bold text-gray-900" : "font-semibold text-gray-900"}>{formatVnd(raised)}</span>
        {goal > 0 && <span className="text-gray-700">{t("common.raisedOfGoal", { goal: formatVnd(goal) })}</span>}
      </p>
      <ProgressBar value={raised} max={goal} label={label} className={size === "lg" ? "h-3" : ""} />
      {/* The bar carries the same words for assistive technology. */}
      {goal > 0 && (
        <p aria-hidden="true" className={`${size === "lg" ? "text-sm" : "text-xs"} font-medium text-gray-700`}>
          {label}
        </p>
      )}
    </div>
  );
}

/** "Còn 12 ngày", "Hôm nay là ngày cuối" or "Hết hạn"; nothing without a deadline. */
export function TimeLeft({ deadline, now, className = "" }: { deadline: string | null; now: string; className?: string }) {
  const t = useFastT();
  const days = daysLeft(deadline, now);
  if (days === null) return null;
  const text = days < 0 ? t("common.expired") : days === 0 ? t("common.lastDay") : t("common.daysLeft", { count: days });
  return (
    <span className={`inline-flex items-center gap-1 ${days < 0 ? "text-gray-600" : days <= 7 ? "font-semibold text-brand-700" : "text-gray-700"} ${className}`}>
      <span aria-hidden="true" className="icon icon-clock" />
      {text}
    </span>
  );
}

export function UrgencyBadge({ urgency, always = false }: { urgency: number; always?: boolean }) {
  const t = useFastT();
  if (!always && urgency < 3) return null;
  const level = Math.max(1, Math.min(4, Math.round(urgency))) as 1 | 2 | 3 | 4;
  const tone = level === 4 ? "badge-urgent-4" : level === 3 ? "badge-urgent-3" : "badge-quiet";
  return (
    <span className={`badge ${tone}`}>
      <span className="sr-only">{`${t("urgency.label")}: `}</span>
      {t(`urgency.${level}`)}
    </span>
  );
}

export function VerifiedBadge() {
  const t = useFastT();
  return (
    <span className="badge badge-verified">
      <span aria-hidden="true" className="icon icon-check h-3.5 w-3.5" />
      {t("common.verified")}
    </span>
  );
}

/** "Phường Rạch Giá, An Giang (trước đây: Kiên Giang)". */
export function PlaceText({ commune, province, formerProvince }: { commune: string; province: string; formerProvince: string | null }) {
  const t = useFastT();
  const place = t("common.place", { commune, province });
  return <>{formerProvince ? `${place} (${t("common.formerProvince", { name: formerProvince })})` : place}</>;
}

export function CheckIcon({ className = "h-3.5 w-3.5" }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="currentColor" className={className}>
      <path
        fillRule="evenodd"
        d="M16.7 5.3a1 1 0 0 1 0 1.4l-7.5 7.5a1 1 0 0 1-1.4 0L3.3 9.7a1 1 0 1 1 1.4-1.4l3.8 3.8 6.8-6.8a1 1 0 0 1 1.4 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}

export function PinIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className={className}>
      <path d="M10 17.5s5.5-4.6 5.5-9A5.5 5.5 0 0 0 4.5 8.5c0 4.4 5.5 9 5.5 9Z" strokeLinejoin="round" />
      <circle cx="10" cy="8.5" r="2" />
    </svg>
  );
}

export function HeartHandsIcon({ className = "h-10 w-10" }: { className?: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 48 48" fill="none" stroke="currentColor" strokeWidth="2.2" className={className}>
      <path d="M24 20.5c-2.6-4.8-9.5-3.6-9.5 1.6 0 4.3 6.2 8 9.5 10.4 3.3-2.4 9.5-6.1 9.5-10.4 0-5.2-6.9-6.4-9.5-1.6Z" strokeLinejoin="round" />
      <path d="M6 30l8 8h12M42 30l-8 8H22" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
