// The row builders live in db/factories.ts so that the demo seed and the tests share them.
export * from "../db/factories";
