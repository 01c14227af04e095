// Starts `clue lsp` for .clue files and connects VS Code to it over stdio.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("clue");
  const command = settings.get("path", "clue");
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "clue",
    "Clue language server",
    { run: server, debug: server },
    {
      documentSelector: [{ language: "clue" }],
      initializationOptions: { debounceMs: settings.get("debounceMs", 250) },
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.clue,*.clue.lock,clue.yaml}"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
