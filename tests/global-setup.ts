import { ensureBuild } from "../scripts/lib/build";

// Test files that serve the real Remix build (privacy crawl, page delivery) run in parallel
// workers: build once here, before any of them starts, instead of racing two builds into build/.
export default function setup() {
  ensureBuild();
}
