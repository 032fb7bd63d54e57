;;; planc.el --- Major mode and Eglot setup for planc plans  -*- lexical-binding: t; -*-

;; Copyright (c) 2026 The planc authors
;; SPDX-License-Identifier: MIT

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; URL: https://github.com/planc-dev/planc

;;; Commentary:

;; planc compiles B2B marketing plans written in HCL (*.plan.hcl files).
;; This file gives plan files a major mode, `planc-mode', and tells Eglot
;; to start the language server `planc lsp' for it:
;;
;;   (add-to-list 'load-path "/path/to/planc/editors/emacs")
;;   (require 'planc)
;;   (add-hook 'planc-mode-hook #'eglot-ensure)
;;
;; `planc-mode' derives from `hcl-mode' when the hcl-mode package is
;; installed (its highlighting and indentation), and from `prog-mode'
;; otherwise, with its own highlighting of comments, strings, numbers,
;; block types, attribute names and references, and brace indentation.
;; Eglot is built into Emacs 29 and later; on Emacs 27 and 28 install it
;; from GNU ELPA (or Debian's elpa-eglot).

;;; Code:

(require 'hcl-mode nil t)

(defgroup planc nil
  "Plans of planc (*.plan.hcl) and the planc language server."
  :group 'languages
  :prefix "planc-")

(defcustom planc-program "planc"
  "The planc executable, started by Eglot as \"planc lsp\"."
  :type 'string)

(defcustom planc-indent-offset 2
  "Indentation of a plan's nested lines, when `hcl-mode' is not installed."
  :type 'integer)

;; The parent of `planc-mode': `hcl-mode' where installed, else `prog-mode'.
(defalias 'planc--parent-mode
  (if (fboundp 'hcl-mode) 'hcl-mode 'prog-mode))

(defvar planc-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; Comments: # and // to the end of the line, /* */ around.
    (modify-syntax-entry ?# "< b" st)
    (modify-syntax-entry ?/ ". 124b" st)
    (modify-syntax-entry ?* ". 23" st)
    (modify-syntax-entry ?\n "> b" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?\\ "\\" st)
    (modify-syntax-entry ?_ "_" st)
    (modify-syntax-entry ?- "_" st)
    (modify-syntax-entry ?= "." st)
    st)
  "Syntax table of `planc-mode'.")

(defconst planc-font-lock-keywords
  `(;; A block header: its type, before its quoted labels and brace.
    ("^[ \t]*\\([[:alpha:]_][[:alnum:]_-]*\\)\\(?:[ \t]+\"[^\"\n]*\"\\)*[ \t]*{"
     1 font-lock-keyword-face)
    ;; The labels of a block header.
    ("^[ \t]*[[:alpha:]_][[:alnum:]_-]*[ \t]+\\(\"[^\"\n]*\"\\)"
     1 font-lock-type-face t)
    ;; An attribute: a name before a single =.
    ("^[ \t]*\\([[:alpha:]_][[:alnum:]_-]*\\)[ \t]*=[^=]"
     1 font-lock-variable-name-face)
    ;; The root of a reference: kgi.x, funnel.demand.revenue, ...
    ("\\_<\\([[:alpha:]_][[:alnum:]_-]*\\)\\.[[:alpha:]_]"
     1 font-lock-builtin-face)
    (,(regexp-opt '("true" "false" "null") 'symbols) . font-lock-constant-face)
    ("\\_<[0-9]+\\(?:\\.[0-9]+\\)?\\(?:[eE][-+]?[0-9]+\\)?\\_>" . font-lock-constant-face))
  "Highlighting of `planc-mode' without `hcl-mode'.")

(defun planc-indent-line ()
  "Indent the current line by its depth of braces, brackets and parentheses."
  (interactive)
  (let* ((savep (> (current-column) (current-indentation)))
         (indent
          (save-excursion
            (beginning-of-line)
            (let* ((ppss (syntax-ppss))
                   (depth (car ppss)))
              (if (nth 3 ppss)
                  (current-indentation) ; inside a string: leave it
                (skip-chars-forward " \t")
                (when (and (> depth 0) (memq (char-after) '(?\} ?\] ?\))))
                  (setq depth (1- depth)))
                (* (max depth 0) planc-indent-offset))))))
    (if savep
        (save-excursion (indent-line-to indent))
      (indent-line-to indent))))

;;;###autoload
(define-derived-mode planc-mode planc--parent-mode "planc"
  "Major mode for planc plans (*.plan.hcl files), which are HCL.
With Eglot, `planc lsp' gives diagnostics, hover, go to definition,
completion and formatting: see `eglot-ensure'."
  :syntax-table planc-mode-syntax-table
  :group 'planc
  (setq-local comment-start "# ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|#+\\|/\\*+\\)[ \t]*")
  (setq-local indent-tabs-mode nil)
  (unless (derived-mode-p 'hcl-mode)
    (setq-local font-lock-defaults '(planc-font-lock-keywords))
    (setq-local indent-line-function #'planc-indent-line)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.plan\\.hcl\\'" . planc-mode))

(defun planc-eglot-contact (&optional _interactive)
  "The command of planc's language server, for `eglot-server-programs'."
  (list planc-program "lsp"))

(defvar eglot-server-programs)

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(planc-mode . planc-eglot-contact)))

(provide 'planc)

;;; planc.el ends here
