import { useTranslation } from "react-i18next";

export interface BankAccountView {
  bin: string;
  bankName: string | null;
  number: string;
  holder: string;
}

/** A charity account for transfers: bank, number, holder. Chapter and campaign accounts are public institutional data. */
export function BankAccountDetails({ account }: { account: BankAccountView }) {
  const { t } = useTranslation();
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 rounded-lg border border-gray-200 bg-gray-50 p-4 sm:grid-cols-[auto_1fr]" data-testid="bank-account">
      <dt className="text-sm text-gray-600">{t("chapter.account.bank")}</dt>
      <dd className="font-medium" data-testid="bank-name">
        {account.bankName ?? t("chapter.account.bankUnknown", { bin: account.bin })}
      </dd>
      <dt className="mt-2 text-sm text-gray-600 sm:mt-0">{t("chapter.account.number")}</dt>
      <dd className="font-mono text-lg font-semibold tracking-wide" data-testid="bank-account-number">
        {account.number}
      </dd>
      <dt className="mt-2 text-sm text-gray-600 sm:mt-0">{t("chapter.account.holder")}</dt>
      <dd className="font-medium uppercase" data-testid="bank-account-holder">
        {account.holder}
      </dd>
    </dl>
  );
}
