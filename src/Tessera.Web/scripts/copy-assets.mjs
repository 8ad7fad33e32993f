// Copies the front-end packages Tessera serves into wwwroot/lib. Agency networks block CDNs,
// so every script, style sheet, font and image is served by Tessera itself.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(root, "wwwroot", "lib");
const modules = join(root, "node_modules");

const copies = [
  ["@uswds/uswds/dist/css", "uswds/css"],
  ["@uswds/uswds/dist/js", "uswds/js"],
  ["@uswds/uswds/dist/img", "uswds/img"],
  ["@uswds/uswds/dist/fonts", "uswds/fonts"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["chart.js/dist/chart.umd.min.js", "chartjs/chart.umd.min.js"],
];

rmSync(lib, { recursive: true, force: true });
for (const [from, to] of copies) {
  const source = join(modules, from);
  if (!existsSync(source)) {
    console.error(`copy-assets: ${from} is missing; run 'npm ci' in src/Tessera.Web first.`);
    process.exit(1);
  }
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true });
}
console.log(`copy-assets: front-end packages copied to ${lib}`);
