/**
 * A same-site path to redirect to, or `fallback`. Refuses absolute and protocol-relative URLs
 * ("//evil.example", "/\\evil.example") so that a crafted link cannot send visitors elsewhere.
 */
export function safeRedirect(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Control characters (tabs and newlines are dropped by URL parsers) could smuggle a host in.
  return /\p{Cc}/u.test(to) ? fallback : to;
}
