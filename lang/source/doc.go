// Package source collects the *.plan.hcl files of a plan and feeds them, as
// []lang.Source, to lang.Parse: the one place that decides which files make
// a plan and how they are read. Files come from disk (Read, and ReadTree
// for a whole tree), standard input (ReadStdin), a git revision (ReadGit;
// ReadArg takes either a path or a revision, as planc diff does) or an
// editor's unsaved buffers laid over the disk (Overlay), for the language
// server.
//
// Failures to read are diagnostics with the codes lang.ReadError and
// lang.NoPlanFiles, never Go errors, so that every command reports them the
// way it reports the plan's own findings.
package source
