// Preload: writes the process's peak RSS (KB, from getrusage) to $PEAK_RSS_FILE when it exits.
import { writeFileSync } from "node:fs";

const file = process.env.PEAK_RSS_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
