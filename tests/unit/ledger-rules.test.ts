import { describe, expect, it } from "vitest";
import { assertGroup, bucketOf, type LedgerGroupInput } from "../../app/ledger/ledger.server";
import { formatVnd, parseVnd, percentOf, toMoney } from "../../app/ledger/money";

const gift = (lines: LedgerGroupInput["lines"]): LedgerGroupInput => ({ kind: "donation", idempotencyKey: "k", lines });

describe("postGroup's checks", () => {
  it("accepts a balanced donation", () => {
    expect(() => assertGroup(gift([{ account: "donors", amount: -200_000 }, { account: "address_fund", addressId: 1, amount: 200_000 }]))).not.toThrow();
  });
  it("refuses a group of one line", () => {
    expect(() => assertGroup(gift([{ account: "donors", amount: -1 }]))).toThrow(/at least two lines/);
  });
  it("refuses lines that do not sum to zero", () => {
    expect(() => assertGroup(gift([{ account: "donors", amount: -200_000 }, { account: "address_fund", addressId: 1, amount: 199_999 }]))).toThrow(/sum to zero/);
  });
  it("refuses fractional, unsafe or zero amounts", () => {
    expect(() => assertGroup(gift([{ account: "donors", amount: -0.5 }, { account: "address_fund", addressId: 1, amount: 0.5 }]))).toThrow(/safe integers/);
    expect(() => assertGroup(gift([{ account: "donors", amount: -(2 ** 60) }, { account: "address_fund", addressId: 1, amount: 2 ** 60 }]))).toThrow(/safe integers/);
    expect(() => assertGroup(gift([{ account: "donors", amount: 0 }, { account: "address_fund", addressId: 1, amount: 0 }]))).toThrow(/cannot be zero/);
  });
  it("refuses a currency other than đồng", () => {
    expect(() => assertGroup({ ...gift([{ account: "donors", amount: -1 }, { account: "address_fund", addressId: 1, amount: 1 }]), currency: "USD" as "VND" })).toThrow(/currency/);
  });
  it("requires an address on fund lines and only there", () => {
    expect(() => assertGroup(gift([{ account: "donors", amount: -1 }, { account: "address_fund", amount: 1 }]))).toThrow(/address/);
    expect(() => assertGroup(gift([{ account: "donors", amount: -1, addressId: 3 }, { account: "address_fund", addressId: 1, amount: 1 }]))).toThrow(/address/);
  });
  it("sends each kind of group to the right total", () => {
    expect(bucketOf("donation")).toBe("raised");
    expect(bucketOf("refund")).toBe("raised");
    expect(bucketOf("disbursement")).toBe("disbursed");
    expect(bucketOf("fee")).toBe("fees");
    expect(bucketOf("correction", "disbursement")).toBe("disbursed");
    expect(() => bucketOf("correction")).toThrow(/correction/);
  });
});

describe("money", () => {
  it("shows đồng the Vietnamese way", () => {
    expect(formatVnd(1_250_000)).toBe("1.250.000\u00a0₫");
    expect(formatVnd(0)).toBe("0\u00a0₫");
  });
  it("reads amounts typed with dots, commas or spaces, and rejects fractions", () => {
    expect(parseVnd("1.250.000")).toBe(1_250_000);
    expect(parseVnd("200,000 ₫")).toBe(200_000);
    expect(parseVnd("12.5a")).toBeNull();
    expect(parseVnd("")).toBeNull();
  });
  it("turns driver sums into checked integers", () => {
    expect(toMoney("123456789012")).toBe(123_456_789_012);
    expect(toMoney(5n)).toBe(5);
    expect(() => toMoney("1.5")).toThrow();
  });
  it("caps progress at 100 %", () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(500, 200)).toBe(100);
    expect(percentOf(1, 0)).toBe(0);
  });
});
