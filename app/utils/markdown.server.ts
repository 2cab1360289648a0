import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

// Stories and updates are Markdown written by chapter staff. They are rendered on the server and
// sanitised to a small set of text tags: no images (photos go through media and consent), no
// iframes, scripts, styles, classes or event handlers. Links open in a new tab, nofollow.

const marked = new Marked({ gfm: true, breaks: true, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "b", "em", "i", "u", "s", "del", "ul", "ol", "li", "blockquote", "a", "h3", "h4", "code", "pre", "hr"],
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Dropped with everything inside them (the default list plus what we never want as text).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template"],
  disallowedTagsMode: "discard",
  transformTags: {
    // The page owns h1 and h2: the text's own headings sit under its section heading.
    h1: "h3",
    h2: "h3",
    h5: "h4",
    h6: "h4",
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: "nofollow noopener noreferrer", target: "_blank" },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href && !frame.text.trim(),
};

/** Markdown → safe HTML for dangerouslySetInnerHTML. Raw HTML in the input is sanitised like the rest. */
export function renderMarkdown(markdown: string | null | undefined): string {
  if (!markdown || !markdown.trim()) return "";
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}
