-- A real client for planc lsp: Neovim's own LSP client, started by this
-- directory's plugin, drives the server through a plan and writes what it
-- saw as JSON for cmd/planc/neovim_test.go to check. Works on Neovim 0.7
-- (Debian 12) and later. Run as
--
--   PLANC_NVIM_PLUGIN=editors/neovim PLANC_TEST_PLANC=/path/to/planc \
--   PLANC_TEST_PLAN=/tmp/minimal/plan.plan.hcl PLANC_TEST_OUT=/tmp/out.json \
--   nvim --headless --clean -u editors/neovim/test/lsp_test.lua
--
-- Every step records its result and goes on; a step that fails records an
-- error. The script always writes PLANC_TEST_OUT and quits, also on a Lua
-- error, so that the Go test reports what went wrong instead of timing out.

local env = vim.env
vim.opt.runtimepath:prepend(env.PLANC_NVIM_PLUGIN)
vim.opt.swapfile = false
vim.opt.shadafile = "NONE"

local planc_cmd = { env.PLANC_TEST_PLANC, "lsp" }
if env.PLANC_TEST_LOG and env.PLANC_TEST_LOG ~= "" then
  table.insert(planc_cmd, "--log")
  table.insert(planc_cmd, env.PLANC_TEST_LOG)
end
require("planc").setup({ cmd = planc_cmd })

local TIMEOUT = tonumber(env.PLANC_TEST_TIMEOUT or "") or 15000

local R = { steps = {}, notifications = {} }
local buf, client

local v = vim.version()
R.nvim_version = ("%d.%d.%d"):format(v.major, v.minor, v.patch)
R.vim_lsp_start = vim.lsp.start ~= nil

-- vim.notify's messages (the plugin's, the LSP client's) go to the result.
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(R.notifications, tostring(msg))
  return notify(msg, level, opts)
end

-- Every textDocument/publishDiagnostics, as the server sent it.
local publishes = {}
local publish_handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result then
    table.insert(publishes, result)
  end
  return publish_handler(err, result, ctx, config)
end

local function lines()
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local function text()
  return table.concat(lines(), "\n") .. "\n"
end

-- find returns the 0-based line and byte column of the first occurrence of
-- plain string s (after skipping `skip` occurrences), or errors.
local function find(s, skip)
  skip = skip or 0
  for i, line in ipairs(lines()) do
    local init = 1
    while true do
      local c = line:find(s, init, true)
      if not c then
        break
      end
      if skip == 0 then
        return i - 1, c - 1
      end
      skip = skip - 1
      init = c + 1
    end
  end
  error(("%q is not in the buffer"):format(s))
end

-- utf16 is the UTF-16 length of the first `col` bytes of line l: LSP's
-- character offset, as Neovim's client negotiates it (UTF-16).
local function utf16(l, col)
  local s = lines()[l + 1]:sub(1, col)
  local n = 0
  for i = 1, #s do
    local b = s:byte(i)
    if b < 0x80 or b >= 0xC0 then
      n = n + ((b >= 0xF0) and 2 or 1)
    end
  end
  return n
end

local function position(l, col)
  return { line = l, character = utf16(l, col) }
end

local function doc()
  return { uri = vim.uri_from_bufnr(buf) }
end

-- request sends method to the planc client and waits for its answer:
-- result, error (an LSP ResponseError table or a string).
local function request(method, params)
  local done, res, rerr = false, nil, nil
  local handler = function(err, result)
    done, res, rerr = true, result, err
  end
  local ok, sent
  if vim.fn.has("nvim-0.11") == 1 then
    ok, sent = pcall(client.request, client, method, params, handler, buf)
  else
    ok, sent = pcall(client.request, method, params, handler, buf)
  end
  if not ok or not sent then
    return nil, "not sent: " .. tostring(sent)
  end
  if not vim.wait(TIMEOUT, function()
    return done
  end, 10) then
    return nil, "timed out"
  end
  return res, rerr
end

