import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "../../db/client";
import type { NameDisplay } from "../../db/enums";
import { toMoney } from "../ledger/money";
import { donorDisplayName } from "./catalogue.server";

// What the public address page shows beyond getPublicAddress(): update bodies and photos, the
// donors' messages, and spending receipts. Only public media whose consent still stands; donors
// as they chose to be shown (the name given is never returned for initials or anonymous).
// Call it only with the id of an address getPublicAddress() returned.

const DONATIONS_SHOWN = 50;

export interface PublicPhoto {
  id: number;
  url: string;
  alt: string;
  width: number;
  height: number;
}

export interface AddressPageExtras {
  updates: Record<number, { body: string; photos: PublicPhoto[] }>;
  disbursements: Record<number, { description: string; receipt: PublicPhoto | null }>;
  /** The latest gifts, newest first, with the donor's message. */
  donations: {
    id: number;
    /** As the donor chose: the full name, initials ("N.V.A.") or null when anonymous. */
    displayName: string | null;
    amount: number;
    inKind: boolean;
    quantity: number | null;
    /** ISO time. */
    at: string | null;
    message: string | null;
  }[];
}

const photo = (m: { id: number; alt: string; width: number; height: number }): PublicPhoto => ({
  id: Number(m.id),
  url: `/media/${Number(m.id)}`,
  alt: m.alt,
  width: Number(m.width),
  height: Number(m.height),
});

export async function getAddressPageExtras(db: DbOrTx, addressId: number): Promise<AddressPageExtras> {
  const [row] = await execRows<{
    updates: { id: number; body: string; photos: { id: number; alt: string; width: number; height: number }[] | null }[] | null;
    disbursements: { id: number; description: string; receipt: { id: number; alt: string; width: number; height: number } | null }[] | null;
    donations:
      | { id: number; donor_name: string; name_display: NameDisplay; amount: number; in_kind: boolean; quantity: number | null; at: string | null; message: string | null }[]
      | null;
  }>(
    db,
    sql`
      select
        (select json_agg(json_build_object('id', u.id, 'body', u.body, 'photos',
            (select json_agg(json_build_object('id', m.id, 'alt', m.alt, 'width', m.width, 'height', m.height) order by m.sort_order, m.id)
              from media m left join consents cs on cs.id = m.consent_id
              where m.update_id = u.id and m.kind = 'photo' and m.is_public and cs.withdrawn_at is null)))
          from updates u where u.address_id = ${addressId}) as updates,
        (select json_agg(json_build_object('id', d.id, 'description', d.description, 'receipt',
            (select json_build_object('id', m.id, 'alt', m.alt, 'width', m.width, 'height', m.height)
              from media m left join consents cs on cs.id = m.consent_id
              where m.id = d.receipt_media_id and m.is_public and cs.withdrawn_at is null)))
          from disbursements d where d.address_id = ${addressId} and d.status = 'approved') as disbursements,
        (select json_agg(x order by x.at desc nulls last, x.id desc) from (
            select p.id, p.donor_name, p.name_display, p.received_amount - p.refunded_amount as amount,
              p.method = 'in_kind' as in_kind, p.quantity, coalesce(p.paid_at, p.created_at) as at, p.message
            from pledges p
            where p.address_id = ${addressId} and p.status in ('paid', 'partially_refunded') and p.received_amount > p.refunded_amount
            order by coalesce(p.paid_at, p.created_at) desc, p.id desc
            limit ${DONATIONS_SHOWN}) x) as donations`,
  );
  const updates: AddressPageExtras["updates"] = {};
  for (const u of row?.updates ?? []) updates[Number(u.id)] = { body: u.body ?? "", photos: (u.photos ?? []).map(photo) };
  const disbursements: AddressPageExtras["disbursements"] = {};
  for (const d of row?.disbursements ?? []) disbursements[Number(d.id)] = { description: d.description ?? "", receipt: d.receipt ? photo(d.receipt) : null };
  return {
    updates,
    disbursements,
    donations: (row?.donations ?? []).map((d) => ({
      id: Number(d.id),
      displayName: donorDisplayName(d.donor_name, d.name_display),
      amount: toMoney(d.amount),
      inKind: Boolean(d.in_kind),
      quantity: d.quantity === null ? null : Number(d.quantity),
      at: d.at === null ? null : new Date(d.at).toISOString(),
      message: d.message?.trim() ? d.message.trim() : null,
    })),
  };
}
