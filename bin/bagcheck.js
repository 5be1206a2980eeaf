#!/usr/bin/env node
// The AWS SDK prints a NodeVersionSupportWarning on Node 20 on every run; it is noise to a bagcheck user.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { main } = await import("../dist/src/cli/main.js");
process.exitCode = await main(process.argv.slice(2));
