// The AWS SDK warns on Node 20 that future versions need Node 22; users never see it (bin sets the same flag).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
