import { beforeAll, describe, expect, it } from "vitest";
import { getLocale, localeCookie } from "../../app/i18n.server";
import { action, loader } from "../../app/routes/set-language";
import { setEnv } from "../../app/utils/env.server";
import { testEnv } from "../helpers/db";

beforeAll(() => setEnv(testEnv()));

const args = (request: Request) => ({ request, params: {}, context: { cspNonce: "n" } });
const get = (query: string) => loader(args(new Request(`http://localhost:3000/set-language?${query}`)));
const post = (body: string) =>
  action(args(new Request("http://localhost:3000/set-language", { method: "POST", body: new URLSearchParams(body) })));

describe("switching language", () => {
  it("remembers English for a year and goes back to the page (link, no JavaScript)", async () => {
    const res = await get("lng=en&redirectTo=%2Faddresses%3Fprovince%3DHu%E1%BA%BF");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/addresses?province=Hu%E1%BA%BF");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^lng=/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(await localeCookie.parse(cookie)).toBe("en");
  });

  it("works from a form post too, answering 303 See Other", async () => {
    const res = await post("lng=vi&redirectTo=/transparency");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/transparency");
  });

  it("shows the next pages in the chosen language", async () => {
    const cookie = (await get("lng=en")).headers.get("set-cookie")!.split(";")[0];
    const request = new Request("http://localhost:3000/", { headers: { Cookie: cookie, "Accept-Language": "vi-VN" } });
    expect(await getLocale(request)).toBe("en");
  });

  it("drops a ?lng= on the return page, which would otherwise undo the choice", async () => {
    expect((await get("lng=en&redirectTo=%2F%3Flng%3Dvi%26q%3Dx")).headers.get("location")).toBe("/?q=x");
  });

  it("never sends the visitor to another site", async () => {
    for (const to of ["https://evil.example", "//evil.example", "/\\evil.example"]) {
      expect((await get(`lng=en&redirectTo=${encodeURIComponent(to)}`)).headers.get("location")).toBe("/");
    }
  });

  it("ignores an unsupported language and keeps the current one", async () => {
    const res = await get("lng=fr&redirectTo=/addresses");
    expect(res.headers.get("location")).toBe("/addresses");
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("language detection", () => {
  const locale = (headers: Record<string, string>, url = "http://localhost:3000/") => getLocale(new Request(url, { headers }));

  it("serves Vietnamese by default", async () => {
    expect(await locale({})).toBe("vi");
    expect(await locale({ "Accept-Language": "fr-FR,fr;q=0.9" })).toBe("vi");
  });

  it("follows the browser's Accept-Language", async () => {
    expect(await locale({ "Accept-Language": "en-US,en;q=0.9" })).toBe("en");
  });

  it("lets a shared ?lng= link choose the language of that page", async () => {
    expect(await locale({ "Accept-Language": "vi" }, "http://localhost:3000/?lng=en")).toBe("en");
  });
});
