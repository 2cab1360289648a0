import { setLogLevel } from "../app/utils/log.server";

setLogLevel(process.env.TEST_LOG_LEVEL === "debug" ? "debug" : "silent");
