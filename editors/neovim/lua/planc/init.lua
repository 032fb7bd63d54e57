-- planc: the language server `planc lsp` for plan files (*.plan.hcl).
--
-- plugin/planc.lua starts it for every buffer of filetype planc; this module
-- holds the settings and does the starting, on Neovim 0.7 and later:
--
--   require("planc").setup({
--     cmd = { "planc", "lsp" },  -- the server's command
--     root_markers = { ".git" }, -- one server per project; else per directory
--     inlay_hints = true,        -- solved values beside declarations (0.10+)
--     on_attach = function(client, bufnr) end,
--     capabilities = nil,        -- e.g. from cmp_nvim_lsp
--     autostart = true,          -- false: call require("planc").start() yourself
--   })
local M = {}

local defaults = {
  cmd = { "planc", "lsp" },
  root_markers = { ".git" },
  inlay_hints = true,
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
  autostart = true,
}

M.config = vim.deepcopy(defaults)

-- setup overrides the defaults (each given key replaces the default's).
function M.setup(opts)
  M.config = vim.tbl_extend("force", vim.deepcopy(defaults), opts or {})
end

-- root_dir is the directory of the nearest root marker above the file, or
-- the file's own directory: a plan is a directory of *.plan.hcl files, and
-- one server checks every plan it is given a file of.
function M.root_dir(fname)
  local dir = vim.fn.fnamemodify(fname, ":p:h")
  for _, marker in ipairs(M.config.root_markers or {}) do
    -- finddir and findfile search upward with ";" (a .git of a worktree is
    -- a file).
    local found = vim.fn.finddir(marker, dir .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(vim.fn.fnamemodify(found, ":p"):gsub("/$", ""), ":h")
    end
    found = vim.fn.findfile(marker, dir .. ";")
    if found ~= "" then
      return vim.fn.fnamemodify(found, ":p:h")
    end
  end
  return dir
end

local function on_attach(client, bufnr)
  if M.config.inlay_hints and vim.lsp.inlay_hint and vim.lsp.inlay_hint.enable then
    -- 0.10's signature; pcall for the nightlies that had another one.
    pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
  end
  if M.config.on_attach then
    M.config.on_attach(client, bufnr)
  end
end

-- The clients started on Neovim 0.7, by root directory (0.8+'s vim.lsp.start
-- reuses a client of the same name and root by itself).
local clients = {}
local warned = false

-- start attaches the planc server to buffer bufnr (default: the current
-- one), starting the server if none runs for the buffer's root directory.
-- It returns the client's id, or nil.
function M.start(bufnr)
  if bufnr == nil or bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local fname = vim.api.nvim_buf_get_name(bufnr)
  if fname == "" or vim.bo[bufnr].buftype ~= "" or fname:match("^%a[%w+.-]*://") then
    return nil -- not a file on disk
  end
  local cmd = M.config.cmd
  if type(cmd) == "string" then
    cmd = { cmd, "lsp" }
  end
  if vim.fn.executable(cmd[1]) ~= 1 then
    if not warned then
      warned = true
      vim.notify(
        ("planc: %q is not an executable; install planc or set require('planc').setup({ cmd = { '/path/to/planc', 'lsp' } })"):format(cmd[1]),
        vim.log.levels.WARN
      )
    end
    return nil
  end
  local root = M.root_dir(fname)
  local config = {
    name = "planc",
    cmd = cmd,
    root_dir = root,
    on_attach = on_attach,
    capabilities = M.config.capabilities,
    handlers = M.config.handlers,
  }

  if vim.lsp.start then -- 0.8 and later
    return vim.lsp.start(config, { bufnr = bufnr })
  end

  -- 0.7: start_client once per root, then attach each buffer.
  local id = clients[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client.is_stopped() then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

return M
