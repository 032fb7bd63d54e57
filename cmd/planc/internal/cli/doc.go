// Package cli implements the planc command line: one cobra command per
// subcommand, each a thin layer over lang/source, lang, compiler and the
// emitters. Main returns the exit status instead of exiting, so that tests
// (and testscript) can run the command in-process.
//
// Exit status: 0 no error; 1 the plan has errors (or warnings with
// --strict); 2 the command was used wrongly or its input could not be read.
package cli
