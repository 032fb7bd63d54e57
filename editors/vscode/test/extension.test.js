// src/extension.js against a stand-in for VS Code's API and the language
// client: what it starts, for which documents, what it watches, and how it
// handles the planc.path setting.
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const Module = require("module");
const os = require("os");
const path = require("path");

const state = {
  settings: {},
  folders: [],
  clients: [],
  watchers: [],
  errors: [],
  commands: {},
  configListeners: [],
  failStart: false,
};

const vscode = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => state.settings[`${section}.${key}`] }),
    get workspaceFolders() {
      return state.folders.map((p) => ({ uri: { fsPath: p } }));
    },
    createFileSystemWatcher: (glob) => {
      const w = { glob, dispose() {} };
      state.watchers.push(w);
      return w;
    },
    onDidChangeConfiguration: (f) => {
      state.configListeners.push(f);
      return { dispose() {} };
    },
  },
  window: {
    createOutputChannel: (name) => ({ name, dispose() {} }),
    showErrorMessage: async (message) => {
      state.errors.push(message);
      return undefined;
    },
  },
  commands: {
    registerCommand: (name, f) => {
      state.commands[name] = f;
      return { dispose() {} };
    },
    executeCommand: async () => {},
  },
};

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
    state.clients.push(this);
  }
  async start() {
    if (state.failStart) throw new Error("spawn planc ENOENT");
    this.started = true;
  }
  async stop() {
    this.stopped = true;
  }
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient, RevealOutputChannelOn: { Never: 4 } };
  return load.call(this, request, parent, isMain);
};
const extension = require("../src/extension.js");

const context = { subscriptions: [] };

test("activate starts planc lsp for planc documents and watches plan files", async () => {
  await extension.activate(context);
  assert.strictEqual(state.clients.length, 1);
  const c = state.clients[0];
  assert.ok(c.started);
  assert.deepStrictEqual(c.serverOptions, { command: "planc", args: ["lsp"] });
  assert.deepStrictEqual(c.clientOptions.documentSelector, [{ scheme: "file", language: "planc" }]);
  assert.deepStrictEqual(state.watchers.map((w) => w.glob), ["**/*.plan.hcl"]);
  assert.strictEqual(c.clientOptions.synchronize.fileEvents, state.watchers[0]);
  assert.ok(state.commands["planc.restartServer"]);
});

test("planc.path: a name, an absolute path, a relative path, ~ and ${workspaceFolder}", () => {
  state.folders = ["/ws"];
  const cases = {
    "": "planc",
    planc: "planc",
    "/opt/planc/bin/planc": "/opt/planc/bin/planc",
    "./bin/planc": "/ws/bin/planc",
    "${workspaceFolder}/tools/planc": "/ws/tools/planc",
    "~/go/bin/planc": path.join(os.homedir(), "go/bin/planc"),
  };
  for (const [setting, want] of Object.entries(cases)) {
    state.settings["planc.path"] = setting;
    assert.strictEqual(extension.plancCommand(), want, JSON.stringify(setting));
  }
});

test("changing planc.path restarts the server with the new command", async () => {
  state.settings["planc.path"] = "/usr/local/bin/planc";
  const before = state.clients.length;
  for (const f of state.configListeners) {
    await f({ affectsConfiguration: (s) => s === "planc.path" });
  }
  assert.ok(state.clients[before - 1].stopped);
  assert.strictEqual(state.clients.length, before + 1);
  assert.strictEqual(state.clients[before].serverOptions.command, "/usr/local/bin/planc");
});

test("a planc that cannot start is reported with the setting to fix", async () => {
  state.failStart = true;
  await state.commands["planc.restartServer"]();
  state.failStart = false;
  assert.strictEqual(state.errors.length, 1);
  assert.match(state.errors[0], /could not start "\/usr\/local\/bin\/planc lsp".*planc\.path/);
  await extension.deactivate();
});
