import { describe, expect, it } from "vitest";
import { safeRedirect } from "../../app/utils/safe-redirect";

describe("redirects after an action", () => {
  it("go back to the page the visitor came from", () => {
    expect(safeRedirect("/addresses?province=An%20Giang#list")).toBe("/addresses?province=An%20Giang#list");
  });

  it("never leave the site, whatever the link says", () => {
    for (const to of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/\t/evil.example", "", null, 42]) {
      expect(safeRedirect(to)).toBe("/");
    }
  });

  it("fall back to the given page", () => {
    expect(safeRedirect(undefined, "/account")).toBe("/account");
  });
});
