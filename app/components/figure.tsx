/** One figure in a <dl> of totals (a chapter's or a campaign's): the label, then the value. */
export function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-gray-200 p-3">
      <dt className="text-sm text-gray-600">{label}</dt>
      <dd className="text-lg font-semibold text-gray-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
