// Plain `as const` arrays: safe to import from UI code (no database values here).

/** Chapter tree levels: central → province → commune/ward → unit (school, hospital, enterprise…). */
export const CHAPTER_LEVELS = ["central", "province", "commune", "unit"] as const;
export type ChapterLevel = (typeof CHAPTER_LEVELS)[number];

/** Kinds of unit chapter (only for level `unit`). */
export const UNIT_KINDS = ["school", "hospital", "enterprise", "other"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Roles on a chapter membership; a role applies to the chapter and every chapter below it.
 * editor: writes addresses and updates · verifier: verifies addresses ·
 * treasurer: records gifts, reconciles, records spending · manager: members, settings, approves spending.
 */
export const ROLES = ["editor", "verifier", "treasurer", "manager"] as const;
export type Role = (typeof ROLES)[number];

export const ADDRESS_CATEGORIES = [
  "poor_household",
  "poor_fisherman",
  "malnourished_child",
  "disabled_child",
  "elderly_alone",
  "sick",
  "disaster_victim",
  "student",
  "other",
] as const;
export type AddressCategory = (typeof ADDRESS_CATEGORIES)[number];

/**
 * Address lifecycle:
 *   draft → submitted → published (verified) → funded → completed → closed
 *   submitted → rejected → draft (with reason)
 * Public lists show published and funded; completed and closed through the status filter;
 * draft, submitted and rejected are 404 to the public.
 */
export const ADDRESS_STATUSES = ["draft", "submitted", "rejected", "published", "funded", "completed", "closed"] as const;
export type AddressStatus = (typeof ADDRESS_STATUSES)[number];
export const PUBLIC_ADDRESS_STATUSES = ["published", "funded", "completed", "closed"] as const satisfies readonly AddressStatus[];
export const LISTED_ADDRESS_STATUSES = ["published", "funded"] as const satisfies readonly AddressStatus[];

/** Staff-set urgency: 1 (can wait) … 4 (critical); the deadline breaks ties. */
export const URGENCY_LEVELS = [1, 2, 3, 4] as const;

export const CONSENT_RELATIONSHIPS = ["self", "parent", "guardian", "spouse", "child", "other_relative", "local_authority"] as const;
export type ConsentRelationship = (typeof CONSENT_RELATIONSHIPS)[number];

export const NEED_KINDS = ["cash", "in_kind"] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

/** How a donor's name is shown in public: "Nguyễn Văn An", "N.V.A." or "Nhà hảo tâm ẩn danh". */
export const NAME_DISPLAYS = ["full", "initials", "anonymous"] as const;
export type NameDisplay = (typeof NAME_DISPLAYS)[number];

export const PAYMENT_METHODS = ["vnpay", "stripe", "bank_transfer", "cash", "in_kind"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * Pledge lifecycle:
 *   pending → paid | failed | expired | cancelled
 *   expired → paid            (money arrived late: credited, `is_late` set for a treasurer)
 *   paid → refunded | partially_refunded
 */
export const PLEDGE_STATUSES = ["pending", "paid", "failed", "expired", "cancelled", "refunded", "partially_refunded"] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** Online providers that call us back. */
export const PROVIDERS = ["vnpay", "stripe", "casso", "sepay", "statement"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** pending → succeeded | failed | expired (one try to pay a pledge at a provider). */
export const ATTEMPT_STATUSES = ["pending", "succeeded", "failed", "expired"] as const;

export const SPONSORSHIP_KINDS = ["monthly", "whole_need"] as const;
/** pending (first instalment unpaid) → active → completed | lapsed | cancelled */
export const SPONSORSHIP_STATUSES = ["pending", "active", "completed", "lapsed", "cancelled"] as const;
export type SponsorshipStatus = (typeof SPONSORSHIP_STATUSES)[number];

export const BANK_TX_SOURCES = ["casso", "sepay", "statement", "manual"] as const;
/** waiting (triage) → matched | accepted (amount accepted by a treasurer) | returned | ignored */
export const BANK_TX_STATUSES = ["waiting", "matched", "accepted", "returned", "ignored"] as const;

/** recorded → approved (ledger posted) | rejected */
export const DISBURSEMENT_STATUSES = ["recorded", "approved", "rejected"] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

export const UPDATE_KINDS = ["progress", "disbursement", "thank_you", "completion"] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

export const CAMPAIGN_KINDS = ["programme", "month", "tet", "appeal", "anniversary"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_STATUSES = ["draft", "active", "ended"] as const;

export const MEDIA_KINDS = ["photo", "receipt", "handover_proof", "consent_document"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_STORAGES = ["local", "cloudinary"] as const;

/** pending → running → done | pending (retry with backoff) | dead (after max attempts) */
export const JOB_STATUSES = ["pending", "running", "done", "dead"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Ledger group kinds: one economic event each.
 * donation: money from a donor to an address (or one of its needs).
 * in_kind_receipt: goods received for an address, valued at the need's unit cost.
 * disbursement: money spent on an address (approved spending).
 * in_kind_handover: goods handed over to the beneficiary.
 * refund: money returned to a donor (reverses part or all of a donation).
 * fee: a processor fee reported by the provider.
 * correction: a reversing entry that corrects an earlier group.
 */
export const LEDGER_KINDS = ["donation", "in_kind_receipt", "disbursement", "in_kind_handover", "refund", "fee", "correction"] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * Ledger accounts. Amounts are signed: + increases the account.
 * donors: the outside world money comes from (goes negative as gifts arrive).
 * address_fund: money or goods held for an address (optionally one need line).
 * payees: the outside world money is spent to.
 * processor_fees: what providers kept.
 */
export const LEDGER_ACCOUNTS = ["donors", "address_fund", "payees", "processor_fees"] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export const CURRENCIES = ["VND"] as const;
