import crypto from "node:crypto";
import { foldText } from "./text";

// Staff-only facts that must still let us warn "the same person was posted twice".

/**
 * Keyed hash of an ID number (CCCD/CMND/personal id): HMAC-SHA256 hex of its digits only, so
 * "079 123 456 789" and "079123456789" hash alike. The number itself is never stored.
 */
export function hashIdNumber(idNumber: string, key: string): string {
  const digits = idNumber.replace(/\D/g, "");
  if (digits.length === 0) throw new Error("An ID number must contain digits.");
  if (!key) throw new Error("ID_HASH_KEY is required to hash an ID number.");
  return crypto.createHmac("sha256", key).update(digits).digest("hex");
}

/**
 * Normalised key "name|birthYear|commune": lower-cased, no diacritics, spaces collapsed.
 * ("Trần Thị Nết", 1948, "phường Rạch Giá") → "tran thi net|1948|phuong rach gia".
 */
export function duplicateKey(name: string, birthYear: number | null | undefined, commune: string): string {
  return [foldText(name), birthYear == null ? "" : String(birthYear), foldText(commune)].join("|");
}
