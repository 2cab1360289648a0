import { ensureBuild } from "./lib/build";

// `npm start`: build the Remix app when the build is missing or older than its sources, then serve it.

process.env.NODE_ENV ??= "production";

try {
  ensureBuild((msg) => process.stdout.write(msg));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
// Imported only now: the server reads NODE_ENV when it loads its configuration.
const { runServer } = await import("../server");
runServer();
