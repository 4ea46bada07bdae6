// Builds the front-end assets into static/build/ (git-ignored; `make assets` runs this).
// GOV.UK Frontend's Sass is compiled with our settings (Arial, our asset path, no
// GDS Transport) instead of using its prebuilt CSS, which points at absolute /assets/ URLs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, "static", "build");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });

const result = sass.compile(join(root, "frontend", "scss", "main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  sourceMap: false, // no .map files: whitenoise's manifest storage would look for them
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "css", "main.css"), result.css);

// GOV.UK Frontend's footer styles name a crest image for Crown copyright, which this site
// does not show. Django's hashed static storage needs every file a stylesheet names to
// exist, so a blank image stands in for it.
mkdirSync(join(out, "assets", "images"), { recursive: true });
writeFileSync(join(out, "assets", "images", "govuk-crest.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n');

// GOV.UK Frontend's JavaScript is an ES module. Our start-up code is appended to it so the
// page loads one module file; the source-map comment is dropped (we ship no .map files).
const govukJs = readFileSync(join(govuk, "govuk-frontend.min.js"), "utf8").replace(/\/\/# sourceMappingURL=\S+\s*$/, "");
const initJs = readFileSync(join(root, "frontend", "js", "init.mjs"), "utf8").replace(/^import .*$/m, "");
writeFileSync(join(out, "js", "app.mjs"), `${govukJs}\n${initJs}`);
console.log(`built static/build/css/main.css (${result.css.length} bytes) and static/build/js/app.mjs`);
