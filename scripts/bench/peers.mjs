// The fastest HTML-to-Markdown peers on the same work as `convertify batch --to md`, in one Node process: read every
// article file of an archive, convert its HTML body (the lines after the archive's 4-line header), write one .md per
// article. Synchronous I/O: one process converting one file after another, like `--jobs 1`.
//
//   node peers.mjs nhm|turndown ARCHIVE OUT
//
// Prints the number of articles converted. scripts/bench.sh installs the packages (npm ci) beside this file.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NodeHtmlMarkdown } from "node-html-markdown";
import TurndownService from "turndown";

const [tool, archive, out] = process.argv.slice(2);
if (!archive || !out || (tool !== "nhm" && tool !== "turndown")) {
  console.error("usage: node peers.mjs nhm|turndown ARCHIVE OUT");
  process.exit(2);
}

let convert;
if (tool === "nhm") {
  const nhm = new NodeHtmlMarkdown();
  convert = (html) => nhm.translate(html);
} else {
  const turndown = new TurndownService();
  convert = (html) => turndown.turndown(html);
}

// The body is everything after the header: <!--time-->, [title](url), ------, a blank line.
function body(text) {
  let at = 0;
  for (let line = 0; line < 4 && at >= 0; line++) {
    at = text.indexOf("\n", at);
    if (at >= 0) at++;
  }
  return at < 0 ? "" : text.slice(at);
}

const articles = join(archive, "articles");
let count = 0;
for (const site of readdirSync(articles).sort()) {
  const from = join(articles, site);
  const to = join(out, site);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    if (!name.endsWith(".md")) continue;
    const html = body(readFileSync(join(from, name), "utf8"));
    writeFileSync(join(to, name), convert(html));
    count++;
  }
}
console.log(`${tool}: ${count} articles`);
