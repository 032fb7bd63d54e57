package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/planc-dev/planc/cmd/planc/internal/lsp"
	"github.com/spf13/cobra"
)

func newLSP(stdout, stderr io.Writer) *cobra.Command {
	var logFile string
	var debounce time.Duration
	var stdio bool
	var clientPID int
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server for editors (LSP over stdin and stdout)",
		Long: `The lsp command runs planc's language server: an editor starts it and
speaks the Language Server Protocol with it over stdin and stdout. The server
keeps the editor's unsaved buffers in memory and re-checks the whole plan
directory on every change, publishing diagnostics for each of its files; it
also offers hover (title, solved value, formula, description), go to
definition, find references, document symbols, completion, formatting and
inlay hints with solved values.

Its log goes to stderr, or to the file given with --log; stdout carries only
the protocol. It exits 0 after the editor's shutdown and exit, 1 when the
editor exits or closes the connection without a shutdown.`,
		Example: "  planc lsp\n  planc lsp --log /tmp/planc-lsp.log",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			logger, closeLog, err := lspLogger(logFile, stderr)
			if err != nil {
				return err
			}
			defer closeLog()
			ctx := cmd.Context()
			if ctx == nil {
				ctx = context.Background()
			}
			err = lsp.Serve(ctx, os.Stdin, stdout, lsp.Options{Debounce: debounce, Log: logger})
			if errors.Is(err, lsp.ErrNoShutdown) {
				logger.Print(err)
				return exit(1)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&logFile, "log", "", "append the server's log to `FILE` instead of stderr")
	cmd.Flags().DurationVar(&debounce, "debounce", lsp.DefaultDebounce, "how long a plan must go without a change before it is re-checked")
	// Editors' LSP clients pass these; stdio is the only transport.
	cmd.Flags().BoolVar(&stdio, "stdio", true, "speak LSP over stdin and stdout (the default and only transport)")
	cmd.Flags().IntVar(&clientPID, "clientProcessId", 0, "the editor's process id (accepted and ignored)")
	cmd.Flags().MarkHidden("clientProcessId")
	return cmd
}

// lspLogger logs to stderr, or appends to file.
func lspLogger(file string, stderr io.Writer) (*log.Logger, func(), error) {
	if file == "" {
		return log.New(stderr, "planc lsp: ", log.LstdFlags), func() {}, nil
	}
	f, err := os.OpenFile(file, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, nil, &usageError{fmt.Sprintf("cannot open the log file: %v", err)}
	}
	return log.New(f, "planc lsp: ", log.LstdFlags), func() { f.Close() }, nil
}
