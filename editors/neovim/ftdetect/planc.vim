" planc: *.plan.hcl files are plans, of filetype planc (highlighted as HCL).
" Neovim's own rule makes every *.hcl file "hcl"; this one, sourced after
" it, overrides that for plan files. Works on every Neovim and on Vim.
autocmd BufRead,BufNewFile *.plan.hcl if &filetype !=# 'planc' | set filetype=planc | endif
