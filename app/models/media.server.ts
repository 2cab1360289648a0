import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "../../db/client";
import { PUBLIC_ADDRESS_STATUSES } from "../../db/enums";

// What /media/:id may serve to anyone: a public image whose consent (if any) still stands, and
// which belongs to no address or to a public one (a draft's photos stay private until it is
// published). Staff previews of private media come with the workspace, through their own check.

export interface PublicMediaFile {
  id: number;
  storage: "local" | "cloudinary";
  storageKey: string;
  sha256: string;
  mime: string;
  isPublic: true;
}

const PUBLIC_STATUSES = sql.raw(`(${PUBLIC_ADDRESS_STATUSES.map((s) => `'${s}'`).join(", ")})`);

export async function getPublicMediaFile(db: DbOrTx, id: number): Promise<PublicMediaFile | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const [row] = await execRows<{ id: number; storage: "local" | "cloudinary"; storage_key: string; sha256: string; mime: string }>(
    db,
    sql`select m.id, m.storage, m.storage_key, m.sha256, m.mime
        from media m
        where m.id = ${id} and m.is_public
          and not exists (select 1 from consents cs where cs.id = m.consent_id and cs.withdrawn_at is not null)
          and (m.address_id is null or exists (select 1 from addresses a where a.id = m.address_id and a.status in ${PUBLIC_STATUSES}))`,
  );
  if (!row) return null;
  return { id: Number(row.id), storage: row.storage, storageKey: row.storage_key, sha256: row.sha256.trim(), mime: row.mime, isPublic: true };
}
