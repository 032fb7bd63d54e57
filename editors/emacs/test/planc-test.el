;;; planc-test.el --- Tests of planc.el with Eglot and planc lsp  -*- lexical-binding: t; -*-

;; Run from the repository's root, with planc on PATH or in $PLANC:
;;
;;   emacs --batch -L editors/emacs -l editors/emacs/test/planc-test.el \
;;     -f ert-run-tests-batch-and-exit
;;
;; Eglot comes with Emacs 29 and later; on Emacs 28 (Debian 12) it is the
;; package elpa-eglot, which `package-initialize' loads below.

;;; Code:

(require 'package)
(package-initialize)
(require 'ert)
(require 'planc)
(require 'eglot)

(defconst planc-test--root
  (expand-file-name "../../.." (file-name-directory (or load-file-name buffer-file-name)))
  "The repository's root.")

(when (getenv "PLANC")
  (setq planc-program (getenv "PLANC")))

(defun planc-test--open-copy ()
  "Visit a copy of examples/minimal/plan.plan.hcl in a new directory."
  (let* ((dir (make-temp-file "planc-test" t))
         (file (expand-file-name "plan.plan.hcl" dir)))
    (copy-file (expand-file-name "examples/minimal/plan.plan.hcl" planc-test--root) file)
    (find-file file)))

(defun planc-test--wait (pred &optional seconds)
  "Wait up to SECONDS (default 20) for PRED to return non-nil; return it."
  (let ((deadline (+ (float-time) (or seconds 20)))
        result)
    (while (and (not (setq result (funcall pred)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    result))

(defun planc-test--send-changes ()
  "Send the buffer's changes to the server now.
Eglot sends them on an idle timer, and Emacs is never idle in batch mode."
  (when (fboundp 'eglot--signal-textDocument/didChange)
    (eglot--signal-textDocument/didChange)))

(defun planc-test--goto (text)
  "Move point to the start of the first occurrence of TEXT."
  (goto-char (point-min))
  (should (search-forward text nil t))
  (goto-char (match-beginning 0)))

(ert-deftest planc-test-mode ()
  "Plan files open in `planc-mode', with HCL comments."
  (with-current-buffer (planc-test--open-copy)
    (unwind-protect
        (progn
          (should (eq major-mode 'planc-mode))
          (should (derived-mode-p 'prog-mode))
          (should (equal comment-start "# "))
          (should (eq (cdr (assoc 'planc-mode eglot-server-programs)) 'planc-eglot-contact))
          (should (equal (planc-eglot-contact) (list planc-program "lsp"))))
      (kill-buffer))))

(ert-deftest planc-test-font-lock ()
  "Comments, block types, attribute names and strings are highlighted."
  (skip-unless (not (fboundp 'hcl-mode))) ; planc.el's own highlighting
  (with-current-buffer (planc-test--open-copy)
    (unwind-protect
        (progn
          (font-lock-ensure)
          (planc-test--goto "# The smallest")
          (should (memq (get-text-property (1+ (point)) 'face)
                        '(font-lock-comment-face font-lock-comment-delimiter-face)))
          (planc-test--goto "funnel \"demand\" {")
          (should (eq (get-text-property (point) 'face) 'font-lock-keyword-face))
          (planc-test--goto "  deal_size")
          (should (eq (get-text-property (+ 2 (point)) 'face) 'font-lock-variable-name-face))
          (planc-test--goto "\"New business\"")
          (should (eq (get-text-property (1+ (point)) 'face) 'font-lock-string-face)))
      (kill-buffer))))

(ert-deftest planc-test-indent ()
  "Indenting a plan without its indentation puts it back."
  (skip-unless (not (fboundp 'hcl-mode)))
  (with-current-buffer (planc-test--open-copy)
    (unwind-protect
        (let ((want (buffer-string)))
          (goto-char (point-min))
          (while (re-search-forward "^[ \t]+" nil t)
            (replace-match ""))
          (should-not (equal (buffer-string) want))
          (indent-region (point-min) (point-max))
          (should (equal (buffer-string) want)))
      (set-buffer-modified-p nil)
      (kill-buffer))))

(ert-deftest planc-test-eglot ()
  "Eglot starts planc lsp: diagnostics of an edit, and formatting."
  (skip-unless (executable-find planc-program))
  (with-current-buffer (planc-test--open-copy)
    (unwind-protect
        (let ((original (buffer-string)))
          ;; As a user's (add-hook 'planc-mode-hook #'eglot-ensure) does: the
          ;; connection is made after the command that opened the file.
          (eglot-ensure)
          (run-hooks 'post-command-hook)
          (should (planc-test--wait (lambda () (and (eglot-current-server) eglot--managed-mode))))
          (should (equal (process-command (jsonrpc--process (eglot-current-server)))
                         (list planc-program "lsp")))
          ;; An error, as Flymake shows it.
          (planc-test--goto "rate  = \"10%\"")
          (let ((line (line-number-at-pos)))
            (delete-region (point) (line-end-position))
            (insert "rate  = 10")
            (planc-test--send-changes)
            (should (planc-test--wait
                     (lambda ()
                       (flymake-start)
                       (seq-find (lambda (d)
                                   (and (string-match-p "Rate out of range" (flymake-diagnostic-text d))
                                        (= (line-number-at-pos (flymake-diagnostic-beg d)) line)))
                                 (flymake-diagnostics))))))
          ;; Formatting with eglot-format-buffer restores the layout.
          (erase-buffer)
          (insert (replace-regexp-in-string "^[ \t]+" "" original))
          (planc-test--send-changes)
          (should-not (equal (buffer-string) original))
          (should (planc-test--wait
                   (lambda ()
                     (eglot-format-buffer)
                     (equal (buffer-string) original))
                   10)))
      (when (eglot-current-server)
        (eglot-shutdown (eglot-current-server)))
      (set-buffer-modified-p nil)
      (kill-buffer))))

;;; planc-test.el ends here
