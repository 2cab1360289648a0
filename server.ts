import crypto from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler, type Response } from "express";
import helmet from "helmet";
import type { Db } from "./db/client";
import { handlers, schedules } from "./app/jobs/handlers.server";
import { startWorker, type RunningWorker } from "./app/jobs/worker.server";
import { connect, disconnect, getDatabase } from "./app/utils/db.server";
import { BROTLI_QUALITY, GZIP_LEVEL } from "./app/utils/compress.server";
import { EnvError, getEnv, type Env } from "./app/utils/env.server";
import { log, setLogLevel } from "./app/utils/log.server";
import { originCheck } from "./app/utils/origin-check.server";

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const BUILD_FILE = path.join(ROOT, "build", "index.js");
const SHUTDOWN_GRACE_MS = 10_000;

type BuildSource = ServerBuild | (() => Promise<ServerBuild>);

export interface AppOptions {
  /** The Remix server build, or a function giving the current one (development). */
  build?: BuildSource;
  /** Stands in for the Remix handler (tests run the shell without a build). */
  handler?: RequestHandler;
  env?: Env;
}

/** The Express app: request ids and logs, /healthz, security headers, static files, origin check, Remix. */
export function createApp({ build, handler, env = getEnv() }: AppOptions): express.Express {
  if (!build && !handler) throw new Error("createApp needs a Remix build or a handler");
  const app = express();
  app.disable("x-powered-by");
  app.locals.shuttingDown = false;
  app.use(requestContext);
  app.get("/healthz", healthz);
  app.use(securityHeaders(env));
  // JSON and static files; pages arrive compressed already (app/utils/compress.server.ts), which
  // this middleware sees by their Content-Encoding and leaves alone.
  app.use(compression({ level: GZIP_LEVEL, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } }));
  // Fingerprinted by Remix: cache forever.
  app.use("/build", express.static(path.join(ROOT, "public", "build"), { immutable: true, maxAge: "1y" }));
  // Only paths that name a file (favicon.svg, robots.txt): pages would pay a stat() each.
  const publicFiles = express.static(path.join(ROOT, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
  app.use(originCheck(env.PUBLIC_URL));
  app.all(
    "*",
    handler ??
      createRequestHandler({
        build: build!,
        mode: env.NODE_ENV,
        getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
      }),
  );
  return app;
}

/** A request id and a CSP nonce per request; one log line when the response is done. */
const requestContext: RequestHandler = (req, res, next) => {
  const started = performance.now();
  const bytesBefore = req.socket.bytesWritten;
  const reqId = crypto.randomUUID();
  const urlPath = req.originalUrl.split("?")[0]; // req.path is relative inside mounted routers
  res.locals.reqId = reqId;
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  res.setHeader("X-Request-Id", reqId);
  res.once("close", () => {
    const fields = {
      method: req.method,
      path: urlPath,
      status: res.statusCode,
      ms: Math.round(performance.now() - started),
      bytes: req.socket.bytesWritten - bytesBefore, // sent on the wire: headers and (compressed) body
      reqId,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    // Load balancers probe every few seconds: keep those out of the info log.
    if (urlPath === "/healthz") log.debug("request", fields);
    else log.info("request", fields);
  });
  next();
};

const PING_TIMEOUT_MS = 2_000;

const healthz: RequestHandler = async (req, res) => {
  res.set("Cache-Control", "no-store");
  let up = false;
  let kind: string | undefined;
  if (!req.app.locals.shuttingDown) {
    try {
      const database = await getDatabase();
      kind = database.kind;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, PING_TIMEOUT_MS, false)));
      up = await Promise.race([database.ping(), timeout]);
      clearTimeout(timer);
    } catch {
      up = false;
    }
  }
  if (up) res.json({ status: "ok", database: kind });
  else res.status(503).json({ status: "unavailable" });
};

