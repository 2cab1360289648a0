CREATE TYPE "public"."address_category" AS ENUM('poor_household', 'poor_fisherman', 'malnourished_child', 'disabled_child', 'elderly_alone', 'sick', 'disaster_victim', 'student', 'other');--> statement-breakpoint
CREATE TYPE "public"."address_status" AS ENUM('draft', 'submitted', 'rejected', 'published', 'funded', 'completed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."attempt_status" AS ENUM('pending', 'succeeded', 'failed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."bank_tx_source" AS ENUM('casso', 'sepay', 'statement', 'manual');--> statement-breakpoint
CREATE TYPE "public"."bank_tx_status" AS ENUM('waiting', 'matched', 'accepted', 'returned', 'ignored');--> statement-breakpoint
CREATE TYPE "public"."campaign_kind" AS ENUM('programme', 'month', 'tet', 'appeal', 'anniversary');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."chapter_level" AS ENUM('central', 'province', 'commune', 'unit');--> statement-breakpoint
CREATE TYPE "public"."consent_relationship" AS ENUM('self', 'parent', 'guardian', 'spouse', 'child', 'other_relative', 'local_authority');--> statement-breakpoint
CREATE TYPE "public"."disbursement_status" AS ENUM('recorded', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('pending', 'running', 'done', 'dead');--> statement-breakpoint
CREATE TYPE "public"."ledger_account" AS ENUM('donors', 'address_fund', 'payees', 'processor_fees');--> statement-breakpoint
CREATE TYPE "public"."ledger_kind" AS ENUM('donation', 'in_kind_receipt', 'disbursement', 'in_kind_handover', 'refund', 'fee', 'correction');--> statement-breakpoint
CREATE TYPE "public"."media_kind" AS ENUM('photo', 'receipt', 'handover_proof', 'consent_document');--> statement-breakpoint
CREATE TYPE "public"."media_storage" AS ENUM('local', 'cloudinary');--> statement-breakpoint
CREATE TYPE "public"."name_display" AS ENUM('full', 'initials', 'anonymous');--> statement-breakpoint
CREATE TYPE "public"."need_kind" AS ENUM('cash', 'in_kind');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('vnpay', 'stripe', 'bank_transfer', 'cash', 'in_kind');--> statement-breakpoint
CREATE TYPE "public"."pledge_status" AS ENUM('pending', 'paid', 'failed', 'expired', 'cancelled', 'refunded', 'partially_refunded');--> statement-breakpoint
CREATE TYPE "public"."provider" AS ENUM('vnpay', 'stripe', 'casso', 'sepay', 'statement');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('editor', 'verifier', 'treasurer', 'manager');--> statement-breakpoint
CREATE TYPE "public"."sponsorship_kind" AS ENUM('monthly', 'whole_need');--> statement-breakpoint
CREATE TYPE "public"."sponsorship_status" AS ENUM('pending', 'active', 'completed', 'lapsed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('school', 'hospital', 'enterprise', 'other');--> statement-breakpoint
CREATE TYPE "public"."update_kind" AS ENUM('progress', 'disbursement', 'thank_you', 'completion');--> statement-breakpoint
CREATE TABLE "address_campaigns" (
	"address_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	CONSTRAINT "address_campaigns_address_id_campaign_id_pk" PRIMARY KEY("address_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "address_private" (
	"address_id" integer PRIMARY KEY NOT NULL,
	"beneficiary_name" text NOT NULL,
	"birth_year" smallint,
	"exact_location" text,
	"phone" text,
	"id_number_hash" text,
	"duplicate_key" text NOT NULL,
	"staff_notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "address_totals" (
	"address_id" integer PRIMARY KEY NOT NULL,
	"raised" bigint DEFAULT 0 NOT NULL,
	"disbursed" bigint DEFAULT 0 NOT NULL,
	"fees" bigint DEFAULT 0 NOT NULL,
	"gifts" integer DEFAULT 0 NOT NULL,
	"last_gift_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "address_totals_nonneg" CHECK ("address_totals"."disbursed" >= 0 AND "address_totals"."fees" >= 0 AND "address_totals"."gifts" >= 0)
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"chapter_id" integer NOT NULL,
	"category" "address_category" NOT NULL,
	"programme_id" integer,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"story" text DEFAULT '' NOT NULL,
	"public_alias" text NOT NULL,
	"province" text NOT NULL,
	"former_province" text,
	"commune" text NOT NULL,
	"urgency" smallint DEFAULT 2 NOT NULL,
	"household_size" smallint,
	"status" "address_status" DEFAULT 'draft' NOT NULL,
	"deadline" date,
	"cover_media_id" integer,
	"created_by" integer,
	"submitted_at" timestamp with time zone,
	"rejected_reason" text,
	"verified_by" integer,
	"verified_chapter_id" integer,
	"verified_at" timestamp with time zone,
	"reverify_due_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"funded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "addresses_urgency_range" CHECK ("addresses"."urgency" BETWEEN 1 AND 4),
	CONSTRAINT "addresses_household_positive" CHECK ("addresses"."household_size" IS NULL OR "addresses"."household_size" > 0),
	CONSTRAINT "addresses_verifier_not_author" CHECK ("addresses"."verified_by" IS NULL OR "addresses"."created_by" IS NULL OR "addresses"."verified_by" <> "addresses"."created_by")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" integer,
	"chapter_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bank_transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" "bank_tx_source" NOT NULL,
	"external_id" text NOT NULL,
	"account_number" text,
	"amount" bigint NOT NULL,
	"memo" text DEFAULT '' NOT NULL,
	"transacted_at" timestamp with time zone NOT NULL,
	"status" "bank_tx_status" DEFAULT 'waiting' NOT NULL,
	"matched_pledge_id" integer,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_transactions_amount_nonzero" CHECK ("bank_transactions"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" "campaign_kind" NOT NULL,
	"status" "campaign_status" DEFAULT 'active' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organiser_chapter_id" integer NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"goal" bigint,
	"bank_bin" text,
	"bank_account_number" text,
	"bank_account_name" text,
	"cover_media_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_goal_positive" CHECK ("campaigns"."goal" IS NULL OR "campaigns"."goal" > 0),
	CONSTRAINT "campaigns_dates" CHECK ("campaigns"."ends_on" IS NULL OR "campaigns"."starts_on" IS NULL OR "campaigns"."ends_on" >= "campaigns"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "chapters" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"level" "chapter_level" NOT NULL,
	"unit_kind" "unit_kind",
	"parent_id" integer,
	"path" text NOT NULL,
	"province" text,
	"commune" text,
	"description" text,
	"contact_email" text,
	"contact_phone" text,
	"postal_address" text,
	"bank_bin" text,
	"bank_account_number" text,
	"bank_account_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chapters_root_is_central" CHECK (("chapters"."parent_id" IS NULL) = ("chapters"."level" = 'central')),
	CONSTRAINT "chapters_unit_kind" CHECK (("chapters"."unit_kind" IS NULL) = ("chapters"."level" <> 'unit'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" serial PRIMARY KEY NOT NULL,
	"address_id" integer NOT NULL,
	"given_by_name" text NOT NULL,
	"relationship" "consent_relationship" NOT NULL,
	"scope_story" boolean DEFAULT false NOT NULL,
	"scope_photos" boolean DEFAULT false NOT NULL,
	"scope_first_name" boolean DEFAULT false NOT NULL,
	"given_on" date NOT NULL,
	"document_media_id" integer,
	"recorded_by" integer,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" serial PRIMARY KEY NOT NULL,
	"address_id" integer NOT NULL,
	"need_id" integer,
	"kind" "need_kind" DEFAULT 'cash' NOT NULL,
	"amount" bigint NOT NULL,
	"quantity" integer,
	"payee_public" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"spent_on" date NOT NULL,
	"receipt_media_id" integer,
	"status" "disbursement_status" DEFAULT 'recorded' NOT NULL,
	"recorded_by" integer NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"rejected_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_amount_positive" CHECK ("disbursements"."amount" > 0),
	CONSTRAINT "disbursements_quantity_positive" CHECK ("disbursements"."quantity" IS NULL OR "disbursements"."quantity" > 0),
	CONSTRAINT "disbursements_approver_not_recorder" CHECK ("disbursements"."approved_by" IS NULL OR "disbursements"."approved_by" <> "disbursements"."recorded_by"),
	CONSTRAINT "disbursements_approved_shape" CHECK (("disbursements"."status" = 'approved') = ("disbursements"."approved_by" IS NOT NULL AND "disbursements"."approved_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "job_status" DEFAULT 'pending' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_attempts_range" CHECK ("jobs"."attempts" >= 0 AND "jobs"."max_attempts" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_groups" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "ledger_kind" NOT NULL,
	"currency" char(3) DEFAULT 'VND' NOT NULL,
	"memo" text DEFAULT '' NOT NULL,
	"idempotency_key" text NOT NULL,
	"pledge_id" integer,
	"disbursement_id" integer,
	"reverses_group_id" bigint,
	"provider_ref" text,
	"created_by" integer,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_groups_currency" CHECK ("ledger_groups"."currency" = 'VND')
);
--> statement-breakpoint
CREATE TABLE "ledger_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"group_id" bigint NOT NULL,
	"account" "ledger_account" NOT NULL,
	"address_id" integer,
	"need_id" integer,
	"amount" bigint NOT NULL,
	"currency" char(3) DEFAULT 'VND' NOT NULL,
	CONSTRAINT "ledger_lines_amount_nonzero" CHECK ("ledger_lines"."amount" <> 0),
	CONSTRAINT "ledger_lines_currency" CHECK ("ledger_lines"."currency" = 'VND'),
	CONSTRAINT "ledger_lines_fund_has_address" CHECK (("ledger_lines"."account" = 'address_fund') = ("ledger_lines"."address_id" IS NOT NULL)),
	CONSTRAINT "ledger_lines_need_needs_address" CHECK ("ledger_lines"."need_id" IS NULL OR "ledger_lines"."address_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "media" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "media_kind" NOT NULL,
	"storage" "media_storage" NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"alt" text DEFAULT '' NOT NULL,
	"address_id" integer,
	"update_id" integer,
	"disbursement_id" integer,
	"consent_id" integer,
	"is_public" boolean DEFAULT false NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_size_positive" CHECK ("media"."bytes" > 0 AND "media"."width" > 0 AND "media"."height" > 0)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"chapter_id" integer NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_chapter_role_uq" UNIQUE("user_id","chapter_id","role")
);
--> statement-breakpoint
CREATE TABLE "need_totals" (
	"need_id" integer PRIMARY KEY NOT NULL,
	"funded" bigint DEFAULT 0 NOT NULL,
	"disbursed" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "need_totals_disbursed_nonneg" CHECK ("need_totals"."disbursed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" serial PRIMARY KEY NOT NULL,
	"address_id" integer NOT NULL,
	"title" text NOT NULL,
	"kind" "need_kind" NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"unit_cost" bigint NOT NULL,
	"amount" bigint NOT NULL,
	"fulfilled_quantity" integer DEFAULT 0 NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_quantity_positive" CHECK ("needs"."quantity" > 0),
	CONSTRAINT "needs_unit_cost_positive" CHECK ("needs"."unit_cost" > 0),
	CONSTRAINT "needs_amount_positive" CHECK ("needs"."amount" > 0),
	CONSTRAINT "needs_amount_is_quantity_times_cost" CHECK ("needs"."amount" = "needs"."quantity"::bigint * "needs"."unit_cost"),
	CONSTRAINT "needs_fulfilled_range" CHECK ("needs"."fulfilled_quantity" BETWEEN 0 AND "needs"."quantity")
);
--> statement-breakpoint
CREATE TABLE "payment_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"pledge_id" integer NOT NULL,
	"provider" "provider" NOT NULL,
	"attempt_no" smallint NOT NULL,
	"txn_ref" text NOT NULL,
	"provider_ref" text,
	"amount" bigint NOT NULL,
	"status" "attempt_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "payment_attempts_pledge_attempt_uq" UNIQUE("pledge_id","attempt_no"),
	CONSTRAINT "payment_attempts_amount_positive" CHECK ("payment_attempts"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" "provider" NOT NULL,
	"external_id" text NOT NULL,
	"event_type" text,
	"pledge_id" integer,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" serial PRIMARY KEY NOT NULL,
	"public_code" text NOT NULL,
	"address_id" integer NOT NULL,
	"need_id" integer,
	"campaign_id" integer,
	"sponsorship_id" integer,
	"donor_user_id" integer,
	"donor_name" text NOT NULL,
	"guest_email" text,
	"name_display" "name_display" DEFAULT 'full' NOT NULL,
	"message" text,
	"amount" bigint NOT NULL,
	"quantity" integer,
	"method" "payment_method" NOT NULL,
	"status" "pledge_status" DEFAULT 'pending' NOT NULL,
	"received_amount" bigint DEFAULT 0 NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"is_late" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"receipt_number" text,
	"recorded_by" integer,
	"locale" text DEFAULT 'vi' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pledges_amount_positive" CHECK ("pledges"."amount" > 0),
	CONSTRAINT "pledges_quantity_positive" CHECK ("pledges"."quantity" IS NULL OR "pledges"."quantity" > 0),
	CONSTRAINT "pledges_received_nonneg" CHECK ("pledges"."received_amount" >= 0),
	CONSTRAINT "pledges_refunded_range" CHECK ("pledges"."refunded_amount" >= 0 AND "pledges"."refunded_amount" <= "pledges"."received_amount"),
	CONSTRAINT "pledges_public_code_format" CHECK ("pledges"."public_code" ~ '^TRAO[0-9A-Z]{6,12}$')
);
--> statement-breakpoint
CREATE TABLE "sponsorships" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "sponsorship_kind" NOT NULL,
	"status" "sponsorship_status" DEFAULT 'pending' NOT NULL,
	"address_id" integer NOT NULL,
	"need_id" integer,
	"donor_user_id" integer,
	"donor_name" text NOT NULL,
	"name_display" "name_display" DEFAULT 'full' NOT NULL,
	"exclusive" boolean DEFAULT true NOT NULL,
	"monthly_amount" bigint,
	"months" smallint,
	"starts_on" date,
	"ends_on" date,
	"stripe_subscription_id" text,
	"lapsed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sponsorships_monthly_positive" CHECK ("sponsorships"."monthly_amount" IS NULL OR "sponsorships"."monthly_amount" > 0),
	CONSTRAINT "sponsorships_months_positive" CHECK ("sponsorships"."months" IS NULL OR "sponsorships"."months" BETWEEN 1 AND 120),
	CONSTRAINT "sponsorships_shape" CHECK (("sponsorships"."kind" = 'monthly' AND "sponsorships"."monthly_amount" IS NOT NULL AND "sponsorships"."months" IS NOT NULL) OR ("sponsorships"."kind" = 'whole_need' AND "sponsorships"."need_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "stats_rollups" (
	"scope" text PRIMARY KEY NOT NULL,
	"raised" bigint DEFAULT 0 NOT NULL,
	"disbursed" bigint DEFAULT 0 NOT NULL,
	"gifts" integer DEFAULT 0 NOT NULL,
	"donors" integer DEFAULT 0 NOT NULL,
	"addresses_helped" integer DEFAULT 0 NOT NULL,
	"addresses_listed" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"address_id" integer NOT NULL,
	"kind" "update_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"disbursement_id" integer,
	"author_id" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"password_hash" text,
	"is_admin" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'vi' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
ALTER TABLE "address_campaigns" ADD CONSTRAINT "address_campaigns_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_campaigns" ADD CONSTRAINT "address_campaigns_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_private" ADD CONSTRAINT "address_private_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_totals" ADD CONSTRAINT "address_totals_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_programme_id_campaigns_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_verified_chapter_id_chapters_id_fk" FOREIGN KEY ("verified_chapter_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_matched_pledge_id_pledges_id_fk" FOREIGN KEY ("matched_pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organiser_chapter_id_chapters_id_fk" FOREIGN KEY ("organiser_chapter_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chapters" ADD CONSTRAINT "chapters_parent_id_chapters_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_groups" ADD CONSTRAINT "ledger_groups_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_groups" ADD CONSTRAINT "ledger_groups_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_groups" ADD CONSTRAINT "ledger_groups_reverses_group_id_ledger_groups_id_fk" FOREIGN KEY ("reverses_group_id") REFERENCES "public"."ledger_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_groups" ADD CONSTRAINT "ledger_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_group_id_ledger_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."ledger_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_lines" ADD CONSTRAINT "ledger_lines_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_update_id_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_totals" ADD CONSTRAINT "need_totals_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_sponsorship_id_sponsorships_id_fk" FOREIGN KEY ("sponsorship_id") REFERENCES "public"."sponsorships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_donor_user_id_users_id_fk" FOREIGN KEY ("donor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorships" ADD CONSTRAINT "sponsorships_donor_user_id_users_id_fk" FOREIGN KEY ("donor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "updates" ADD CONSTRAINT "updates_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "updates" ADD CONSTRAINT "updates_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "updates" ADD CONSTRAINT "updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "address_campaigns_campaign_idx" ON "address_campaigns" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "address_private_dup_idx" ON "address_private" USING btree ("duplicate_key");--> statement-breakpoint
CREATE INDEX "address_private_idhash_idx" ON "address_private" USING btree ("id_number_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "addresses_slug_uq" ON "addresses" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "addresses_chapter_idx" ON "addresses" USING btree ("chapter_id");--> statement-breakpoint
CREATE INDEX "addresses_status_idx" ON "addresses" USING btree ("status","urgency","id");--> statement-breakpoint
CREATE INDEX "addresses_province_idx" ON "addresses" USING btree ("province","status");--> statement-breakpoint
CREATE INDEX "addresses_programme_idx" ON "addresses" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bank_transactions_source_external_uq" ON "bank_transactions" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "bank_transactions_triage_idx" ON "bank_transactions" USING btree ("status","transacted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_slug_uq" ON "campaigns" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "chapters_slug_uq" ON "chapters" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "chapters_path_uq" ON "chapters" USING btree ("path");--> statement-breakpoint
CREATE INDEX "chapters_parent_idx" ON "chapters" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "chapters_path_prefix_idx" ON "chapters" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "consents_address_idx" ON "consents" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "disbursements_address_idx" ON "disbursements" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at","id") WHERE "jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "jobs_running_idx" ON "jobs" USING btree ("locked_at") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_uq" ON "jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_groups_idempotency_uq" ON "ledger_groups" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_groups_provider_ref_uq" ON "ledger_groups" USING btree ("kind","provider_ref");--> statement-breakpoint
CREATE INDEX "ledger_groups_pledge_idx" ON "ledger_groups" USING btree ("pledge_id");--> statement-breakpoint
CREATE INDEX "ledger_groups_disbursement_idx" ON "ledger_groups" USING btree ("disbursement_id");--> statement-breakpoint
CREATE INDEX "ledger_groups_occurred_idx" ON "ledger_groups" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "ledger_lines_group_idx" ON "ledger_lines" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "ledger_lines_address_idx" ON "ledger_lines" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "ledger_lines_need_idx" ON "ledger_lines" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "media_address_idx" ON "media" USING btree ("address_id");--> statement-breakpoint
CREATE INDEX "media_update_idx" ON "media" USING btree ("update_id");--> statement-breakpoint
CREATE INDEX "media_sha_idx" ON "media" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "memberships_chapter_idx" ON "memberships" USING btree ("chapter_id");--> statement-breakpoint
CREATE INDEX "needs_address_idx" ON "needs" USING btree ("address_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_txn_ref_uq" ON "payment_attempts" USING btree ("provider","txn_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_attempts_provider_ref_uq" ON "payment_attempts" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_events_provider_external_uq" ON "payment_events" USING btree ("provider","external_id");--> statement-breakpoint
CREATE INDEX "payment_events_pledge_idx" ON "payment_events" USING btree ("pledge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pledges_public_code_uq" ON "pledges" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "pledges_address_idx" ON "pledges" USING btree ("address_id","status");--> statement-breakpoint
CREATE INDEX "pledges_donor_idx" ON "pledges" USING btree ("donor_user_id");--> statement-breakpoint
CREATE INDEX "pledges_sponsorship_idx" ON "pledges" USING btree ("sponsorship_id");--> statement-breakpoint
CREATE INDEX "pledges_pending_expiry_idx" ON "pledges" USING btree ("expires_at") WHERE "pledges"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "sponsorships_address_idx" ON "sponsorships" USING btree ("address_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsorships_stripe_sub_uq" ON "sponsorships" USING btree ("stripe_subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sponsorships_one_active_exclusive_uq" ON "sponsorships" USING btree ("address_id",coalesce("need_id", 0)) WHERE "sponsorships"."exclusive" AND "sponsorships"."status" = 'active';--> statement-breakpoint
CREATE INDEX "updates_address_idx" ON "updates" USING btree ("address_id","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");