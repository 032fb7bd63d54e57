-- planc: starts `planc lsp` for plan files (*.plan.hcl, filetype planc).
-- Settings: require("planc").setup({...}) in init.lua (see lua/planc/init.lua).
if vim.g.loaded_planc then
  return
end
vim.g.loaded_planc = true

-- ftdetect/planc.vim detects plan files on every version; 0.8+ also gets the
-- rule in vim.filetype, so that a plan file never passes through "hcl".
if vim.filetype and vim.filetype.add and vim.fn.has("nvim-0.8") == 1 then
  vim.filetype.add({ pattern = { [".*%.plan%.hcl"] = "planc" } })
end

-- Tree-sitter (0.9+): highlight planc with the hcl parser where one is
-- installed (nvim-treesitter's `:TSInstall hcl`).
if vim.treesitter and vim.treesitter.language and vim.treesitter.language.register then
  pcall(vim.treesitter.language.register, "hcl", "planc")
end

local group = vim.api.nvim_create_augroup("planc", { clear = true })
vim.api.nvim_create_autocmd("FileType", {
  group = group,
  pattern = "planc",
  callback = function(args)
    local planc = require("planc")
    if planc.config.autostart then
      planc.start(args.buf)
    end
  end,
})

vim.api.nvim_create_user_command("PlancStart", function()
  require("planc").start(0)
end, { desc = "Start or attach planc lsp for the current buffer" })
