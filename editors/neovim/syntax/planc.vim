" planc: syntax highlighting for plan files (*.plan.hcl).
"
" Plans are HCL. Where an HCL syntax file is on 'runtimepath' (Neovim 0.11
" ships one, as do HCL and Terraform plugins), it is used as it is.
" Otherwise (as on Neovim 0.7 to 0.10) the rules below highlight HCL's
" comments, strings, numbers, block headers and attribute names. With
" nvim-treesitter and its hcl parser, tree-sitter highlighting replaces both
" (the plugin registers the hcl parser for the planc filetype).
if exists('b:current_syntax')
  finish
endif

if !empty(globpath(&runtimepath, 'syntax/hcl.vim'))
  runtime! syntax/hcl.vim
  unlet! b:current_syntax
else
  syntax case match

  syntax keyword plancTodo contained TODO FIXME XXX NOTE
  syntax match plancComment "#.*$" contains=plancTodo,@Spell
  syntax match plancComment "//.*$" contains=plancTodo,@Spell
  syntax region plancComment start="/\*" end="\*/" contains=plancTodo,@Spell

  syntax match plancEscape contained "\\[nrt"\\]\|\\u\x\{4}\|\\U\x\{8}"
  syntax region plancInterpolation contained matchgroup=plancBraces start="\${" end="}" contains=TOP
  syntax region plancString start=+"+ skip=+\\"+ end=+"+ contains=plancEscape,plancInterpolation,@Spell
  syntax region plancHeredoc start=+<<-\?\z(\h\w*\)$+ end=+^\s*\z1$+ contains=plancInterpolation

  syntax match plancNumber "\<\d\+\%(\.\d\+\)\?\%([eE][+-]\?\d\+\)\?\>"
  syntax keyword plancConstant true false null

  " A block header: a type and its quoted labels before the brace.
  syntax match plancBlockType "^\s*\zs\h[[:alnum:]_-]*\ze\%(\s\+\"[^"]*\"\)*\s*{"
  " An attribute: a name before a single =.
  syntax match plancAttribute "^\s*\zs\h[[:alnum:]_-]*\ze\s*=\%([^=]\|$\)"
  " A reference's root: kgi.x, kpi.x, funnel.x.y, channel.x, budget.x ...
  syntax match plancReference "\<\h[[:alnum:]_-]*\ze\.\h"

  highlight default link plancComment Comment
  highlight default link plancTodo Todo
  highlight default link plancString String
  highlight default link plancHeredoc String
  highlight default link plancEscape SpecialChar
  highlight default link plancBraces Delimiter
  highlight default link plancNumber Number
  highlight default link plancConstant Boolean
  highlight default link plancBlockType Structure
  highlight default link plancAttribute Identifier
  highlight default link plancReference Type
endif

let b:current_syntax = 'planc'
