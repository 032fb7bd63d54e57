" planc: buffer settings for plan files (*.plan.hcl), as for HCL.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=#\ %s
setlocal comments=:#,://,s1:/*,mb:*,ex:*/
setlocal expandtab shiftwidth=2 softtabstop=2
setlocal iskeyword+=-

let b:undo_ftplugin = 'setlocal commentstring< comments< expandtab< shiftwidth< softtabstop< iskeyword<'
