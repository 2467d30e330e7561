-- Pure helpers of mod_rounds_auth: base32, HOTP/TOTP (RFC 4226/6238), the lockout
-- schedule, FAST token slots (XEP-0484) and the otpauth URI. No Prosody state here, so
-- the busted specs in spec/ can test all of it; only util.hashes is needed.
-- SPDX-License-Identifier: GPL-3.0-or-later

local hashes = require "util.hashes";

local lib = {};

local B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

-- RFC 4648 base32, upper case, without padding (what authenticator apps read).
function lib.base32_encode(data)
	local out, bits, value = {}, 0, 0;
	for i = 1, #data do
		value = (value << 8) | data:byte(i);
		bits = bits + 8;
		while bits >= 5 do
			bits = bits - 5;
			local idx = (value >> bits) & 31;
			out[#out + 1] = B32:sub(idx + 1, idx + 1);
		end
		value = value & ((1 << bits) - 1);
	end
	if bits > 0 then
		local idx = (value << (5 - bits)) & 31;
		out[#out + 1] = B32:sub(idx + 1, idx + 1);
	end
	return table.concat(out);
end

-- Accepts lower case, spaces and trailing '='; returns nil on any other character.
function lib.base32_decode(text)
	local out, bits, value = {}, 0, 0;
	text = text:upper():gsub("[%s=]", "");
	for i = 1, #text do
		local idx = B32:find(text:sub(i, i), 1, true);
		if not idx then return nil; end
		value = (value << 5) | (idx - 1);
		bits = bits + 5;
		if bits >= 8 then
			bits = bits - 8;
			out[#out + 1] = string.char((value >> bits) & 255);
		end
		value = value & ((1 << bits) - 1);
	end
	return table.concat(out);
end

-- Constant-time comparison of two strings (length is not secret).
function lib.equals(a, b)
	if type(a) ~= "string" or type(b) ~= "string" or #a ~= #b then return false; end
	if hashes.equals then return hashes.equals(a, b); end
	local diff = 0;
	for i = 1, #a do diff = diff | (a:byte(i) ~ b:byte(i)); end
	return diff == 0;
end

-- RFC 4226 HOTP with HMAC-SHA-1 (or hmac given), truncated to `digits` decimal digits.
function lib.hotp(key, counter, digits, hmac)
	digits = digits or 6;
	local mac = (hmac or hashes.hmac_sha1)(key, string.pack(">I8", counter));
	local offset = (mac:byte(#mac) & 15) + 1;
	local b1, b2, b3, b4 = mac:byte(offset, offset + 3);
	local bin = ((b1 & 0x7f) << 24) | (b2 << 16) | (b3 << 8) | b4;
	return string.format("%0" .. digits .. "d", bin % (10 ^ digits // 1));
end

lib.TOTP_PERIOD = 30;
lib.TOTP_DIGITS = 6;
lib.TOTP_WINDOW = 1;

function lib.totp_step(now, period)
	return math.floor(now / (period or lib.TOTP_PERIOD));
end

function lib.totp(key, now, period, digits, hmac)
	return lib.hotp(key, lib.totp_step(now, period), digits or lib.TOTP_DIGITS, hmac);
end

-- Checks `code` against the steps now-window..now+window. A step at or below
-- `last_step` (the last accepted one) is refused, so every code works only once.
-- Returns the matched step, or nil and "malformed" / "replayed" / "wrong".
function lib.totp_verify(key, code, now, last_step, opts)
	opts = opts or {};
	local digits = opts.digits or lib.TOTP_DIGITS;
	local window = opts.window or lib.TOTP_WINDOW;
	if type(code) ~= "string" or #code ~= digits or not code:match("^%d+$") then
		return nil, "malformed";
	end
	local current = lib.totp_step(now, opts.period);
	local matched;
	for step = current - window, current + window do
		-- Evaluate every step (no early exit) so timing says nothing about which matched.
		if lib.equals(lib.hotp(key, step, digits, opts.hmac), code) and not matched then
			matched = step;
		end
	end
	if not matched then return nil, "wrong"; end
	if last_step and matched <= last_step then return nil, "replayed"; end
	return matched;
end

-- otpauth://totp/ISSUER:JID?secret=..&issuer=..&algorithm=SHA1&digits=6&period=30
local function uri_escape(s)
	return (s:gsub("[^%w%-%._~@]", function(c) return string.format("%%%02X", c:byte()); end));
end
lib.uri_escape = uri_escape;

function lib.otpauth_uri(issuer, account_jid, secret)
	return string.format("otpauth://totp/%s:%s?secret=%s&issuer=%s&algorithm=SHA1&digits=%d&period=%d",
		uri_escape(issuer), uri_escape(account_jid), lib.base32_encode(secret), uri_escape(issuer),
		lib.TOTP_DIGITS, lib.TOTP_PERIOD);
end

-- Lockout state: { failures = n, lockouts = n, until_ = epoch seconds }.
-- Returns true and the remaining whole seconds while locked.
function lib.lockout_check(state, now)
	if state and state.until_ and now < state.until_ then
		return true, math.max(1, math.ceil(state.until_ - now));
	end
	return false;
end

-- Lock duration of the n-th lockout: base, doubling each time, at most max.
function lib.lockout_duration(n, cfg)
	local d = cfg.base * (2 ^ (n - 1));
	if d > cfg.max then d = cfg.max; end
	return math.floor(d);
end

-- Records one failed authentication. Returns the new state and, when this failure
-- started a lockout, its duration in seconds.
function lib.lockout_fail(state, now, cfg)
	state = state or {};
	local new = { failures = (state.failures or 0) + 1, lockouts = state.lockouts or 0, until_ = state.until_ };
	if new.failures >= cfg.attempts then
		new.lockouts = new.lockouts + 1;
		local d = lib.lockout_duration(new.lockouts, cfg);
		new.until_ = now + d;
		new.failures = 0;
		return new, d;
	end
	return new;
end

-- FAST (XEP-0484, HT-SHA-256-NONE). slots = { current = T, new = T } with
-- T = { token = string, issued = epoch, expiry = epoch, count = last counter or nil }.
function lib.ht_initiator(token, cb_data)
	return hashes.hmac_sha256(token, "Initiator" .. (cb_data or ""));
end
function lib.ht_responder(token, cb_data)
	return hashes.hmac_sha256(token, "Responder" .. (cb_data or ""));
end

-- Splits the HT initial response: authcid NUL mac.
function lib.ht_parse(message)
	if type(message) ~= "string" then return nil; end
	local authcid, mac = message:match("^([^%z]+)%z(.+)$");
	if not authcid or #mac ~= 32 then return nil; end
	return authcid, mac;
end

-- Finds the slot whose token produced `mac`. Both slots are always checked.
-- Returns the slot name ("current" or "new"), or nil and "unknown" / "expired".
function lib.fast_match(slots, mac, now)
	if not slots then return nil, "unknown"; end
	local found;
	for _, name in ipairs({ "current", "new" }) do
		local t = slots[name];
		if t and lib.equals(lib.ht_initiator(t.token), mac) and not found then found = name; end
	end
	if not found then return nil, "unknown"; end
	if now >= slots[found].expiry then return nil, "expired"; end
	return found;
end

-- After the "new" token was used it becomes the only one; the old one is dropped.
function lib.fast_promote(slots, name)
	if name == "new" then
		slots.current, slots.new = slots.new, nil;
	end
	return slots;
end

-- A counter must grow with each use of a token (XEP-0484 replay protection).
function lib.fast_count_ok(t, count)
	if count == nil then return true; end
	return t.count == nil or count > t.count;
end

-- Puts a freshly made token in the "new" slot (the current one stays valid until the
-- new one is used, so a lost <success> does not lock the client out).
function lib.fast_issue(slots, token, now, ttl)
	slots = slots or {};
	slots.new = { token = token, issued = now, expiry = now + ttl };
	if not slots.current then slots.current, slots.new = slots.new, nil; end
	return slots, token, now + ttl;
end

function lib.fast_should_rotate(t, now, rotate_after)
	return t ~= nil and (now - t.issued) >= rotate_after;
end

-- Removes expired tokens; returns nil when no slot is left.
function lib.fast_prune(slots, now)
	if not slots then return nil; end
	for _, name in ipairs({ "current", "new" }) do
		if slots[name] and now >= slots[name].expiry then slots[name] = nil; end
	end
	if slots.new and not slots.current then slots.current, slots.new = slots.new, nil; end
	if not slots.current then return nil; end
	return slots;
end

-- The authcid of a SCRAM client-first-message ("n,,n=user,r=..."), unescaped.
function lib.scram_authcid(message)
	if type(message) ~= "string" then return nil; end
	local name = message:match("^[nyp][^,]*,[^,]*,n=([^,]*),");
	if not name or name == "" then return nil; end
	return (name:gsub("=2C", ","):gsub("=3D", "="));
end

return lib;
