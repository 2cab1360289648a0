// Any URL no other route matches: the root ErrorBoundary renders the localised 404 page.
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
