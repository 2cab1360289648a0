import { relations, sql, type SQL } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  char,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import * as E from "./enums";

// Money is an integer number of đồng: bigint in mode "number", checked with Number.isSafeInteger in the ledger.
const money = (name: string) => bigint(name, { mode: "number" });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();
/** Full-text search document; written only by PostgreSQL (a generated column). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// Public catalogue: which statuses the default list shows, and which are public at all. Inlined
// as literals (never bound parameters) in index predicates and queries, so partial indexes match.
const LISTED = sql.raw(`('published', 'funded')`);
const PUBLIC = sql.raw(`('published', 'funded', 'completed', 'closed')`);

export const chapterLevel = pgEnum("chapter_level", E.CHAPTER_LEVELS);
export const unitKind = pgEnum("unit_kind", E.UNIT_KINDS);
export const role = pgEnum("role", E.ROLES);
export const addressCategory = pgEnum("address_category", E.ADDRESS_CATEGORIES);
export const addressStatus = pgEnum("address_status", E.ADDRESS_STATUSES);
export const consentRelationship = pgEnum("consent_relationship", E.CONSENT_RELATIONSHIPS);
export const needKind = pgEnum("need_kind", E.NEED_KINDS);
export const nameDisplay = pgEnum("name_display", E.NAME_DISPLAYS);
export const paymentMethod = pgEnum("payment_method", E.PAYMENT_METHODS);
export const pledgeStatus = pgEnum("pledge_status", E.PLEDGE_STATUSES);
export const provider = pgEnum("provider", E.PROVIDERS);
export const attemptStatus = pgEnum("attempt_status", E.ATTEMPT_STATUSES);
export const sponsorshipKind = pgEnum("sponsorship_kind", E.SPONSORSHIP_KINDS);
export const sponsorshipStatus = pgEnum("sponsorship_status", E.SPONSORSHIP_STATUSES);
export const bankTxSource = pgEnum("bank_tx_source", E.BANK_TX_SOURCES);
export const bankTxStatus = pgEnum("bank_tx_status", E.BANK_TX_STATUSES);
export const disbursementStatus = pgEnum("disbursement_status", E.DISBURSEMENT_STATUSES);
export const updateKind = pgEnum("update_kind", E.UPDATE_KINDS);
export const campaignKind = pgEnum("campaign_kind", E.CAMPAIGN_KINDS);
export const campaignStatus = pgEnum("campaign_status", E.CAMPAIGN_STATUSES);
export const mediaKind = pgEnum("media_kind", E.MEDIA_KINDS);
export const mediaStorage = pgEnum("media_storage", E.MEDIA_STORAGES);
export const jobStatus = pgEnum("job_status", E.JOB_STATUSES);
export const ledgerKind = pgEnum("ledger_kind", E.LEDGER_KINDS);
export const ledgerAccount = pgEnum("ledger_account", E.LEDGER_ACCOUNTS);

// ───────────────────────────── organisation ─────────────────────────────

export const chapters = pgTable(
  "chapters",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    level: chapterLevel("level").notNull(),
    unitKind: unitKind("unit_kind"),
    parentId: integer("parent_id").references((): any => chapters.id),
    /** Materialised ids from the root, e.g. "/1/4/17/": `path LIKE '/1/4/%'` is this chapter and all below. */
    path: text("path").notNull(),
    province: text("province"),
    commune: text("commune"),
    description: text("description"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    postalAddress: text("postal_address"),
    /** Charity account used for VietQR (NAPAS BIN, account number, account holder). */
    bankBin: text("bank_bin"),
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("chapters_slug_uq").on(t.slug),
    uniqueIndex("chapters_path_uq").on(t.path),
    index("chapters_parent_idx").on(t.parentId),
    index("chapters_path_prefix_idx").on(sql`${t.path} text_pattern_ops`),
    check("chapters_root_is_central", sql`(${t.parentId} IS NULL) = (${t.level} = 'central')`),
    check("chapters_unit_kind", sql`(${t.unitKind} IS NULL) = (${t.level} <> 'unit')`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Stored lower-cased. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    phone: text("phone"),
    /** argon2id PHC string; null for accounts that cannot log in with a password. */
    passwordHash: text("password_hash"),
    isAdmin: boolean("is_admin").notNull().default(false),
    locale: text("locale").notNull().default("vi"),
    disabledAt: ts("disabled_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), check("users_email_lower", sql`${t.email} = lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id").notNull().references(() => users.id),
    chapterId: integer("chapter_id").notNull().references(() => chapters.id),
    role: role("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("memberships_user_chapter_role_uq").on(t.userId, t.chapterId, t.role), index("memberships_chapter_idx").on(t.chapterId)],
);

// ───────────────────────────── campaigns ─────────────────────────────

export const campaigns = pgTable(
  "campaigns",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    kind: campaignKind("kind").notNull(),
    status: campaignStatus("status").notNull().default("active"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    description: text("description").notNull().default(""),
    organiserChapterId: integer("organiser_chapter_id").notNull().references(() => chapters.id),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    goal: money("goal"),
    /** A campaign's own account wins over the chapter's for VietQR. */
    bankBin: text("bank_bin"),
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    coverMediaId: integer("cover_media_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaigns_slug_uq").on(t.slug),
    check("campaigns_goal_positive", sql`${t.goal} IS NULL OR ${t.goal} > 0`),
    check("campaigns_dates", sql`${t.endsOn} IS NULL OR ${t.startsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
  ],
);

// ───────────────────────────── addresses ─────────────────────────────

/** One sort order's indexes: listed (alone and after each filter column) and all public statuses. */
function catalogueIndexes(
  t: { status: AnyPgColumn; province: AnyPgColumn; formerProvince: AnyPgColumn; commune: AnyPgColumn; category: AnyPgColumn; programmeId: AnyPgColumn },
  name: string,
  keys: SQL[],
) {
  const listed = sql`${t.status} in ${LISTED}`;
  const filters = [
    ["province", t.province],
    ["former", t.formerProvince],
    ["commune", t.commune],
    ["category", t.category],
    ["programme", t.programmeId],
  ] as const;
  const [first, ...rest] = keys;
  return [
    index(`addresses_list_${name}_idx`).on(first, ...rest).where(listed),
    ...filters.map(([label, column]) => index(`addresses_list_${name}_${label}_idx`).on(column, ...keys).where(listed)),
    index(`addresses_public_${name}_idx`).on(first, ...rest).where(sql`${t.status} in ${PUBLIC}`),
  ];
}

export const addresses = pgTable(
  "addresses",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    chapterId: integer("chapter_id").notNull().references(() => chapters.id),
    category: addressCategory("category").notNull(),
    /** One of the national programmes (a campaign of kind `programme`). */
    programmeId: integer("programme_id").references(() => campaigns.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Markdown, sanitised when rendered. */
    story: text("story").notNull().default(""),
    /** Public alias such as "Gia đình anh T."; never the full name. */
    publicAlias: text("public_alias").notNull(),
    province: text("province").notNull(),
    /** Province name before the 2025 merger, when it differs ("Kiên Giang"). */
    formerProvince: text("former_province"),
    commune: text("commune").notNull(),
    urgency: smallint("urgency").notNull().default(2),
    householdSize: smallint("household_size"),
    status: addressStatus("status").notNull().default("draft"),
    deadline: date("deadline", { mode: "string" }),
    coverMediaId: integer("cover_media_id"),
    createdBy: integer("created_by").references(() => users.id),
    submittedAt: ts("submitted_at"),
    rejectedReason: text("rejected_reason"),
    verifiedBy: integer("verified_by").references(() => users.id),
    verifiedChapterId: integer("verified_chapter_id").references(() => chapters.id),
    verifiedAt: ts("verified_at"),
    /** After this date the verification is overdue and the page warns. */
    reverifyDueAt: ts("reverify_due_at"),
    publishedAt: ts("published_at"),
    fundedAt: ts("funded_at"),
    completedAt: ts("completed_at"),
    closedAt: ts("closed_at"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /**
     * Search document without diacritics or case ("ngu dan rach gia" finds "ngư dân … Rạch Giá"):
     * the title (weight A) and the place names (B: commune, province, former province). Summary and
     * alias stay out: words in every row ("gia đình", "rách") would make precise searches match
     * thousands of rows at national size, and ranking reads every match.
     */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', public.f_unaccent(lower("title"))), 'A') || setweight(to_tsvector('simple', public.f_unaccent(lower("commune" || ' ' || "province" || ' ' || coalesce("former_province", '')))), 'B')`,
      ),
  },
  (t) => [
    uniqueIndex("addresses_slug_uq").on(t.slug),
    index("addresses_chapter_idx").on(t.chapterId),
    index("addresses_status_idx").on(t.status, t.urgency, t.id),
    index("addresses_province_idx").on(t.province, t.status),
    index("addresses_programme_idx").on(t.programmeId),
    // Catalogue sort orders, one keyset each (all keys ascending so a row comparison is an index range):
    //   urgent = (-urgency, deadline or infinity, id) · newest = (published_at or created_at, id), read backwards.
    // Partial on the listed statuses (≈ a tenth of all addresses, so small), plus one per filter column.
    ...catalogueIndexes(t, "urgent", [sql`(-${t.urgency})`, sql`coalesce(${t.deadline}, 'infinity'::date)`, sql`${t.id}`]),
    ...catalogueIndexes(t, "newest", [sql`coalesce(${t.publishedAt}, ${t.createdAt})`, sql`${t.id}`]),
    index("addresses_search_listed_idx").using("gin", t.searchVector).where(sql`${t.status} in ${LISTED}`),
    index("addresses_search_public_idx").using("gin", t.searchVector).where(sql`${t.status} in ${PUBLIC}`),
    check("addresses_urgency_range", sql`${t.urgency} BETWEEN 1 AND 4`),
    check("addresses_household_positive", sql`${t.householdSize} IS NULL OR ${t.householdSize} > 0`),
    check("addresses_verifier_not_author", sql`${t.verifiedBy} IS NULL OR ${t.createdBy} IS NULL OR ${t.verifiedBy} <> ${t.createdBy}`),
  ],
);

/**
 * Staff-only facts about the beneficiary, in a table of their own so that no public query
 * (or `select *`) on addresses can carry them out by accident.
 */
export const addressPrivate = pgTable(
  "address_private",
  {
    addressId: integer("address_id")
      .primaryKey()
      .references(() => addresses.id),
    beneficiaryName: text("beneficiary_name").notNull(),
    birthYear: smallint("birth_year"),
    exactLocation: text("exact_location"),
    phone: text("phone"),
    /** HMAC-SHA256 of the normalised ID number with ID_HASH_KEY; never the number itself. */
    idNumberHash: text("id_number_hash"),
    /** Name without diacritics + birth year + commune, to warn about the same person posted twice. */
    duplicateKey: text("duplicate_key").notNull(),
    staffNotes: text("staff_notes"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("address_private_dup_idx").on(t.duplicateKey), index("address_private_idhash_idx").on(t.idNumberHash)],
);

export const addressCampaigns = pgTable(
  "address_campaigns",
  {
    addressId: integer("address_id")
      .notNull()
      .references(() => addresses.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
  },
  (t) => [primaryKey({ columns: [t.addressId, t.campaignId] }), index("address_campaigns_campaign_idx").on(t.campaignId)],
);

export const consents = pgTable(
  "consents",
  {
    id: serial("id").primaryKey(),
    addressId: integer("address_id")
      .notNull()
      .references(() => addresses.id),
    givenByName: text("given_by_name").notNull(),
    relationship: consentRelationship("relationship").notNull(),
    scopeStory: boolean("scope_story").notNull().default(false),
    scopePhotos: boolean("scope_photos").notNull().default(false),
    scopeFirstName: boolean("scope_first_name").notNull().default(false),
    givenOn: date("given_on", { mode: "string" }).notNull(),
    documentMediaId: integer("document_media_id"),
    recordedBy: integer("recorded_by").references(() => users.id),
    withdrawnAt: ts("withdrawn_at"),
    withdrawnBy: integer("withdrawn_by").references(() => users.id),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("consents_address_idx").on(t.addressId)],
);

export const needs = pgTable(
  "needs",
  {
    id: serial("id").primaryKey(),
    addressId: integer("address_id")
      .notNull()
      .references(() => addresses.id),
    title: text("title").notNull(),
    kind: needKind("kind").notNull(),
    quantity: integer("quantity").notNull().default(1),
    unit: text("unit").notNull().default(""),
    unitCost: money("unit_cost").notNull(),
    amount: money("amount").notNull(),
    /** Goods handed over so far (in-kind lines). Money funded lives in need_totals. */
    fulfilledQuantity: integer("fulfilled_quantity").notNull().default(0),
    sortOrder: smallint("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("needs_address_idx").on(t.addressId),
    check("needs_quantity_positive", sql`${t.quantity} > 0`),
    check("needs_unit_cost_positive", sql`${t.unitCost} > 0`),
    check("needs_amount_positive", sql`${t.amount} > 0`),
    check("needs_amount_is_quantity_times_cost", sql`${t.amount} = ${t.quantity}::bigint * ${t.unitCost}`),
    check("needs_fulfilled_range", sql`${t.fulfilledQuantity} BETWEEN 0 AND ${t.quantity}`),
  ],
);

// ───────────────────────────── giving ─────────────────────────────

export const sponsorships = pgTable(
  "sponsorships",
  {
    id: serial("id").primaryKey(),
    kind: sponsorshipKind("kind").notNull(),
    status: sponsorshipStatus("status").notNull().default("pending"),
    addressId: integer("address_id")
      .notNull()
      .references(() => addresses.id),
    needId: integer("need_id").references(() => needs.id),
    donorUserId: integer("donor_user_id").references(() => users.id),
    /** Organisation adopting a whole need, shown per the name display choice. */
    donorName: text("donor_name").notNull(),
    nameDisplay: nameDisplay("name_display").notNull().default("full"),
    /** Exclusive: the address/need is no longer offered for adoption to others while active. */
    exclusive: boolean("exclusive").notNull().default(true),
    monthlyAmount: money("monthly_amount"),
    months: smallint("months"),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    stripeSubscriptionId: text("stripe_subscription_id"),
    lapsedAt: ts("lapsed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sponsorships_address_idx").on(t.addressId),
    uniqueIndex("sponsorships_stripe_sub_uq").on(t.stripeSubscriptionId),
    // At most one active exclusive adoption per address/need (need 0 = the whole address).
    uniqueIndex("sponsorships_one_active_exclusive_uq")
      .on(t.addressId, sql`coalesce(${t.needId}, 0)`)
      .where(sql`${t.exclusive} AND ${t.status} = 'active'`),
    check("sponsorships_monthly_positive", sql`${t.monthlyAmount} IS NULL OR ${t.monthlyAmount} > 0`),
    check("sponsorships_months_positive", sql`${t.months} IS NULL OR ${t.months} BETWEEN 1 AND 120`),
    check(
      "sponsorships_shape",
      sql`(${t.kind} = 'monthly' AND ${t.monthlyAmount} IS NOT NULL AND ${t.months} IS NOT NULL) OR (${t.kind} = 'whole_need' AND ${t.needId} IS NOT NULL)`,
    ),
  ],
);

export const pledges = pgTable(
  "pledges",
  {
    id: serial("id").primaryKey(),
    /** Short public code such as TRAO7KQ2M9: the bank memo, the receipt number and the key to verify it. */
    publicCode: text("public_code").notNull(),
    addressId: integer("address_id")
      .notNull()
      .references(() => addresses.id),
    needId: integer("need_id").references(() => needs.id),
    campaignId: integer("campaign_id").references(() => campaigns.id),
    sponsorshipId: integer("sponsorship_id").references(() => sponsorships.id),
    donorUserId: integer("donor_user_id").references(() => users.id),
    /** The name the donor gave (guest or user); shown only as `name_display` allows. */
    donorName: text("donor_name").notNull(),
    guestEmail: text("guest_email"),
    nameDisplay: nameDisplay("name_display").notNull().default("full"),
    message: text("message"),
    amount: money("amount").notNull(),
    /** In-kind pledges: quantity of the need's unit (valued at its unit cost in `amount`). */
    quantity: integer("quantity"),
    method: paymentMethod("method").notNull(),
    status: pledgeStatus("status").notNull().default("pending"),
    receivedAmount: money("received_amount").notNull().default(0),
    refundedAmount: money("refunded_amount").notNull().default(0),
    /** Money arrived after expiry: credited, flagged for a treasurer. */
    isLate: boolean("is_late").notNull().default(false),
    expiresAt: ts("expires_at"),
    paidAt: ts("paid_at"),
    /** Cash taken at an event: the paper receipt number and who recorded it. */
    receiptNumber: text("receipt_number"),
    recordedBy: integer("recorded_by").references(() => users.id),
    locale: text("locale").notNull().default("vi"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("pledges_public_code_uq").on(t.publicCode),
    index("pledges_address_idx").on(t.addressId, t.status),
    index("pledges_donor_idx").on(t.donorUserId),
    index("pledges_sponsorship_idx").on(t.sponsorshipId),
    index("pledges_pending_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'pending'`),
    check("pledges_amount_positive", sql`${t.amount} > 0`),
    check("pledges_quantity_positive", sql`${t.quantity} IS NULL OR ${t.quantity} > 0`),
    check("pledges_received_nonneg", sql`${t.receivedAmount} >= 0`),
    check("pledges_refunded_range", sql`${t.refundedAmount} >= 0 AND ${t.refundedAmount} <= ${t.receivedAmount}`),
    check("pledges_public_code_format", sql`${t.publicCode} ~ '^TRAO[0-9A-Z]{6,12}$'`),
  ],
);

export const paymentAttempts = pgTable(
  "payment_attempts",
  {
    id: serial("id").primaryKey(),
    pledgeId: integer("pledge_id")
      .notNull()
      .references(() => pledges.id),
    provider: provider("provider").notNull(),
    attemptNo: smallint("attempt_no").notNull(),
    /** What we sent: vnp_TxnRef (public code + attempt suffix), Stripe Checkout Session id… */
    txnRef: text("txn_ref").notNull(),
    /** What the provider calls it: vnp_TransactionNo, Stripe PaymentIntent id… */
    providerRef: text("provider_ref"),
    amount: money("amount").notNull(),
    status: attemptStatus("status").notNull().default("pending"),
    createdAt: createdAt(),
    completedAt: ts("completed_at"),
  },
  (t) => [
    uniqueIndex("payment_attempts_txn_ref_uq").on(t.provider, t.txnRef),
    uniqueIndex("payment_attempts_provider_ref_uq").on(t.provider, t.providerRef),
    unique("payment_attempts_pledge_attempt_uq").on(t.pledgeId, t.attemptNo),
    check("payment_attempts_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** Every provider callback as received; a duplicate (provider, external_id) is a no-op. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provider: provider("provider").notNull(),
    externalId: text("external_id").notNull(),
    eventType: text("event_type"),
    pledgeId: integer("pledge_id").references(() => pledges.id),
    payload: jsonb("payload").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
    handledAt: ts("handled_at"),
    error: text("error"),
  },
  (t) => [uniqueIndex("payment_events_provider_external_uq").on(t.provider, t.externalId), index("payment_events_pledge_idx").on(t.pledgeId)],
);

/** Bank statement lines from a webhook or an import, matched to a pledge or waiting in triage. */
export const bankTransactions = pgTable(
  "bank_transactions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    source: bankTxSource("source").notNull(),
    externalId: text("external_id").notNull(),
    accountNumber: text("account_number"),
    amount: money("amount").notNull(),
    memo: text("memo").notNull().default(""),
    transactedAt: ts("transacted_at").notNull(),
    status: bankTxStatus("status").notNull().default("waiting"),
    matchedPledgeId: integer("matched_pledge_id").references(() => pledges.id),
    resolvedBy: integer("resolved_by").references(() => users.id),
    resolvedAt: ts("resolved_at"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("bank_transactions_source_external_uq").on(t.source, t.externalId),
    index("bank_transactions_triage_idx").on(t.status, t.transactedAt),
    check("bank_transactions_amount_nonzero", sql`${t.amount} <> 0`),
  ],
);

// ───────────────────────────── spending and progress ─────────────────────────────

export const disbursements = pgTable(
  "disbursements",
  {
    id: serial("id").primaryKey(),
    addressId: integer("address_id")
      .notNull()
      .references(() => addresses.id),
    needId: integer("need_id").references(() => needs.id),
    kind: needKind("kind").notNull().default("cash"),
    amount: money("amount").notNull(),
    quantity: integer("quantity"),
    /** Shown in public: "Cửa hàng ngư cụ Hà Tiên", never a private person's account. */
    payeePublic: text("payee_public").notNull(),
    description: text("description").notNull().default(""),
    spentOn: date("spent_on", { mode: "string" }).notNull(),
    receiptMediaId: integer("receipt_media_id"),
    status: disbursementStatus("status").notNull().default("recorded"),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: ts("approved_at"),
    rejectedReason: text("rejected_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("disbursements_address_idx").on(t.addressId),
    check("disbursements_amount_positive", sql`${t.amount} > 0`),
    check("disbursements_quantity_positive", sql`${t.quantity} IS NULL OR ${t.quantity} > 0`),
    check("disbursements_approver_not_recorder", sql`${t.approvedBy} IS NULL OR ${t.approvedBy} <> ${t.recordedBy}`),
    check("disbursements_approved_shape", sql`(${t.status} = 'approved') = (${t.approvedBy} IS NOT NULL AND ${t.approvedAt} IS NOT NULL)`),
  ],
);

export const updates = pgTable(
  "updates",
  {
    id: serial("id").primaryKey(),
    addressId: integer("address_id")
      .notNull()
      .references(() => addresses.id),
    kind: updateKind("kind").notNull(),
    title: text("title").notNull(),
    /** Markdown, sanitised when rendered. */
    body: text("body").notNull().default(""),
    disbursementId: integer("disbursement_id").references(() => disbursements.id),
    authorId: integer("author_id").references(() => users.id),
    publishedAt: ts("published_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("updates_address_idx").on(t.addressId, t.publishedAt)],
);

export const media = pgTable(
  "media",
  {
    id: serial("id").primaryKey(),
    kind: mediaKind("kind").notNull(),
    storage: mediaStorage("storage").notNull(),
    /** Local: file name under DATA_DIR/media; Cloudinary: public_id. */
    storageKey: text("storage_key").notNull(),
    sha256: char("sha256", { length: 64 }).notNull(),
    mime: text("mime").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    alt: text("alt").notNull().default(""),
    addressId: integer("address_id").references(() => addresses.id),
    updateId: integer("update_id").references(() => updates.id),
    disbursementId: integer("disbursement_id").references(() => disbursements.id),
    /** Photos of people need a consent with scope_photos; withdrawn consent hides the photo. */
    consentId: integer("consent_id").references(() => consents.id),
    isPublic: boolean("is_public").notNull().default(false),
    sortOrder: smallint("sort_order").notNull().default(0),
    uploadedBy: integer("uploaded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("media_address_idx").on(t.addressId),
    index("media_update_idx").on(t.updateId),
    index("media_sha_idx").on(t.sha256),
    check("media_size_positive", sql`${t.bytes} > 0 AND ${t.width} > 0 AND ${t.height} > 0`),
  ],
);

// ───────────────────────────── outbox ─────────────────────────────

/** The transactional outbox: inserted in the same transaction as the change that causes the work. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default({}),
    status: jobStatus("status").notNull().default("pending"),
    runAt: ts("run_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    lockedAt: ts("locked_at"),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    /** Optional: a second enqueue with the same key is ignored (e.g. one receipt per pledge). */
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    index("jobs_due_idx").on(t.runAt, t.id).where(sql`${t.status} = 'pending'`),
    index("jobs_running_idx").on(t.lockedAt).where(sql`${t.status} = 'running'`),
    uniqueIndex("jobs_dedupe_uq").on(t.dedupeKey),
    check("jobs_attempts_range", sql`${t.attempts} >= 0 AND ${t.maxAttempts} > 0`),
  ],
);

// ───────────────────────────── ledger ─────────────────────────────

/** One economic event. Append-only: UPDATE, DELETE and TRUNCATE are refused by triggers. */
export const ledgerGroups = pgTable(
  "ledger_groups",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: ledgerKind("kind").notNull(),
    currency: char("currency", { length: 3 }).notNull().default("VND"),
    memo: text("memo").notNull().default(""),
    /** Makes a retried writer harmless: e.g. "donation:vnpay:14226112". */
    idempotencyKey: text("idempotency_key").notNull(),
    pledgeId: integer("pledge_id").references(() => pledges.id),
    disbursementId: integer("disbursement_id").references(() => disbursements.id),
    /** For refund/correction: the group it reverses (partly or wholly). */
    reversesGroupId: bigint("reverses_group_id", { mode: "number" }).references((): any => ledgerGroups.id),
    /** Provider reference (bank ref, vnp_TransactionNo…) when money came through one. */
    providerRef: text("provider_ref"),
    createdBy: integer("created_by").references(() => users.id),
    occurredAt: ts("occurred_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ledger_groups_idempotency_uq").on(t.idempotencyKey),
    uniqueIndex("ledger_groups_provider_ref_uq").on(t.kind, t.providerRef),
    index("ledger_groups_pledge_idx").on(t.pledgeId),
    index("ledger_groups_disbursement_idx").on(t.disbursementId),
    index("ledger_groups_occurred_idx").on(t.occurredAt),
    check("ledger_groups_currency", sql`${t.currency} = 'VND'`),
  ],
);

export const ledgerLines = pgTable(
  "ledger_lines",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    groupId: bigint("group_id", { mode: "number" })
      .notNull()
      .references(() => ledgerGroups.id),
    account: ledgerAccount("account").notNull(),
    addressId: integer("address_id").references(() => addresses.id),
    needId: integer("need_id").references(() => needs.id),
    amount: money("amount").notNull(),
    currency: char("currency", { length: 3 }).notNull().default("VND"),
  },
  (t) => [
    index("ledger_lines_group_idx").on(t.groupId),
    index("ledger_lines_address_idx").on(t.addressId),
    index("ledger_lines_need_idx").on(t.needId),
    check("ledger_lines_amount_nonzero", sql`${t.amount} <> 0`),
    check("ledger_lines_currency", sql`${t.currency} = 'VND'`),
    check("ledger_lines_fund_has_address", sql`(${t.account} = 'address_fund') = (${t.addressId} IS NOT NULL)`),
    check("ledger_lines_need_needs_address", sql`${t.needId} IS NULL OR ${t.addressId} IS NOT NULL`),
  ],
);

/**
 * Cached totals, kept by the ledger module in the same transaction as the lines.
 * raised: donations and in-kind receipts less refunds; disbursed: spending and handovers; fees: processor fees.
 * Balance = raised − disbursed − fees = SUM(address_fund lines).
 */
export const addressTotals = pgTable(
  "address_totals",
  {
    addressId: integer("address_id")
      .primaryKey()
      .references(() => addresses.id),
    raised: money("raised").notNull().default(0),
    disbursed: money("disbursed").notNull().default(0),
    fees: money("fees").notNull().default(0),
    gifts: integer("gifts").notNull().default(0),
    lastGiftAt: ts("last_gift_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    /** Sum of the address's needs, kept by database triggers on needs (every writer keeps it right). */
    goal: money("goal").notNull().default(0),
    /** Copy of addresses.status, kept by database triggers, so % funded sorts can use partial indexes. */
    addressStatus: addressStatus("address_status").notNull().default("draft"),
    /** min(1000, raised × 1000 / goal), 0 without a goal: the "least / nearly funded" sort key. */
    fundedPermille: integer("funded_permille")
      .notNull()
      .generatedAlwaysAs(sql`CASE WHEN "goal" > 0 THEN least(1000, greatest("raised", 0) * 1000 / "goal")::integer ELSE 0 END`),
  },
  (t) => [
    check("address_totals_nonneg", sql`${t.disbursed} >= 0 AND ${t.fees} >= 0 AND ${t.gifts} >= 0`),
    check("address_totals_goal_nonneg", sql`${t.goal} >= 0`),
    index("address_totals_listed_funded_idx").on(t.fundedPermille, t.addressId).where(sql`${t.addressStatus} in ${LISTED}`),
    index("address_totals_public_funded_idx").on(t.fundedPermille, t.addressId).where(sql`${t.addressStatus} in ${PUBLIC}`),
  ],
);

export const needTotals = pgTable(
  "need_totals",
  {
    needId: integer("need_id")
      .primaryKey()
      .references(() => needs.id),
    funded: money("funded").notNull().default(0),
    disbursed: money("disbursed").notNull().default(0),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [check("need_totals_disbursed_nonneg", sql`${t.disbursed} >= 0`)],
);

/** Figures for chapters, campaigns and the nation, compacted by a job from address_totals. */
export const statsRollups = pgTable("stats_rollups", {
  /** "site", "chapter:12", "campaign:3", "province:An Giang" */
  scope: text("scope").primaryKey(),
  raised: money("raised").notNull().default(0),
  disbursed: money("disbursed").notNull().default(0),
  gifts: integer("gifts").notNull().default(0),
  donors: integer("donors").notNull().default(0),
  addressesHelped: integer("addresses_helped").notNull().default(0),
  addressesListed: integer("addresses_listed").notNull().default(0),
  computedAt: ts("computed_at").notNull().defaultNow(),
});

/** Every staff action: who, what, before, after. Append-only like the ledger. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    chapterId: integer("chapter_id").references(() => chapters.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), index("audit_log_actor_idx").on(t.actorUserId)],
);

// ───────────────────────────── relations ─────────────────────────────

export const chaptersRelations = relations(chapters, ({ one, many }) => ({
  parent: one(chapters, { fields: [chapters.parentId], references: [chapters.id], relationName: "tree" }),
  children: many(chapters, { relationName: "tree" }),
  addresses: many(addresses),
  memberships: many(memberships),
}));
export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships) }));
export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  chapter: one(chapters, { fields: [memberships.chapterId], references: [chapters.id] }),
}));
export const addressesRelations = relations(addresses, ({ one, many }) => ({
  chapter: one(chapters, { fields: [addresses.chapterId], references: [chapters.id] }),
  programme: one(campaigns, { fields: [addresses.programmeId], references: [campaigns.id] }),
  private: one(addressPrivate, { fields: [addresses.id], references: [addressPrivate.addressId] }),
  totals: one(addressTotals, { fields: [addresses.id], references: [addressTotals.addressId] }),
  needs: many(needs),
  consents: many(consents),
  updates: many(updates),
  media: many(media),
  pledges: many(pledges),
  disbursements: many(disbursements),
  campaigns: many(addressCampaigns),
}));
export const addressCampaignsRelations = relations(addressCampaigns, ({ one }) => ({
  address: one(addresses, { fields: [addressCampaigns.addressId], references: [addresses.id] }),
  campaign: one(campaigns, { fields: [addressCampaigns.campaignId], references: [campaigns.id] }),
}));
export const needsRelations = relations(needs, ({ one }) => ({
  address: one(addresses, { fields: [needs.addressId], references: [addresses.id] }),
  totals: one(needTotals, { fields: [needs.id], references: [needTotals.needId] }),
}));
export const pledgesRelations = relations(pledges, ({ one, many }) => ({
  address: one(addresses, { fields: [pledges.addressId], references: [addresses.id] }),
  need: one(needs, { fields: [pledges.needId], references: [needs.id] }),
  attempts: many(paymentAttempts),
}));
export const paymentAttemptsRelations = relations(paymentAttempts, ({ one }) => ({
  pledge: one(pledges, { fields: [paymentAttempts.pledgeId], references: [pledges.id] }),
}));
export const ledgerGroupsRelations = relations(ledgerGroups, ({ many }) => ({ lines: many(ledgerLines) }));
export const ledgerLinesRelations = relations(ledgerLines, ({ one }) => ({
  group: one(ledgerGroups, { fields: [ledgerLines.groupId], references: [ledgerGroups.id] }),
}));
export const campaignsRelations = relations(campaigns, ({ one, many }) => ({
  organiser: one(chapters, { fields: [campaigns.organiserChapterId], references: [chapters.id] }),
  addresses: many(addressCampaigns),
}));
export const updatesRelations = relations(updates, ({ one, many }) => ({
  address: one(addresses, { fields: [updates.addressId], references: [addresses.id] }),
  media: many(media),
}));
export const mediaRelations = relations(media, ({ one }) => ({
  address: one(addresses, { fields: [media.addressId], references: [addresses.id] }),
  update: one(updates, { fields: [media.updateId], references: [updates.id] }),
}));
export const disbursementsRelations = relations(disbursements, ({ one }) => ({
  address: one(addresses, { fields: [disbursements.addressId], references: [addresses.id] }),
  need: one(needs, { fields: [disbursements.needId], references: [needs.id] }),
}));

export type Chapter = typeof chapters.$inferSelect;
export type User = typeof users.$inferSelect;
export type Address = typeof addresses.$inferSelect;
export type Need = typeof needs.$inferSelect;
export type Pledge = typeof pledges.$inferSelect;
export type Campaign = typeof campaigns.$inferSelect;
export type Disbursement = typeof disbursements.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type LedgerGroup = typeof ledgerGroups.$inferSelect;
export type LedgerLine = typeof ledgerLines.$inferSelect;
