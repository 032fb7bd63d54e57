// The grammars of package.json, loaded as VS Code loads them (vscode-textmate
// with the Oniguruma regular expressions), highlight a real plan as HCL under
// the planc scope.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const root = path.join(__dirname, "..");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const plan = path.join(root, "..", "..", "examples", "minimal", "plan.plan.hcl");

async function registry() {
  const wasm = fs.readFileSync(path.join(root, "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammars = new Map(manifest.contributes.grammars.map((g) => [g.scopeName, path.join(root, g.path)]));
  return new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      const file = grammars.get(scopeName);
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file) : null;
    },
  });
}

// tokens is every line's tokens as [text, scopes].
async function tokens(text) {
  const planc = manifest.contributes.grammars.find((g) => g.language === "planc");
  const grammar = await (await registry()).loadGrammar(planc.scopeName);
  assert.ok(grammar, "the planc grammar loads");
  let state = vsctm.INITIAL;
  return text.split("\n").map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes]);
  });
}

// scopesOf is the scopes of token text on the first line that starts with
// prefix.
function scopesOf(lines, prefix, text) {
  for (const line of lines) {
    if (!line.map(([t]) => t).join("").startsWith(prefix)) continue;
    for (const [t, scopes] of line) {
      if (t === text) return scopes;
    }
  }
  assert.fail(`no token ${JSON.stringify(text)} on a line that starts with ${JSON.stringify(prefix)}`);
}

test("the planc language uses the grammars that package.json contributes", () => {
  const lang = manifest.contributes.languages.find((l) => l.id === "planc");
  assert.deepStrictEqual(lang.extensions, [".plan.hcl"]);
  for (const g of manifest.contributes.grammars) {
    assert.ok(fs.existsSync(path.join(root, g.path)), g.path);
    const raw = JSON.parse(fs.readFileSync(path.join(root, g.path), "utf8"));
    assert.strictEqual(raw.scopeName, g.scopeName, `${g.path} declares its scope`);
  }
  const config = JSON.parse(fs.readFileSync(path.join(root, lang.configuration), "utf8"));
  assert.strictEqual(config.comments.lineComment, "#");
  assert.deepStrictEqual(config.comments.blockComment, ["/*", "*/"]);
  assert.ok(config.autoClosingPairs.some((p) => p.open === '"' && p.close === '"'), "quotes close");
});

test("a plan is highlighted as HCL", async () => {
  const lines = await tokens(fs.readFileSync(plan, "utf8"));
  for (const line of lines) {
    for (const [, scopes] of line) {
      assert.strictEqual(scopes[0], "source.planc");
    }
  }
  const has = (prefix, text, part) => {
    const scopes = scopesOf(lines, prefix, text);
    assert.ok(scopes.some((s) => s.startsWith(part)), `${JSON.stringify(text)}: ${scopes.join(" ")} has no ${part}`);
  };
  has("# The smallest", "#", "comment.line.number-sign");
  has('funnel "demand"', "funnel", "entity.name.type"); // a block type
  has('funnel "demand"', '"demand"', "variable.other.enummember"); // its label
  has("  title    =", "title", "variable.declaration"); // an attribute name
  has("  title    =", "My first plan", "string.quoted.double");
  has("  formula = funnel.demand.revenue", "revenue", "variable.other.member");
});
