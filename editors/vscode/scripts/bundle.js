// Bundles src/extension.js and its dependencies into dist/extension.js
// (VS Code loads one file faster than a node_modules tree), and writes
// dist/ThirdPartyNotices.txt with the license of every bundled package.
// Run by `npm run bundle`, which `vsce package` runs as vscode:prepublish.
"use strict";

const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");

const root = path.join(__dirname, "..");

esbuild.buildSync({
  absWorkingDir: root,
  entryPoints: ["src/extension.js"],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  minify: true,
  legalComments: "none", // the licenses go to dist/ThirdPartyNotices.txt
  outfile: "dist/extension.js",
  logLevel: "info",
});

// The production dependencies, as npm resolved them.
const dirs = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((d) => d && path.resolve(d) !== root)
  .sort();
let notices =
  "Third-party notices for dist/extension.js\n" +
  "=========================================\n\n" +
  "dist/extension.js bundles the extension's code (MIT, see LICENSE) with the\n" +
  "npm packages below, each under its own license, reproduced here.\n";
for (const dir of [...new Set(dirs)]) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (files.length === 0) {
    throw new Error(`${pkg.name}: no license file to reproduce`);
  }
  notices += `\n${"-".repeat(72)}\n${pkg.name} ${pkg.version} (${pkg.license})\n${"-".repeat(72)}\n\n`;
  for (const f of files) {
    notices += fs.readFileSync(path.join(dir, f), "utf8").trim() + "\n";
  }
}
fs.writeFileSync(path.join(root, "dist", "ThirdPartyNotices.txt"), notices);