-- wait_diagnostics waits for the server's diagnostics of the buffer as it
-- is now (a publish of at least its current version: Neovim sends the
-- buffer's changedtick as the version of a change) and returns them.
-- After didOpen (version 0), any publish will do.
local function wait_diagnostics(opened)
  local uri = vim.uri_from_bufnr(buf)
  local version = opened and 0 or vim.api.nvim_buf_get_changedtick(buf)
  local got
  local ok = vim.wait(TIMEOUT, function()
    for i = #publishes, 1, -1 do
      local p = publishes[i]
      if p.uri == uri and (p.version == nil or p.version >= version) then
        got = p
        return true
      end
    end
    return false
  end, 10)
  if not ok then
    error(("no diagnostics of version %d of %s arrived"):format(version, uri))
  end
  return got.diagnostics
end

local function set_line(l, s)
  vim.api.nvim_buf_set_lines(buf, l, l + 1, false, { s })
end

-- apply applies a WorkspaceEdit as Neovim's own handlers do.
local function apply(edit)
  vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding or "utf-16")
end

-- The steps, in order; each writes R[name].
local steps = {}

function steps.open()
  -- edit!: the buffer Neovim read from a non-terminal stdin may be modified.
  vim.cmd("edit! " .. vim.fn.fnameescape(env.PLANC_TEST_PLAN))
  buf = vim.api.nvim_get_current_buf()
  R.open = {
    filetype = vim.bo[buf].filetype,
    syntax = vim.b[buf].current_syntax,
    commentstring = vim.bo[buf].commentstring,
    shiftwidth = vim.bo[buf].shiftwidth,
  }
  local function attached()
    if vim.lsp.get_clients then
      return vim.lsp.get_clients({ bufnr = buf, name = "planc" })
    elseif vim.fn.has("nvim-0.8") == 1 then
      return vim.lsp.get_active_clients({ bufnr = buf, name = "planc" })
    end
    return vim.tbl_values(vim.lsp.buf_get_clients(buf))
  end
  if not vim.wait(TIMEOUT, function()
    local cs = attached()
    return #cs > 0 and cs[1].initialized ~= false and cs[1].server_capabilities ~= nil
  end, 10) then
    error("planc lsp did not attach to the buffer")
  end
  client = attached()[1]
  local caps = client.server_capabilities
  R.open.client = {
    name = client.name,
    root_dir = client.config.root_dir,
    cmd = client.config.cmd,
    offset_encoding = client.offset_encoding,
    capabilities = {
      hover = caps.hoverProvider and true or false,
      definition = caps.definitionProvider and true or false,
      completion = caps.completionProvider ~= nil,
      formatting = caps.documentFormattingProvider and true or false,
      codeAction = caps.codeActionProvider and true or false,
      rename = caps.renameProvider and true or false,
    },
  }
  R.open.diagnostics = wait_diagnostics(true)
end

-- An edit that makes an error, then its undoing.
function steps.edit()
  local l, c = find('rate  = "10%"')
  local before = lines()[l + 1]
  set_line(l, before:sub(1, c) .. "rate  = 10")
  R.edit = { line = l, text = lines()[l + 1], diagnostics = wait_diagnostics() }
  -- vim.diagnostic's view of them: what the user sees.
  R.edit.shown = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(R.edit.shown, { lnum = d.lnum, col = d.col, message = d.message, severity = d.severity })
  end
  set_line(l, before)
  R.edit.fixed = wait_diagnostics()
end

-- Hover on revenue in the KGI's formula funnel.demand.revenue.
function steps.hover()
  local l, c = find("funnel.demand.revenue")
  c = c + #"funnel.demand."
  local result, err = request("textDocument/hover", { textDocument = doc(), position = position(l, c + 2) })
  R.hover = { line = l, character = utf16(l, c), result = result, error = err }
end

-- Go to definition with vim.lsp.buf.definition(), as `gd` maps are written:
-- from demand in the first channel's funnel = funnel.demand, the cursor
-- goes to the funnel's block.
function steps.definition()
  local l, c = find("funnel = funnel.demand")
  c = c + #"funnel = funnel."
  vim.api.nvim_win_set_cursor(0, { l + 1, c + 1 })
  local result, err = request("textDocument/definition", { textDocument = doc(), position = position(l, c + 1) })
  R.definition = { line = l, character = utf16(l, c), result = result, error = err }
  vim.lsp.buf.definition()
  vim.wait(TIMEOUT, function()
    return vim.api.nvim_win_get_cursor(0)[1] ~= l + 1
  end, 10)
  local cursor = vim.api.nvim_win_get_cursor(0)
  R.definition.cursor = { line = cursor[1] - 1, col = cursor[2] }
  R.definition.cursor_text = lines()[cursor[1]]
end

