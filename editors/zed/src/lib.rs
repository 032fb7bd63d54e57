//! The planc extension for Zed: starts `planc lsp` for plan files.
//!
//! The command is the setting `lsp.planc.binary.path` (with
//! `lsp.planc.binary.arguments`, default `["lsp"]`) if set, else `planc`
//! found on the PATH of the worktree's shell.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct PlancExtension;

impl zed::Extension for PlancExtension {
    fn new() -> Self {
        PlancExtension
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree("planc", worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let (path, arguments) = match binary {
            Some(b) => (b.path, b.arguments),
            None => (None, None),
        };
        let command = match path.or_else(|| worktree.which("planc")) {
            Some(command) => command,
            None => {
                return Err("planc is not on the PATH: install it (go install \
                    github.com/planc-dev/planc/cmd/planc@latest) or set \
                    lsp.planc.binary.path in Zed's settings"
                    .into())
            }
        };
        Ok(zed::Command {
            command,
            args: arguments.unwrap_or_else(|| vec!["lsp".into()]),
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(PlancExtension);
