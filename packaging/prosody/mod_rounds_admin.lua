-- mod_rounds_admin: IT administration for the Rounds clinical profile on Prosody 0.12.
-- Device records per (account, SASL2 user-agent id), the <device-report/> iq, admin ad-hoc
-- commands (list-users, list-devices, revoke-device, wipe-device, disable-account,
-- enable-account, export-audit), remote wipe delivery and confirmation, and the
-- hash-chained server audit (archive store rounds_audit). Wire format: docs/admin.md.
-- Needs mod_rounds_auth on the same host (SASL2); the org policy node is mod_rounds_policy.
-- SPDX-License-Identifier: GPL-3.0-or-later

local st = require "util.stanza";
local jid = require "util.jid";
local usermanager = require "core.usermanager";
local datetime = require "util.datetime";
local dataforms = require "util.dataforms";
local uuid = require "util.uuid";
local hashes = require "util.hashes";
local json = require "util.json";
local nodeprep = require "util.encodings".stringprep.nodeprep;

local lib = module:require "rounds_admin_lib";

local NS_ADMIN = "https://rounds.invalid/ns/admin";
local NS_SM = "urn:xmpp:sm:3";
local NS_STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";
local NS_DATA = "jabber:x:data";
local OMEMO_NODES = {
	{ node = "eu.siacs.conversations.axolotl.devicelist", name = "list", xmlns = "eu.siacs.conversations.axolotl" },
	{ node = "urn:xmpp:omemo:2:devices", name = "devices", xmlns = "urn:xmpp:omemo:2" },
};

local host = module.host;

module:depends("rounds_auth");
module:depends("adhoc");
local mod_pep = module:depends("pep");
local adhoc_new = module:require("adhoc").new;

-- rounds_devices: per account { [user-agent id] = record } (see rounds_admin_lib).
-- rounds_auth: mod_rounds_auth's store (FAST slots, TOTP, and `disabled` set here).
local devices = module:open_store("rounds_devices");
local auth_store = module:open_store("rounds_auth");
local audit_store = module:open_store("rounds_audit", "archive");
local c2s_sessions = module:shared("/*/c2s/sessions");

local function sha256(s) return hashes.sha256(s, true); end
local function now_ts() return datetime.datetime(os.time()); end
local function bare(username) return username .. "@" .. host; end

-- ---------------------------------------------------------------------------
-- Server audit: one archive entry per event, JSON in an <entry/> element, hash-chained.
-- ---------------------------------------------------------------------------
local last_entry; -- { seq, hash } of the newest entry

local function entry_of(item)
	local text = item and item.get_text and item:get_text();
	return text and json.decode(text) or nil;
end

do
	local iter = audit_store:find(nil, { reverse = true, limit = 1 });
	if iter then
		for _, item in iter do
			local e = entry_of(item);
			if e and type(e.seq) == "number" and type(e.hash) == "string" then last_entry = e; end
		end
	end
end

local function append_audit(fields)
	fields.ts = fields.ts or now_ts();
	local entry = lib.audit_next(last_entry, fields, sha256);
	local ok, err = audit_store:append(nil, nil, st.stanza("entry", { xmlns = NS_ADMIN }):text(lib.audit_json(entry)),
		os.time(), fields.account);
	if not ok then
		module:log("error", "rounds-admin: could not append to the audit store: %s", tostring(err));
		return;
	end
	last_entry = entry;
end

-- Events of mod_rounds_auth (they carry no secrets; see its audit()).
module:hook("rounds-audit", function(event)
	append_audit({ event = event.event, actor = event.actor, account = event.account,
		user_agent_id = event.user_agent_id, detail = event.detail });
end);

-- Admin events: one log line and one audit entry. Never passwords, codes, tokens, bodies.
local function admin_event(event, actor, username, ua_id, detail)
	module:log("info", "rounds-admin event=%s account=%s ua=%s by=%s%s", event, username and bare(username) or "-",
		ua_id or "-", actor or "-", detail and (" " .. detail) or "");
	append_audit({ event = event, actor = actor, account = username and bare(username) or nil,
		user_agent_id = ua_id, detail = detail });
end

