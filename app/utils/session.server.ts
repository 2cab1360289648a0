import { createCookieSessionStorage, type Session, type SessionStorage } from "@remix-run/node";
import { getEnv } from "./env.server";

const THIRTY_DAYS = 30 * 24 * 60 * 60;

export interface SessionData {
  userId: number;
}
export interface SessionFlashData {
  notice: string;
}
export type TraoSession = Session<SessionData, SessionFlashData>;

// Built on first use: the secret comes from the validated configuration, which tests install first.
let storage: SessionStorage<SessionData, SessionFlashData> | undefined;
function sessionStorage() {
  if (!storage) {
    const env = getEnv();
    storage = createCookieSessionStorage<SessionData, SessionFlashData>({
      cookie: {
        name: "__trao_session",
        secrets: [env.SESSION_SECRET],
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        secure: env.PUBLIC_URL.startsWith("https:"),
        maxAge: THIRTY_DAYS,
      },
    });
  }
  return storage;
}

/** The session of a request (or of a Cookie header). */
export function getSession(requestOrCookie: Request | string | null) {
  const cookie = requestOrCookie instanceof Request ? requestOrCookie.headers.get("Cookie") : requestOrCookie;
  return sessionStorage().getSession(cookie);
}

export function commitSession(session: TraoSession, options?: Parameters<SessionStorage["commitSession"]>[1]) {
  return sessionStorage().commitSession(session, options);
}

export function destroySession(session: TraoSession, options?: Parameters<SessionStorage["destroySession"]>[1]) {
  return sessionStorage().destroySession(session, options);
}

/** The signed-in user's id, or null. */
export async function getUserId(request: Request): Promise<number | null> {
  const userId = (await getSession(request)).get("userId");
  return Number.isSafeInteger(userId) && (userId as number) > 0 ? (userId as number) : null;
}
