/**
 * Signs that an error body tells an attacker about the gateway's insides: stack frames, source paths,
 * framework names. Each pattern names what it found, for the finding's args.
 */
const patterns: { what: string; re: RegExp }[] = [
  { what: "Python traceback", re: /Traceback \(most recent call last\)|File "[^"]+\.py", line \d+/ },
  { what: "JavaScript stack frame", re: /\n\s+at [\w.<>$]+ \((?:file:\/\/)?\/?[^)]*:\d+:\d+\)|\bat (?:async )?[\w.]+ \(node:/ },
  { what: "source path", re: /(?:\/var\/task\/|\/var\/runtime\/|\/opt\/python\/|site-packages\/|node_modules\/|\/usr\/src\/app\/|\/home\/\w+\/)/ },
  { what: "Java/.NET stack frame", re: /\bat [\w.$]+\([\w]+\.(?:java|cs):\d+\)/ },
  { what: "framework name", re: /\b(?:Werkzeug|Starlette|Uvicorn|Mangum|Express|Hono|Flask|FastAPI|Gunicorn|botocore\.\w+)\b/ },
];

export function findLeak(text: string): string | undefined {
  for (const p of patterns) if (p.re.test(text)) return p.what;
  return undefined;
}
