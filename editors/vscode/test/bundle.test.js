// dist/extension.js, the file that the .vsix ships, loads with everything it
// needs bundled (only the vscode module comes from VS Code).
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { execFileSync } = require("child_process");
const fs = require("fs");
const Module = require("module");
const path = require("path");

const root = path.join(__dirname, "..");

test("the bundle loads and exports activate and deactivate", () => {
  const bundle = path.join(root, "dist", "extension.js");
  if (!fs.existsSync(bundle)) {
    execFileSync(process.execPath, [path.join(root, "scripts", "bundle.js")], { cwd: root, stdio: "inherit" });
  }
  assert.ok(fs.readFileSync(path.join(root, "dist", "ThirdPartyNotices.txt"), "utf8").includes("vscode-languageclient"));
  // Any property of this stand-in for VS Code's API is another stand-in.
  const any = () =>
    new Proxy(function () {}, { get: (_, k) => (k === Symbol.toPrimitive ? () => 0 : any()), construct: () => any(), apply: () => any() });
  const required = [];
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    if (parent && parent.filename === bundle) required.push(request);
    if (request === "vscode") return any();
    return load.call(this, request, parent, isMain);
  };
  try {
    const ext = require(bundle);
    assert.strictEqual(typeof ext.activate, "function");
    assert.strictEqual(typeof ext.deactivate, "function");
  } finally {
    Module._load = load;
  }
  const builtin = new Set(Module.builtinModules);
  const outside = required.filter((r) => r !== "vscode" && !builtin.has(r.replace(/^node:/, "")));
  assert.deepStrictEqual(outside, [], "the bundle requires only vscode and Node's own modules");
});