-- ---------------------------------------------------------------------------
-- Sessions of a client: bound ones (also hibernated, XEP-0198) and unbound ones
-- ---------------------------------------------------------------------------
local function sessions_of(username, ua_id)
	local out, seen = {}, {};
	local user = prosody.hosts[host].sessions[username];
	if user then
		for _, s in pairs(user.sessions) do
			if ua_id == nil or s.rounds_ua_id == ua_id then out[#out + 1], seen[s] = s, true; end
		end
	end
	for _, s in pairs(c2s_sessions) do
		if not seen[s] and s.host == host and s.username == username and (ua_id == nil or s.rounds_ua_id == ua_id) then
			out[#out + 1], seen[s] = s, true;
		end
	end
	return out;
end

local function is_online(username, ua_id)
	for _, s in ipairs(sessions_of(username, ua_id)) do
		if s.full_jid and not s.hibernating and not s.destroyed then return true; end
	end
	return false;
end

local function close_sessions(username, ua_id, reason)
	local list = sessions_of(username, ua_id);
	for _, s in ipairs(list) do
		if not s.destroyed then s:close(reason); end
	end
	return #list;
end

-- ---------------------------------------------------------------------------
-- Device records
-- ---------------------------------------------------------------------------
local function load_devices(username) return devices:get(username) or {}; end
local function save_devices(username, all)
	if next(all) == nil then all = nil; end
	local ok, err = devices:set(username, all);
	if not ok then module:log("error", "rounds-admin: storage error for %s: %s", username, tostring(err)); end
end

local function drop_tokens(username, ua_id)
	local rec = auth_store:get(username);
	if rec and rec.fast and rec.fast[ua_id] then
		rec.fast[ua_id] = nil;
		if next(rec.fast) == nil then rec.fast = nil; end
		auth_store:set(username, rec);
		return true;
	end
	return false;
end

-- Every successful SASL2 authentication (mod_rounds_auth, before tokens and binding).
module:hook("rounds-auth/device-login", function(event)
	if not event.ua_id then return; end
	local all = load_devices(event.username);
	local rec, action = lib.device_login(all[event.ua_id], now_ts(), event.ua);
	all[event.ua_id] = rec;
	save_devices(event.username, all);
	if action == "deliver-wipe" then event.wipe_id = rec.wipe_id; end
end);

-- A token login refused: if an admin revoked this client, the failure says so
-- (the stream error that closed its session may have been lost with the connection).
module:hook("rounds-auth/token-refused", function(event)
	if not event.ua_id then return; end
	local rec = load_devices(event.username)[event.ua_id];
	if rec and rec.state == "revoked" then event.extra = st.stanza("revoked", { xmlns = NS_ADMIN }); end
end);

module:hook("rounds-auth/wipe-delivered", function(event)
	admin_event("wipe-delivered", nil, event.username, event.ua_id, "wipe_id=" .. event.wipe_id);
end);

-- The device confirms that it erased itself: <wiped xmlns=NS_ADMIN id=WIPE-ID/>.
module:hook("stanza/" .. NS_ADMIN .. ":wiped", function(event)
	local session, stanza = event.origin, event.stanza;
	local wipe_id = stanza.attr.id;
	if not session.rounds_wipe or not session.username then return; end
	local username, ua_id = session.username, session.rounds_ua_id;
	local all = load_devices(username);
	local rec, why = lib.device_wiped(all[ua_id], wipe_id, now_ts());
	if not rec then
		admin_event("wipe-confirm-refused", nil, username, ua_id, "reason=" .. why);
		session:close({ condition = "policy-violation", text = "Unknown wipe id" });
		return true;
	end
	save_devices(username, all);
	drop_tokens(username, ua_id);
	admin_event("wipe-confirmed", nil, username, ua_id, "wipe_id=" .. wipe_id);
	session.send(st.stanza("wiped", { xmlns = NS_ADMIN, id = wipe_id, ack = "true" }));
	session:close();
	return true;
end);

-- A session that got a wipe command is never bound: no classic bind, no SM.
module:hook("stanza/iq/urn:ietf:params:xml:ns:xmpp-bind:bind", function(event)
	if not event.origin.rounds_wipe then return; end
	event.origin.send(st.error_reply(event.stanza, "cancel", "not-allowed", "This client must erase itself"));
	return true;
end, 1000);
for _, name in ipairs({ "enable", "resume" }) do
	module:hook("stanza/" .. NS_SM .. ":" .. name, function(event)
		if not event.origin.rounds_wipe then return; end
		event.origin.send(st.stanza("failed", { xmlns = NS_SM }):tag("not-allowed", { xmlns = NS_STANZAS }));
		return true;
	end, 1000);
end

-- Defence in depth for logins that bypass mod_rounds_auth (RFC 6120 SASL on a host without
-- rounds_totp_required): a disabled account's session is closed as soon as it binds.
module:hook("resource-bind", function(event)
	local session = event.session;
	local a = session.username and auth_store:get(session.username);
	if a and a.disabled then
		admin_event("login-refused-disabled", nil, session.username, session.rounds_ua_id, "at=bind");
		session:close({ condition = "policy-violation", extra = st.stanza("disabled", { xmlns = NS_ADMIN }) });
	end
end, 1000);

-- <device-report/>: the OMEMO device ids of this client (after bind).
module:hook("iq-set/host/" .. NS_ADMIN .. ":device-report", function(event)
	local origin, stanza = event.origin, event.stanza;
	if origin.type ~= "c2s" or origin.host ~= host or not origin.username then
		origin.send(st.error_reply(stanza, "auth", "forbidden"));
		return true;
	end
	local ua_id = origin.rounds_ua_id;
	local all = load_devices(origin.username);
	if not ua_id or not all[ua_id] then
		origin.send(st.error_reply(stanza, "cancel", "item-not-found", "This session has no user-agent id"));
		return true;
	end
	local ids = {};
	for el in stanza.tags[1]:childtags("omemo-device") do ids[#ids + 1] = el.attr.id or ""; end
	local rec, err = lib.device_report(all[ua_id], ids);
	if not rec then
		origin.send(st.error_reply(stanza, "modify", err, "Malformed OMEMO device id"));
		return true;
	end
	save_devices(origin.username, all);
	append_audit({ event = "device-report", account = bare(origin.username), user_agent_id = ua_id,
		detail = "omemo=" .. table.concat(rec.omemo, ",") });
	origin.send(st.reply(stanza));
	return true;
end);

-- Removes device ids from the account's OMEMO device lists on PEP (both versions).
local function remove_from_pep(username, ids)
	local set, removed = {}, 0;
	for _, id in ipairs(ids) do set[id] = true; end
	if next(set) == nil then return 0; end
	local service = mod_pep.get_pep_service(username);
	for _, spec in ipairs(OMEMO_NODES) do
		local ok, items = service:get_items(spec.node, true, { "current" });
		local item = ok and items and items["current"];
		local payload = item and item:get_child(spec.name, spec.xmlns);
		if payload then
			local n = 0;
			local new_item = st.clone(item);
			new_item:get_child(spec.name, spec.xmlns):maptags(function(tag)
				if tag.name == "device" and set[tag.attr.id] then n = n + 1; return nil; end
				return tag;
			end);
			if n > 0 then
				local pok, perr = service:publish(spec.node, true, "current", new_item);
				if pok then removed = removed + n;
				else module:log("warn", "rounds-admin: could not update %s of %s: %s", spec.node, username, tostring(perr)); end
			end
		end
	end
	return removed;
end

-- ---------------------------------------------------------------------------
-- Ad-hoc commands (host admins only; mod_adhoc answers forbidden and hides them otherwise)
-- ---------------------------------------------------------------------------
local function cmd_error(condition, text, etype)
	return { status = "error", error = { type = etype or (condition == "bad-request" and "modify" or "cancel"),
		condition = condition, text = text } };
end

-- Returns the node of an existing account of this host, or nil and an error result.
local function account_arg(fields)
	local j = fields.accountjid;
	if not j or j == "" then return nil, cmd_error("bad-request", "Field accountjid is missing"); end
	local node, domain = jid.split(j);
	node = node and nodeprep(node);
	if not node or domain ~= host or not usermanager.user_exists(node, host) then
		return nil, cmd_error("item-not-found", "No such account on " .. host);
	end
	return node;
end

local function device_arg(username, fields)
	local ua_id = fields["user-agent-id"];
	if not ua_id or ua_id == "" then return nil, nil, cmd_error("bad-request", "Field user-agent-id is missing"); end
	local all = load_devices(username);
	if not all[ua_id] then return nil, nil, cmd_error("item-not-found", "No such client of this account"); end
	return ua_id, all;
end

-- A result form with <reported/> columns and one <item/> per row.
local function table_form(title, columns, rows)
	local x = st.stanza("x", { xmlns = NS_DATA, type = "result" }):text_tag("title", title);
	x:tag("field", { var = "FORM_TYPE", type = "hidden" }):text_tag("value", NS_ADMIN):up();
	x:tag("reported");
	for _, c in ipairs(columns) do x:tag("field", { var = c[1], label = c[2], type = c[3] or "text-single" }):up(); end
	x:up();
	for _, row in ipairs(rows) do
		x:tag("item");
		for _, c in ipairs(columns) do x:tag("field", { var = c[1] }):text_tag("value", row[c[1]] or ""):up(); end
		x:up();
	end
	return x;
end

local function bool(v) return v and "true" or "false"; end

local FIELD_ACCOUNT = { name = "accountjid", type = "jid-single", required = true, label = "Account" };
local FIELD_UA = { name = "user-agent-id", type = "text-single", required = true, label = "Client id" };

-- Single stage commands: executed with a filled-in form, or executed empty to get the
-- form first. `immediate` commands (no fields) complete at once when executed empty.
local function command(name, suffix, layout, run, immediate)
	local fields_layout = { title = name, { name = "FORM_TYPE", type = "hidden", value = NS_ADMIN } };
	for _, f in ipairs(layout) do fields_layout[#fields_layout + 1] = f; end
	local form = dataforms.new(fields_layout);
	local function handler(_, data, state)
		if data.action == "cancel" then return { status = "canceled" }; end
		if not (state or data.form) and not immediate then
			return { status = "executing", actions = { "complete", default = "complete" }, form = form }, "executing";
		end
		local fields, errs = {}, nil;
		if data.form then fields, errs = form:data(data.form); end
		if errs then
			return cmd_error("bad-request", "Missing or invalid field: " .. tostring((next(errs))));
		end
		return run(fields, jid.bare(data.from));
	end
	module:provides("adhoc", adhoc_new(name, NS_ADMIN .. "#" .. suffix, handler, "admin"));
end

local function token_state(username, ua_id, rec)
	local a = auth_store:get(username);
	return lib.token_state(rec, a and a.fast and a.fast[ua_id], os.time());
end

command("List users", "list-users", {}, function(_, actor)
	local rows = {};
	for username in usermanager.users(host) do
		local a = auth_store:get(username) or {};
		local n = 0;
		for _ in pairs(load_devices(username)) do n = n + 1; end
		rows[#rows + 1] = { jid = bare(username), devices = tostring(n), totp = bool(a.totp ~= nil),
			disabled = bool(a.disabled ~= nil), online = bool(is_online(username, nil)) };
	end
	table.sort(rows, function(x, y) return x.jid < y.jid; end);
	admin_event("list-users", actor, nil, nil, "count=" .. #rows);
	return { status = "completed", other = table_form("Users of " .. host, {
		{ "jid", "Account", "jid-single" }, { "devices", "Devices" }, { "totp", "Two-step enrolled", "boolean" },
		{ "disabled", "Disabled", "boolean" }, { "online", "Online", "boolean" } }, rows) };
end, true);

command("List devices", "list-devices", { FIELD_ACCOUNT }, function(fields, actor)
	local username, err = account_arg(fields);
	if not username then return err; end
	local rows = {};
	for ua_id, rec in pairs(load_devices(username)) do
		rows[#rows + 1] = {
			["user-agent-id"] = ua_id, software = rec.software, device = rec.device,
			["first-seen"] = rec.first_seen, ["last-seen"] = rec.last_seen,
			token = token_state(username, ua_id, rec), ["omemo-devices"] = table.concat(rec.omemo or {}, " "),
			state = rec.state, online = bool(is_online(username, ua_id)), ["wipe-id"] = rec.wipe_id,
			["wiped-at"] = rec.wiped_at,
		};
	end
	table.sort(rows, function(x, y) return x["first-seen"] < y["first-seen"]; end);
	admin_event("list-devices", actor, username, nil, "count=" .. #rows);
	return { status = "completed", other = table_form("Devices of " .. bare(username), {
		{ "user-agent-id", "Client id" }, { "software", "Software" }, { "device", "Device" },
		{ "first-seen", "First seen" }, { "last-seen", "Last seen" }, { "token", "Quick sign-in" },
		{ "omemo-devices", "OMEMO devices" }, { "state", "State" }, { "online", "Online", "boolean" },
		{ "wipe-id", "Wipe id" }, { "wiped-at", "Wiped at" } }, rows) };
end);

command("Revoke device", "revoke-device", { FIELD_ACCOUNT, FIELD_UA }, function(fields, actor)
	local username, err = account_arg(fields);
	if not username then return err; end
	local ua_id, all, err2 = device_arg(username, fields);
	if not ua_id then return err2; end
	local rec = all[ua_id];
	local omemo = rec.omemo or {};
	lib.device_revoke(rec);
	save_devices(username, all);
	drop_tokens(username, ua_id);
	local closed = close_sessions(username, ua_id, { condition = "policy-violation",
		extra = st.stanza("revoked", { xmlns = NS_ADMIN }) });
	local removed = remove_from_pep(username, omemo);
	admin_event("revoke-device", actor, username, ua_id, string.format("sessions=%d omemo_removed=%d", closed, removed));
	return { status = "completed", info = string.format("Client %s of %s revoked (%d sessions closed)", ua_id,
		bare(username), closed) };
end);

local wipe_result = dataforms.new {
	{ name = "FORM_TYPE", type = "hidden", value = NS_ADMIN };
	{ name = "wipe-id", type = "text-single", label = "Wipe id" };
};

command("Wipe device", "wipe-device", { FIELD_ACCOUNT, FIELD_UA }, function(fields, actor)
	local username, err = account_arg(fields);
	if not username then return err; end
	local ua_id, all, err2 = device_arg(username, fields);
	if not ua_id then return err2; end
	local _, wipe_id = lib.device_wipe(all[ua_id], uuid.generate());
	save_devices(username, all);
	local closed = close_sessions(username, ua_id, { condition = "reset" });
	admin_event("wipe-requested", actor, username, ua_id, string.format("wipe_id=%s sessions=%d", wipe_id, closed));
	return { status = "completed", info = "Wipe of client " .. ua_id .. " requested; it is delivered at its next sign-in",
		result = { layout = wipe_result, values = { ["wipe-id"] = wipe_id } } };
end);

command("Disable account", "disable-account", { FIELD_ACCOUNT }, function(fields, actor)
	local username, err = account_arg(fields);
	if not username then return err; end
	local a = auth_store:get(username) or {};
	a.disabled = { by = actor, at = os.time() };
	auth_store:set(username, a);
	local closed = close_sessions(username, nil, { condition = "policy-violation",
		extra = st.stanza("disabled", { xmlns = NS_ADMIN }) });
	admin_event("disable-account", actor, username, nil, "sessions=" .. closed);
	return { status = "completed", info = bare(username) .. " disabled" };
end);

command("Enable account", "enable-account", { FIELD_ACCOUNT }, function(fields, actor)
	local username, err = account_arg(fields);
	if not username then return err; end
	local a = auth_store:get(username);
	if a and a.disabled then
		a.disabled = nil;
		auth_store:set(username, next(a) and a or nil);
	end
	admin_event("enable-account", actor, username, nil, nil);
	return { status = "completed", info = bare(username) .. " enabled" };
end);

command("Export audit", "export-audit", {
	{ name = "since", type = "text-single", label = "Since (XEP-0082)" };
	{ name = "until", type = "text-single", label = "Until (XEP-0082)" };
	{ name = "max", type = "text-single", label = "At most" };
}, function(fields, actor)
	local query = { limit = 10000 };
	for key, field in pairs({ start = "since", ["end"] = "until" }) do
		local v = fields[field];
		if v and v ~= "" then
			query[key] = datetime.parse(v);
			if not query[key] then return cmd_error("bad-request", "Field " .. field .. " is not a XEP-0082 datetime"); end
		end
	end
	if fields.max and fields.max ~= "" then
		local n = fields.max:match("^%d+$") and tonumber(fields.max);
		if not n or n < 1 then return cmd_error("bad-request", "Field max must be a positive integer"); end
		query.limit = n;
	end
	local x = st.stanza("x", { xmlns = NS_DATA, type = "result" }):text_tag("title", "Audit of " .. host);
	x:tag("field", { var = "FORM_TYPE", type = "hidden" }):text_tag("value", NS_ADMIN):up();
	x:tag("field", { var = "entries", type = "text-multi", label = "Entries" });
	local count = 0;
	local iter, ierr = audit_store:find(nil, query);
	if not iter then return cmd_error("internal-server-error", tostring(ierr)); end
	for _, item in iter do
		local text = item:get_text();
		if text and text ~= "" then
			x:text_tag("value", text);
			count = count + 1;
		end
	end
	x:up():tag("field", { var = "count", type = "text-single", label = "Count" }):text_tag("value", tostring(count)):up();
	admin_event("export-audit", actor, nil, nil, "count=" .. count);
	return { status = "completed", other = x };
end);

module:log("info", "rounds-admin event=module-loaded audit_seq=%d", last_entry and last_entry.seq or 0);
