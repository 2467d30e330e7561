-- Pure helpers of mod_rounds_admin: the device record state machine, canonical JSON,
-- the hash-chained audit entries and the org policy payload check. No Prosody state
-- here, so the busted specs in spec/ can test all of it. The SHA-256 function is passed
-- in (util.hashes.sha256 in Prosody).
-- SPDX-License-Identifier: GPL-3.0-or-later

local lib = {};

-- ---------------------------------------------------------------------------
-- Canonical JSON: object keys sorted by byte value, no whitespace, integers in decimal,
-- strings with only '"', '\' and control characters escaped (\b \f \n \r \t, others
-- \u00xx lower case), everything else (also non-ASCII UTF-8) as is. Arrays are Lua
-- sequences; an empty table is an object.
-- ---------------------------------------------------------------------------
local escapes = { ['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f", ["\n"] = "\\n",
	["\r"] = "\\r", ["\t"] = "\\t" };

function lib.json_string(s)
	return '"' .. s:gsub('[\0-\31"\\]', function(c)
		return escapes[c] or string.format("\\u%04x", c:byte());
	end) .. '"';
end

local function is_array(t)
	local n = #t;
	if n == 0 then return false; end
	local count = 0;
	for _ in pairs(t) do count = count + 1; end
	return count == n;
end

function lib.json_canonical(v)
	local tv = type(v);
	if tv == "string" then
		return lib.json_string(v);
	elseif tv == "number" then
		if math.type(v) == "integer" then return string.format("%d", v); end
		if v == math.floor(v) and v > -2^53 and v < 2^53 then return string.format("%d", math.floor(v)); end
		error("canonical JSON: only integers are allowed");
	elseif tv == "boolean" then
		return v and "true" or "false";
	elseif tv == "table" then
		local out = {};
		if is_array(v) then
			for i = 1, #v do out[i] = lib.json_canonical(v[i]); end
			return "[" .. table.concat(out, ",") .. "]";
		end
		local keys = {};
		for k in pairs(v) do
			if type(k) ~= "string" then error("canonical JSON: object keys must be strings"); end
			keys[#keys + 1] = k;
		end
		table.sort(keys);
		for i, k in ipairs(keys) do out[i] = lib.json_string(k) .. ":" .. lib.json_canonical(v[k]); end
		return "{" .. table.concat(out, ",") .. "}";
	end
	error("canonical JSON: unsupported type " .. tv);
end

-- ---------------------------------------------------------------------------
-- Audit hash chain
-- entry = { seq, ts, event, actor?, account?, user_agent_id?, detail?, prev, hash }
-- hash = hex(SHA-256(prev .. canonical JSON of the entry without "prev" and "hash")).
-- The first entry has prev = 64 zeros.
-- ---------------------------------------------------------------------------
lib.GENESIS = string.rep("0", 64);
lib.AUDIT_FIELDS = { "seq", "ts", "event", "actor", "account", "user_agent_id", "detail" };

local function tohex(raw)
	return (raw:gsub(".", function(c) return string.format("%02x", c:byte()); end));
end

function lib.audit_hash(entry, sha256)
	local body = {};
	for _, k in ipairs(lib.AUDIT_FIELDS) do body[k] = entry[k]; end
	local digest = sha256(entry.prev .. lib.json_canonical(body));
	if #digest == 32 then digest = tohex(digest); end
	return digest;
end

-- Makes the next entry after `last` (nil for the first one). `fields` has event, ts and
-- optionally actor, account, user_agent_id, detail; empty strings are left out.
function lib.audit_next(last, fields, sha256)
	local entry = {
		seq = last and (last.seq + 1) or 1,
		prev = last and last.hash or lib.GENESIS,
	};
	for _, k in ipairs(lib.AUDIT_FIELDS) do
		if k ~= "seq" and fields[k] ~= nil and fields[k] ~= "" then entry[k] = tostring(fields[k]); end
	end
	if not entry.event or not entry.ts then error("audit entry needs event and ts"); end
	entry.hash = lib.audit_hash(entry, sha256);
	return entry;
end

function lib.audit_json(entry)
	local body = {};
	for _, k in ipairs(lib.AUDIT_FIELDS) do body[k] = entry[k]; end
	body.prev, body.hash = entry.prev, entry.hash;
	return lib.json_canonical(body);
end

-- Checks a run of consecutive entries (decoded JSON objects). `first_prev` is the prev
-- the first entry must carry (GENESIS when the run starts at seq 1; nil = trust it).
-- Returns true, or false, the index of the first bad entry and why.
function lib.audit_verify(entries, sha256, first_prev)
	local prev_hash, prev_seq = first_prev, nil;
	for i, e in ipairs(entries) do
		if type(e.seq) ~= "number" or type(e.prev) ~= "string" or type(e.hash) ~= "string" then
			return false, i, "malformed";
		end
		if prev_seq and e.seq ~= prev_seq + 1 then return false, i, "gap"; end
		if prev_hash and e.prev ~= prev_hash then return false, i, "broken-link"; end
		if lib.audit_hash(e, sha256) ~= e.hash then return false, i, "bad-hash"; end
		prev_hash, prev_seq = e.hash, e.seq;
	end
	return true;
end

-- ---------------------------------------------------------------------------
-- Device records
-- rec = { software, device, first_seen, last_seen, omemo = { "id", ... }, state,
--         wipe_id, wiped_at, token_revoked }
-- states: active, revoked, wipe-pending, wipe-delivered, wiped
-- ---------------------------------------------------------------------------
lib.STATES = { active = true, revoked = true, ["wipe-pending"] = true, ["wipe-delivered"] = true, wiped = true };

-- A successful SASL2 authentication of the client. Returns the record and "deliver-wipe"
-- when the session must get the wipe command instead of a usable stream.
function lib.device_login(rec, ts, ua)
	rec = rec or { first_seen = ts, state = "active", omemo = {} };
	rec.last_seen = ts;
	if ua then
		if ua.software and ua.software ~= "" then rec.software = ua.software; end
		if ua.device and ua.device ~= "" then rec.device = ua.device; end
	end
	if rec.state == "wipe-pending" or rec.state == "wipe-delivered" then
		rec.state = "wipe-delivered";
		return rec, "deliver-wipe";
	end
	rec.state = "active";
	rec.token_revoked = nil;
	rec.wipe_id, rec.wiped_at = nil, nil;
	return rec;
end

-- Admin revoke. A pending wipe stays pending (it is delivered at the next password login).
function lib.device_revoke(rec)
	if not rec then return nil, "item-not-found"; end
	rec.token_revoked = true;
	if rec.state == "active" or rec.state == "revoked" or rec.state == "wiped" then
		if rec.state ~= "wiped" then rec.state = "revoked"; end
	end
	rec.omemo = {};
	return rec;
end

function lib.device_wipe(rec, wipe_id)
	if not rec then return nil, "item-not-found"; end
	if rec.state == "wipe-pending" or rec.state == "wipe-delivered" then
		return rec, rec.wipe_id; -- already under way: keep its id
	end
	rec.state, rec.wipe_id, rec.wiped_at = "wipe-pending", wipe_id, nil;
	return rec, wipe_id;
end

-- The client's <wiped id=..> on the stream that got the command.
function lib.device_wiped(rec, wipe_id, ts)
	if not rec or rec.state ~= "wipe-delivered" then return nil, "unexpected"; end
	if rec.wipe_id ~= wipe_id then return nil, "wrong-id"; end
	rec.state, rec.wiped_at, rec.token_revoked, rec.omemo = "wiped", ts, true, {};
	return rec;
end

-- OMEMO device ids are 1 .. 2^31-1 in decimal (both OMEMO versions).
function lib.omemo_id_valid(s)
	if type(s) ~= "string" or not s:match("^[1-9]%d*$") or #s > 10 then return false; end
	return tonumber(s) <= 0x7fffffff;
end

function lib.device_report(rec, ids)
	if not rec then return nil, "item-not-found"; end
	local seen, list = {}, {};
	for _, id in ipairs(ids) do
		if not lib.omemo_id_valid(id) then return nil, "bad-request"; end
		if not seen[id] then seen[id] = true; list[#list + 1] = id; end
	end
	table.sort(list, function(a, b) return tonumber(a) < tonumber(b); end);
	rec.omemo = list;
	return rec;
end

-- FAST token state for the record's table: none / active / expired / revoked.
function lib.token_state(rec, slots, now)
	if slots then
		for _, name in ipairs({ "current", "new" }) do
			if slots[name] and now < slots[name].expiry then return "active"; end
		end
		if slots.current or slots.new then return "expired"; end
	end
	if rec and rec.token_revoked then return "revoked"; end
	return "none";
end

-- Removes `ids` (a set of strings) from a list of device ids; returns the new list and
-- how many went.
function lib.remove_ids(list, ids)
	local out, removed = {}, 0;
	for _, id in ipairs(list) do
		if ids[id] then removed = removed + 1; else out[#out + 1] = id; end
	end
	return out, removed;
end

-- ---------------------------------------------------------------------------
-- Org policy payload: children = { { name = "idle-lock-minutes", text = "5" }, ... }
-- (children of <policy xmlns='https://rounds.invalid/ns/policy'>). Returns the policy
-- table with defaults, or nil and the offending element name.
-- ---------------------------------------------------------------------------
lib.POLICY_DEFAULTS = {
	["idle-lock-minutes"] = 15, ["retention-days"] = 0, ["require-mfa"] = false,
	["require-verified-devices"] = false, ["allow-attachments"] = true,
	["notification-detail"] = "sender",
};

local function parse_int(text, min, max)
	if not text:match("^%d+$") or #text > 9 then return nil; end
	local n = tonumber(text);
	if n < min or (max and n > max) then return nil; end
	return n;
end
local function parse_bool(text)
	if text == "true" or text == "1" then return true; end
	if text == "false" or text == "0" then return false; end
	return nil;
end
local function parse_domain(text)
	if #text == 0 or #text > 253 or text:find("[%s@/]") or text:match("^%.") or text:match("%.$") then
		return nil;
	end
	return text:lower();
end

local policy_parsers = {
	["idle-lock-minutes"] = function(t) return parse_int(t, 1, 480); end,
	["retention-days"] = function(t) return parse_int(t, 0, nil); end,
	["require-mfa"] = parse_bool,
	["require-verified-devices"] = parse_bool,
	["allow-attachments"] = parse_bool,
	["notification-detail"] = function(t)
		if t == "none" or t == "sender" or t == "preview" then return t; end
	end,
};

function lib.policy_parse(children)
	local policy, seen = { ["forwarding-domain"] = {} }, {};
	for k, v in pairs(lib.POLICY_DEFAULTS) do policy[k] = v; end
	for _, child in ipairs(children) do
		local text = (child.text or ""):match("^%s*(.-)%s*$");
		if child.name == "forwarding-domain" then
			local d = parse_domain(text);
			if not d then return nil, child.name; end
			table.insert(policy["forwarding-domain"], d);
		elseif policy_parsers[child.name] then
			if seen[child.name] then return nil, child.name; end
			seen[child.name] = true;
			local value = policy_parsers[child.name](text);
			if value == nil then return nil, child.name; end
			policy[child.name] = value;
		end -- unknown elements are ignored
	end
	return policy;
end

return lib;
