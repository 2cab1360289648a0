import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../app/utils/markdown.server";

describe("story and update Markdown", () => {
  it("keeps the text formatting staff wrote (paragraphs, bold, lists, links)", () => {
    const html = renderMarkdown("Chị **R.** cần:\n\n- mái tôn\n- vách\n\n[Xem thêm](https://example.org/a?b=1)");
    expect(html).toContain("<strong>R.</strong>");
    expect(html).toContain("<li>mái tôn</li>");
    expect(html).toContain('<a href="https://example.org/a?b=1" rel="nofollow noopener noreferrer" target="_blank">Xem thêm</a>');
  });

  it("never lets a script run: <script> blocks, event handlers and javascript: links are removed", () => {
    const html = renderMarkdown(
      [
        "Xin chào <script>alert('xss')</script>",
        '<img src="x" onerror="alert(1)">',
        '<p onclick="steal()" style="color:red">đoạn</p>',
        "[bấm vào](javascript:alert(2)) và <a href=\"JaVaScRiPt:alert(3)\">đây</a> và <a href=\"java&#09;script:alert(4)\">kia</a>",
        '<svg onload="alert(5)"><script>alert(6)</script></svg>',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/alert/);
    expect(html).not.toMatch(/\bon\w+=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/style=/i);
    expect(html).toContain("đoạn");
    expect(html).toContain("bấm vào");
  });

  it("shows no images, iframes, forms or styles (photos go through consent-checked media)", () => {
    const html = renderMarkdown(
      '![ảnh](https://example.org/x.jpg)\n\n<iframe src="https://evil.example"></iframe>\n\n<style>body{display:none}</style>\n\n<form action="https://evil.example"><input name="p"></form>\n\n<object data="x"></object>',
    );
    expect(html).not.toMatch(/<(img|iframe|style|form|input|object)\b/i);
    expect(html).not.toContain("display:none");
  });

  it("places the text's own headings under the page's section heading (h1/h2 become h3)", () => {
    expect(renderMarkdown("# Hoàn cảnh\n\n## Nhu cầu")).toBe("<h3>Hoàn cảnh</h3>\n<h3>Nhu cầu</h3>");
  });

  it("gives nothing for an empty story", () => {
    expect(renderMarkdown("")).toBe("");
    expect(renderMarkdown("   \n ")).toBe("");
    expect(renderMarkdown(null)).toBe("");
  });
});