function securityHeaders(env: Env): RequestHandler {
  const https = env.PUBLIC_URL.startsWith("https:");
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", nonce],
        scriptSrcAttr: ["'none'"],
        // No inline styles at all: Tailwind classes, and <progress>/<meter>/SVG for bars.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "https://res.cloudinary.com"],
        fontSrc: ["'self'"],
        // `remix dev` live reload talks over a websocket on another port.
        connectSrc: ["'self'", ...(env.NODE_ENV === "development" ? ["ws://localhost:*", "ws://127.0.0.1:*"] : [])],
        formAction: ["'self'", "https://sandbox.vnpayment.vn", "https://pay.vnpay.vn", "https://checkout.stripe.com"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Helmet's default "no-referrer" makes browsers send `Origin: null` on same-origin form posts,
    // which the origin check would refuse.
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    xFrameOptions: { action: "deny" },
  });
}

async function importBuild(version = ""): Promise<ServerBuild> {
  return import(pathToFileURL(BUILD_FILE).href + version);
}

/** Development: the current build, re-imported when `remix dev` rewrites build/index.js. */
function liveBuild(): () => Promise<ServerBuild> {
  let mtime = 0;
  let current: Promise<ServerBuild> | undefined;
  const check = () => {
    const m = fs.statSync(BUILD_FILE).mtimeMs;
    if (m !== mtime || !current) {
      mtime = m;
      current = importBuild(`?t=${m}`);
      // Tells `remix dev` the new build is live; rejects harmlessly when not run under it.
      current.then((build) => broadcastDevReady(build)).catch(() => {});
    }
    return current;
  };
  fs.watch(path.dirname(BUILD_FILE), () => void check()).unref();
  return check;
}

/** An empty embedded database gets demo data so that `npm start` shows something. */
async function seedIfEmpty(db: Db, env: Env) {
  // Imported only here: the seed and its data stay out of production processes on PostgreSQL.
  const { isSeeded, seedDemo } = await import("./db/seed");
  if (await isSeeded(db)) return;
  log.info("seeding demo data");
  await seedDemo(db, { env, log: (msg) => log.info(msg) });
}

export interface RunningServer {
  server: Server;
  app: express.Express;
  /** http://localhost:<port> */
  url: string;
  /** Graceful stop: refuse new connections, finish requests, stop the worker, close the database. */
  stop(): Promise<void>;
}

/** Configuration → database (migrated, seeded when embedded and empty) → worker → HTTP. */
export async function startServer(): Promise<RunningServer> {
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  setLogLevel(env.LOG_LEVEL);
  const build = env.NODE_ENV === "development" ? liveBuild() : await importBuild();

  const database = await connect(env);
  log.info("database ready", { database: database.kind, location: database.location });
  if (env.embedded) {
    await seedIfEmpty(database.db, env);
  }
  const runWorker = env.RUN_WORKER === "true" || (env.RUN_WORKER === "auto" && env.embedded);
  const worker: RunningWorker | null = runWorker ? startWorker(database.db, { handlers, schedules }) : null;
  if (worker) log.info("worker started", { workerId: worker.id });

  const app = createApp({ build, env });
  const server = app.listen(env.PORT);
  await once(server, "listening");
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  log.info("listening", { url, publicUrl: env.PUBLIC_URL });
  if (typeof build === "function") void build(); // development: load it now and tell `remix dev`

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      app.locals.shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await worker?.stop();
      await disconnect();
    })());

  const onSignal = (signal: NodeJS.Signals) => {
    log.info("shutting down", { signal });
    setTimeout(() => {
      log.error("shutdown took too long: exiting", { afterMs: SHUTDOWN_GRACE_MS });
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    stop().then(
      () => {
        log.info("stopped");
        process.exit(0);
      },
      (error) => {
        log.error("shutdown failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
  return { server, app, url, stop };
}

/** startServer() for a command line: a failure is logged and exits 1. */
export function runServer(): void {
  startServer().catch((error) => {
    log.error("startup failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
}

// `tsx server.ts` (as `remix dev` runs it); scripts/start.ts imports it instead.
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) runServer();