-- Completion after `funnel.demand.` in a KPI being written: the stages.
function steps.completion()
  local n = #lines()
  vim.api.nvim_buf_set_lines(buf, n, n, false, { "", 'kpi "x" {', "  formula = funnel.demand." })
  local l = n + 2
  local result, err = request("textDocument/completion", {
    textDocument = doc(),
    position = position(l, #lines()[l + 1]),
    context = { triggerKind = 2, triggerCharacter = "." },
  })
  local items = result and (result.items or result) or {}
  R.completion = { items = {}, error = err }
  for _, item in ipairs(items) do
    table.insert(R.completion.items, { label = item.label, detail = item.detail, kind = item.kind })
  end
  vim.api.nvim_buf_set_lines(buf, n, -1, false, {})
  wait_diagnostics()
end

-- Formatting with Neovim's own command: a file with its indentation taken
-- away comes back as it was.
function steps.formatting()
  local before = text()
  local flat = {}
  for i, line in ipairs(lines()) do
    flat[i] = (line:gsub("^%s+", ""))
  end
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, flat)
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = TIMEOUT, bufnr = buf })
  else
    vim.lsp.buf.formatting_sync(nil, TIMEOUT)
  end
  R.formatting = { restored = text() == before, flat_differed = table.concat(flat, "\n") .. "\n" ~= before }
  if not R.formatting.restored then
    R.formatting.text = text()
  end
  wait_diagnostics()
end

-- Quick fix: a misspelled funnel, then the code action that fixes it.
function steps.code_action()
  local l, c = find("funnel = funnel.demand")
  local line = lines()[l + 1]
  set_line(l, line:gsub("funnel%.demand", "funnel.demnd", 1))
  local diags = wait_diagnostics()
  R.code_action = { line = l, diagnostics = diags }
  local on_line = {}
  for _, d in ipairs(diags) do
    if d.range.start.line == l then
      table.insert(on_line, d)
    end
  end
  local range = on_line[1] and on_line[1].range or { start = position(l, c), ["end"] = position(l, #line) }
  local result, err = request("textDocument/codeAction", {
    textDocument = doc(),
    range = range,
    context = { diagnostics = on_line },
  })
  R.code_action.result = result
  R.code_action.error = err
  -- The first quick fix, applied as Neovim applies a chosen action: its
  -- edit, then its command.
  for _, action in ipairs(result or {}) do
    if action.edit or action.command then
      R.code_action.applied = action.title
      if action.edit then
        apply(action.edit)
      end
      local command = type(action.command) == "table" and action.command or (action.edit == nil and action or nil)
      if command and command.command then
        R.code_action.command_result, R.code_action.command_error =
          request("workspace/executeCommand", { command = command.command, arguments = command.arguments })
      end
      break
    end
  end
  R.code_action.text = lines()[l + 1]
  R.code_action.after = wait_diagnostics()
  -- Put the line back, whatever happened, for the steps that follow.
  set_line(l, line)
  wait_diagnostics()
end

-- Rename: the funnel demand to pipeline, from a reference to it.
function steps.rename()
  local l, c = find("funnel = funnel.demand", 1)
  c = c + #"funnel = funnel."
  local result, err = request("textDocument/rename", {
    textDocument = doc(),
    position = position(l, c + 1),
    newName = "pipeline",
  })
  R.rename = { line = l, character = utf16(l, c), result = result, error = err }
  if result then
    apply(result)
    R.rename.text = text()
    R.rename.after = wait_diagnostics()
  end
end

local order = { "open", "edit", "hover", "definition", "completion", "formatting", "code_action", "rename" }

local function run()
  for _, name in ipairs(order) do
    local started = (vim.uv or vim.loop).hrtime()
    local ok, err = pcall(steps[name])
    table.insert(R.steps, { name = name, ok = ok, error = (not ok) and tostring(err) or nil, ms = ((vim.uv or vim.loop).hrtime() - started) / 1e6 })
    if not ok and (name == "open" or not client) then
      break -- nothing else can work
    end
  end
  local ok, json = pcall(vim.fn.json_encode, R)
  if not ok then
    json = vim.fn.json_encode({ steps = { { name = "encode", ok = false, error = tostring(json) } } })
  end
  local f = assert(io.open(env.PLANC_TEST_OUT, "w"))
  f:write(json)
  f:close()
  vim.cmd("qall!")
end

vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = pcall(run)
      if not ok then
        local f = io.open(env.PLANC_TEST_OUT, "w")
        if f then
          f:write(vim.fn.json_encode({ steps = { { name = "run", ok = false, error = tostring(err) } } }))
          f:close()
        end
        vim.cmd("qall!")
      end
    end)
  end,
})
