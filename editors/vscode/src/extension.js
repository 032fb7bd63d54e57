// @ts-check
// The planc extension: starts `planc lsp` for plan files (*.plan.hcl) and
// connects it to VS Code through vscode-languageclient.
"use strict";

const os = require("os");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient, RevealOutputChannelOn } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel | undefined} */
let output;
/** @type {vscode.FileSystemWatcher | undefined} */
let watcher;

/**
 * The planc command of the setting planc.path: a name looked up on PATH,
 * or a path with ~ and ${workspaceFolder} expanded, relative to the first
 * workspace folder.
 * @returns {string}
 */
function plancCommand() {
  let command = (vscode.workspace.getConfiguration("planc").get("path") || "planc").trim() || "planc";
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (folder) {
    command = command.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
  }
  if (command === "~" || command.startsWith("~/")) {
    command = path.join(os.homedir(), command.slice(1));
  }
  const isPath = command.includes("/") || command.includes("\\");
  if (isPath && !path.isAbsolute(command) && folder) {
    command = path.resolve(folder.uri.fsPath, command);
  }
  return command;
}

/**
 * The options of the language client: plan files, and the plan files on
 * disk watched so that the server re-checks a plan when another of its
 * files changes outside the editor.
 */
function clientOptions() {
  return {
    documentSelector: [
      { scheme: "file", language: "planc" },
    ],
    synchronize: { fileEvents: watcher },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
}

/**
 * startClient starts planc lsp; a planc that cannot be started is reported
 * with a way to the setting.
 */
async function startClient() {
  const command = plancCommand();
  /** @type {import("vscode-languageclient/node").ServerOptions} */
  const serverOptions = { command, args: ["lsp"] };
  client = new LanguageClient("planc", "planc", serverOptions, clientOptions());
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const choice = await vscode.window.showErrorMessage(
      `planc: could not start "${command} lsp" (${message}). Install planc or set planc.path.`,
      "Open Settings"
    );
    if (choice === "Open Settings") {
      vscode.commands.executeCommand("workbench.action.openSettings", "planc.path");
    }
  }
}

async function stopClient() {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (_) {
      // A server that never started has nothing to stop.
    }
  }
}

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  output = vscode.window.createOutputChannel("planc");
  watcher = vscode.workspace.createFileSystemWatcher("**/*.plan.hcl");
  context.subscriptions.push(output, watcher);
  context.subscriptions.push(
    vscode.commands.registerCommand("planc.restartServer", async () => {
      await stopClient();
      await startClient();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("planc.path")) {
        await stopClient();
        await startClient();
      }
    })
  );
  await startClient();
}

function deactivate() {
  return stopClient();
}

module.exports = { activate, deactivate, plancCommand, clientOptions };
