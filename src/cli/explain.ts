import type { Command } from "commander";
import { UsageError } from "./exit.js";
import type { Highlighter } from "../explain/index.js";

/** `bagcheck explain [FINDING_ID]`: one catalog entry in full, or the whole catalog as a list. */
export function registerExplain(program: Command): void {
  program
    .command("explain")
    .description("Explain a finding: why it happens, how to fix it, which clients it breaks (no id: list the catalog)")
    .argument("[id]", "finding id, e.g. base-url-double-v1")
    .option("--no-color", "plain text")
    .action(async (id: string | undefined, opts: { color: boolean }) => {
      const h = await highlighter(opts.color);
      if (!id) {
        process.stdout.write(await renderCatalogList(h));
        return;
      }
      const text = await renderExplain(id, h);
      if (text === undefined) throw new UsageError(`unknown finding id "${id}" (bagcheck explain lists them)`);
      process.stdout.write(text);
    });
}

async function highlighter(color: boolean): Promise<Highlighter> {
  const { plainHighlighter } = await import("../explain/index.js");
  if (!color) return plainHighlighter;
  const { default: chalk } = await import("chalk");
  return { strong: (t) => chalk.bold(t), code: (t) => chalk.cyan(t), text: (t) => t };
}

/** The catalog as one line per entry: id, severity, title (placeholders stay visible: they are per finding). */
export async function renderCatalogList(h: Highlighter): Promise<string> {
  const { listCatalog, renderMarkup } = await import("../explain/index.js");
  const entries = listCatalog();
  const width = Math.max(2, ...entries.map((e) => e.id.length));
  const lines = entries.map((e) => `${e.id.padEnd(width)}  ${e.severity.padEnd(7)}  ${renderMarkup(e.title, h)}`);
  return `${lines.join("\n")}\n\n${entries.length} findings. \`bagcheck explain <id>\` shows one in full.\n`;
}

/** One entry in full; undefined when the id is not in the catalog. */
export async function renderExplain(id: string, h: Highlighter): Promise<string | undefined> {
  const { getEntry, renderMarkup } = await import("../explain/index.js");
  const e = getEntry(id);
  if (!e) return undefined;
  // No run supplies the facts here, so each placeholder reads as the thing it stands for: <suggested>.
  const r = (t: string): string => renderMarkup(t.replace(/\{(\w+)\}/g, "<$1>"), h);
  const out = [`${e.id} (${e.severity})`, r(e.title), "", "Why", r(e.why), "", "Fix", r(e.fix.general)];
  if (e.fix.bag) out.push("", "For bedrock-access-gateway", r(e.fix.bag));
  if (e.fix.client) out.push("", "In the client", r(e.fix.client));
  if (e.clients.length > 0) out.push("", `Breaks: ${e.clients.join(", ")}`);
  if (e.references.length > 0) out.push("", "References", ...e.references.map((ref) => `- ${ref.title}: ${ref.url}`));
  return `${out.join("\n")}\n`;
}
