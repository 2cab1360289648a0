// Client-safe: NAPAS bank identification numbers (BIN, as in VietQR) → the bank's short name.
// Only for display next to an account number; an unknown BIN is shown as its code.

const BANKS: Record<string, string> = {
  "970400": "Saigonbank",
  "970403": "Sacombank",
  "970405": "Agribank",
  "970406": "Vikki Bank",
  "970407": "Techcombank",
  "970408": "GPBank",
  "970409": "BAC A BANK",
  "970410": "Standard Chartered",
  "970412": "PVcomBank",
  "970414": "MBV",
  "970415": "VietinBank",
  "970416": "ACB",
  "970418": "BIDV",
  "970419": "NCB",
  "970421": "VRB",
  "970422": "MB",
  "970423": "TPBank",
  "970424": "Shinhan Bank",
  "970425": "ABBANK",
  "970426": "MSB",
  "970427": "VietABank",
  "970428": "Nam A Bank",
  "970429": "SCB",
  "970430": "PGBank",
  "970431": "Eximbank",
  "970432": "VPBank",
  "970433": "Vietbank",
  "970434": "Indovina Bank",
  "970436": "Vietcombank",
  "970437": "HDBank",
  "970438": "BAOVIET Bank",
  "970439": "Public Bank Vietnam",
  "970440": "SeABank",
  "970441": "VIB",
  "970442": "Hong Leong Bank",
  "970443": "SHB",
  "970444": "CBBank",
  "970446": "Co-opBank",
  "970448": "OCB",
  "970449": "LPBank",
  "970452": "KienlongBank",
  "970454": "BVBank",
  "970457": "Woori Bank",
  "970458": "UOB",
  "999888": "VBSP",
};

/** "970436" → "Vietcombank"; null when the BIN is not in the list. */
export function bankNameFromBin(bin: string | null | undefined): string | null {
  if (!bin) return null;
  return BANKS[bin.trim()] ?? null;
}
