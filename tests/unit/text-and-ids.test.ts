import { describe, expect, it } from "vitest";
import { PUBLIC_CODE_RE, generatePublicCode, normalizePublicCode } from "../../app/ledger/public-code";
import { duplicateKey, hashIdNumber } from "../../app/utils/id-hash.server";
import { slugify, stripDiacritics } from "../../app/utils/text";
import { bankAccountName, createRng, initialsOf, makeNeed } from "../../db/factories";

describe("Vietnamese text helpers", () => {
  it("searches find 'Dac khu Phu Quoc' whatever the accents", () => {
    expect(stripDiacritics("Đặc khu Phú Quốc")).toBe("Dac khu Phu Quoc");
    expect(stripDiacritics("Hội Chữ thập đỏ ĐÀ NẴNG")).toBe("Hoi Chu thap do DA NANG");
    expect(stripDiacritics("Thành phố Hồ Chí Minh")).toBe("Thanh pho Ho Chi Minh");
  });

  it("gives addresses readable ASCII slugs", () => {
    expect(slugify("Hỗ trợ ngư dân nghèo sửa máy tàu ở Rạch Giá")).toBe("ho-tro-ngu-dan-ngheo-sua-may-tau-o-rach-gia");
    expect(slugify("  Tết Nhân ái Đinh Mùi 2027!! ")).toBe("tet-nhan-ai-dinh-mui-2027");
    expect(slugify("Kỷ niệm 80 năm (23/11/1946 – 23/11/2026)")).toBe("ky-niem-80-nam-23-11-1946-23-11-2026");
    expect(slugify("—")).toBe("");
    const long = slugify("Chi phí mổ tim cho chị N. phần bảo hiểm y tế không chi trả và tiền ăn ở viện trong ba mươi ngày", 40);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).not.toMatch(/-$/);
  });

  it("names bank account holders the way banks print them", () => {
    expect(bankAccountName("Hội Chữ thập đỏ tỉnh An Giang")).toBe("HOI CHU THAP DO TINH AN GIANG");
    expect(initialsOf("Nguyễn Văn An")).toBe("N.V.A.");
    expect(initialsOf("Đỗ Thị Hằng")).toBe("Đ.T.H.");
  });
});

describe("staff-only identity keys", () => {
  const key = "test-id-hash-key-0123456789-abcdefghijklmnopqrstu";

  it("hashes an ID number the same however it was typed, and never stores the digits", () => {
    const a = hashIdNumber("079 123 456 789", key);
    expect(a).toBe(hashIdNumber("079123456789", key));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain("079123456789");
    expect(hashIdNumber("079123456789", `${key}-other`)).not.toBe(a);
    expect(() => hashIdNumber("không có số", key)).toThrow();
  });

  it("warns about the same person posted twice despite accents, case and spacing", () => {
    expect(duplicateKey("Trần  Thị Nết", 1948, "phường Rạch Giá")).toBe("tran thi net|1948|phuong rach gia");
    expect(duplicateKey("TRAN THI NET", 1948, " Phường  Rạch Giá ")).toBe(duplicateKey("Trần Thị Nết", 1948, "phường Rạch Giá"));
    expect(duplicateKey("Trần Thị Nết", null, "phường Rạch Giá")).toBe("tran thi net||phuong rach gia");
  });
});

describe("pledge public codes", () => {
  it("look like TRAO7KQ2M9 and avoid look-alike characters", () => {
    for (let i = 0; i < 500; i++) {
      const code = generatePublicCode();
      expect(code).toMatch(PUBLIC_CODE_RE);
      expect(code.slice(4)).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$/);
    }
  });

  it("are reproducible from a seeded generator", () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(generatePublicCode(a.next)).toBe(generatePublicCode(b.next));
  });

  it("are recognised when a donor types them loosely", () => {
    expect(normalizePublicCode(" trao 7kq2-m9 ")).toBe("TRAO7KQ2M9");
    expect(normalizePublicCode("hello")).toBeNull();
  });
});

describe("need lines", () => {
  it("price as quantity × unit cost, as the database checks", () => {
    expect(makeNeed({ addressId: 1, title: "Áo phao cứu sinh", quantity: 4, unitCost: 350_000 }).amount).toBe(1_400_000);
  });
});
