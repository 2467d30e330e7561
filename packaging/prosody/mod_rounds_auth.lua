-- mod_rounds_auth: the Rounds clinical-profile login for Prosody 0.12.
-- XEP-0388 SASL2 (SCRAM-SHA-256/SHA-1), XEP-0400 TOTP tasks (TOTP, TOTP-INIT), XEP-0484
-- FAST with HT-SHA-256-NONE, XEP-0386 Bind2 with inline XEP-0198 enable, inline resume,
-- account lockout and two admin ad-hoc commands. Wire format: see README.md.
-- SPDX-License-Identifier: GPL-3.0-or-later

local st = require "util.stanza";
local sessionmanager = require "core.sessionmanager";
local usermanager = require "core.usermanager";
local encodings = require "util.encodings";
local base64 = encodings.base64;
local nodeprep = encodings.stringprep.nodeprep;
local resourceprep = encodings.stringprep.resourceprep;
local random = require "util.random";
local datetime = require "util.datetime";
local filters = require "util.filters";
local jid = require "util.jid";
local dataforms = require "util.dataforms";
local adhoc_util = require "util.adhoc";
local hex = require "util.hex";

local lib = module:require "rounds_auth_lib";

local NS_SASL2 = "urn:xmpp:sasl:2";
local NS_SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
local NS_FAST = "urn:xmpp:fast:0";
local NS_BIND2 = "urn:xmpp:bind:0";
local NS_SM = "urn:xmpp:sm:3";
local NS_ROUNDS = "https://rounds.invalid/ns/auth";
local NS_ADMIN = "https://rounds.invalid/ns/admin";

local HT_MECH = "HT-SHA-256-NONE";
local SCRAM_MECHS = { "SCRAM-SHA-256", "SCRAM-SHA-1" };
local PENDING_TTL = 15 * 60;

local host = module.host;
local totp_required = module:get_option_boolean("rounds_totp_required", false);
local issuer = module:get_option_string("rounds_totp_issuer", host);
local lock_cfg = {
	attempts = module:get_option_number("rounds_lockout_attempts", 5);
	base = module:get_option_number("rounds_lockout_base", 60);
	max = module:get_option_number("rounds_lockout_max", 3600);
};
local token_ttl = module:get_option_number("rounds_fast_token_ttl", 30 * 86400);
local rotate_after = module:get_option_number("rounds_fast_rotate_after", token_ttl // 2);
local require_encryption = module:get_option_boolean("c2s_require_encryption", true);

-- One record per account: { totp = { secret, last_step, enrolled }, pending = { secret,
-- expires }, lock = lockout state, fast = { [user-agent id] = slots } }.
local store = module:open_store("rounds_auth");

local function now() return os.time(); end

local function load(username)
	return store:get(username) or {};
end
local function save(username, rec)
	if next(rec) == nil then rec = nil; end
	local ok, err = store:set(username, rec);
	if not ok then module:log("error", "rounds-auth: storage error for %s: %s", username, err); end
	return ok;
end

-- One log line per auth event; never passwords, codes, secrets or tokens. The same event
-- goes to "rounds-audit" for mod_rounds_admin's hash-chained server audit (if loaded).
local function audit(event, username, ua_id, fmt, ...)
	local extra = fmt and (" " .. fmt:format(...)) or "";
	module:log("info", "rounds-auth event=%s account=%s ua=%s%s", event,
		username and (username .. "@" .. host) or "-", ua_id or "-", extra);
	module:fire_event("rounds-audit", {
		event = event, account = username and (username .. "@" .. host) or nil, user_agent_id = ua_id,
		actor = extra:match(" by=(%S+)"), detail = extra:gsub("^ ", ""),
	});
end

local function b64(s) return base64.encode(s); end

-- XEP-0388: "=" stands for an empty initial response.
local function decode_payload(el)
	if not el then return nil, true; end
	local text = el:get_text();
	if text == "=" then return "", true; end
	if text == "" then return nil, true; end
	local raw = base64.decode(text);
	if not raw then return nil, false; end
	return raw, true;
end

-- ---------------------------------------------------------------------------
-- Stream features
-- ---------------------------------------------------------------------------
module:hook("stream-features", function(event)
	local origin, features = event.origin, event.features;
	if origin.username or origin.type ~= "c2s_unauthed" then return; end
	if totp_required then
		features:remove_children("mechanisms", NS_SASL);
	end
	if require_encryption and not origin.secure then return; end
	local auth = features:tag("authentication", { xmlns = NS_SASL2 });
	for _, mech in ipairs(SCRAM_MECHS) do auth:text_tag("mechanism", mech); end
	auth:tag("inline")
		:tag("fast", { xmlns = NS_FAST }):text_tag("mechanism", HT_MECH):up()
		:tag("bind", { xmlns = NS_BIND2 }):tag("inline"):tag("feature", { var = NS_SM }):up():up():up()
		:tag("sm", { xmlns = NS_SM }):up()
	:up();
	features:up();
end, -10);

-- On an enforcing host the RFC 6120 SASL path would bypass the second factor.
module:hook("stanza/urn:ietf:params:xml:ns:xmpp-sasl:auth", function(event)
	local session = event.origin;
	if not totp_required or session.type ~= "c2s_unauthed" then return; end
	audit("legacy-auth-refused", nil, nil, "mechanism=%s", tostring(event.stanza.attr.mechanism));
	session.send(st.stanza("failure", { xmlns = NS_SASL }):tag("invalid-mechanism"):up()
		:text_tag("text", "This host requires SASL2 with a second factor"));
	return true;
end, 100);

-- ---------------------------------------------------------------------------
-- Replies
-- ---------------------------------------------------------------------------
local function send_failure(session, condition, text, extra)
	local f = st.stanza("failure", { xmlns = NS_SASL2 }):tag(condition, { xmlns = NS_SASL }):up();
	if text then f:text_tag("text", text); end
	if extra then f:add_child(extra); end
	session.rounds = nil;
	session.send(f);
	module:fire_event("authentication-failure", { session = session, condition = condition, text = text });
	return true;
end

local function locked_reply(session, state, ua_id, username)
	local locked, retry = lib.lockout_check(state, now());
	if not locked then return false; end
	audit("login-refused-locked", username, ua_id, "retry_after=%d", retry);
	send_failure(session, "temporary-auth-failure", "Account temporarily locked",
		st.stanza("locked", { xmlns = NS_ROUNDS, ["retry-after"] = string.format("%d", retry) }));
	return true;
end

-- Accounts disabled by an admin (mod_rounds_admin sets rec.disabled): every
-- authentication fails with account-disabled once the credentials were checked.
local function disabled_reply(session, username, ua_id)
	local rec = username and load(username);
	if not rec or not rec.disabled then return false; end
	audit("login-refused-disabled", username, ua_id);
	send_failure(session, "account-disabled", "Account disabled by the administrator");
	return true;
end

-- Counts one failed authentication of an existing account.
local function record_failure(username, ua_id, reason)
	audit("login-failed", username, ua_id, "reason=%s", reason);
	if not username or not usermanager.user_exists(username, host) then return; end
	local rec = load(username);
	local lock, duration = lib.lockout_fail(rec.lock, now(), lock_cfg);
	rec.lock = lock;
	save(username, rec);
	if duration then audit("lockout", username, ua_id, "seconds=%d lockouts=%d", duration, lock.lockouts); end
end

-- ---------------------------------------------------------------------------
-- Completing a login: authenticate the session, tokens, Bind2, inline SM
-- ---------------------------------------------------------------------------

-- Collects what mod_smacks sends while it handles an inline <enable>/<resume>, so the
-- <enabled>/<resumed>/<failed> goes inside <success> and everything else after it.
local function begin_capture(session)
	local cap = { rest = {} };
	function cap.filter(stanza)
		if not cap.sm and stanza.attr.xmlns == NS_SM
			and (stanza.name == "enabled" or stanza.name == "resumed" or stanza.name == "failed") then
			cap.sm = stanza;
		else
			cap.rest[#cap.rest + 1] = stanza;
		end
		return nil;
	end
	filters.add_filter(session, "stanzas/out", cap.filter, -10000);
	return cap;
end
local function end_capture(session, cap)
	filters.remove_filter(session, "stanzas/out", cap.filter);
end

module:hook("smacks-hibernation-end", function(event)
	if event.origin and event.origin.rounds_resuming then
		event.origin.rounds_resumed_into = event.resumed;
	end
end);

local function new_token()
	return (base64.encode(random.bytes(32)):gsub("=", ""));
end

local function bind2_resource(tag)
	local prefix = tag and resourceprep(tag) or nil;
	if prefix then prefix = prefix:gsub("[^%w%-_]", ""):sub(1, 32); end
	if not prefix or prefix == "" then prefix = "rounds"; end
	return prefix .. "." .. hex.encode(random.bytes(4));
end

local function complete(session, method, additional)
	local r = session.rounds;
	local username, ua_id = r.username, r.ua_id;

	local ok, err = sessionmanager.make_authenticated(session, username);
	if not ok then
		audit("login-failed", username, ua_id, "reason=invalid-username");
		return send_failure(session, "not-authorized", err and tostring(err) or nil);
	end
	session.rounds = nil;
	session.rounds_ua_id, session.rounds_ua = ua_id, r.ua;

	-- mod_rounds_admin: record the device; a pending remote wipe replaces the whole
	-- outcome (no token, no Bind2, no resume; the session is never bound).
	local device = { session = session, username = username, ua_id = ua_id, ua = r.ua, method = method };
	module:fire_event("rounds-auth/device-login", device);
	if device.wipe_id then
		module:fire_event("authentication-success", { session = session });
		audit("login-success", username, ua_id, "method=%s wipe=pending", method);
		session.rounds_wipe = device.wipe_id;
		local success = st.stanza("success", { xmlns = NS_SASL2 });
		if additional then success:text_tag("additional-data", b64(additional)); end
		success:text_tag("authorization-identifier", jid.join(username, host));
		success:tag("wipe", { xmlns = NS_ADMIN, id = device.wipe_id }):up();
		session.send(success);
		session.send(st.stanza("stream:features"));
		module:fire_event("rounds-auth/wipe-delivered", device);
		return true;
	end

	local rec = load(username);
	local changed = false;
	if method ~= "fast" and rec.lock then rec.lock = nil; changed = true; end

	-- FAST token: issue on request, rotate when half its life is gone, or revoke.
	local token_el;
	if ua_id then
		local slots = lib.fast_prune(rec.fast and rec.fast[ua_id], now());
		if r.fast_invalidate then
			slots = nil;
			audit("token-revoked", username, ua_id, "by=client");
		else
			local reason;
			if r.request_token == HT_MECH then
				reason = "requested";
			elseif method == "fast" and slots and lib.fast_should_rotate(slots.current, now(), rotate_after) then
				reason = "rotation";
			end
			if reason then
				local token, expiry;
				slots, token, expiry = lib.fast_issue(slots, new_token(), now(), token_ttl);
				token_el = st.stanza("token", { xmlns = NS_FAST, token = token, expiry = datetime.datetime(expiry) });
				audit(reason == "rotation" and "token-rotated" or "token-issued", username, ua_id, "expiry=%s",
					datetime.datetime(expiry));
			end
		end
		rec.fast = rec.fast or {};
		if rec.fast[ua_id] ~= slots then changed = true; end
		rec.fast[ua_id] = slots;
		if slots then changed = true; end
		if next(rec.fast) == nil then rec.fast = nil; end
	elseif r.request_token then
		audit("token-refused", username, nil, "reason=no-user-agent-id");
	end
	if changed then save(username, rec); end

	module:fire_event("authentication-success", { session = session });
	audit("login-success", username, ua_id, "method=%s", method);

	local target = session; -- the session that owns the stream afterwards
	local cap = begin_capture(session);
	local sm_el, bound;
	if r.resume then
		session.rounds_resuming = true;
		module:fire_event("stanza/" .. NS_SM .. ":resume", { origin = session, stanza = r.resume });
		session.rounds_resuming = nil;
		if session.rounds_resumed_into then
			target = session.rounds_resumed_into;
			session.rounds_resumed_into = nil;
			audit("sm-resumed", username, ua_id);
		end
		sm_el = cap.sm;
		cap.sm = nil;
	end
	if r.bind and target == session then
		local resource = bind2_resource(r.bind:get_child_text("tag"));
		local bok, _, berr = sessionmanager.bind_resource(session, resource);
		if bok then
			bound = st.stanza("bound", { xmlns = NS_BIND2 });
			local enable = r.bind:get_child("enable", NS_SM);
			if enable and not sm_el then
				module:fire_event("stanza/" .. NS_SM .. ":enable", { origin = session, stanza = enable });
				-- XEP-0386: the result of an inline feature goes inside <bound/>.
				if cap.sm then bound:add_child(cap.sm); end
				cap.sm = nil;
			end
		else
			audit("bind2-failed", username, ua_id, "error=%s", tostring(berr));
		end
	end
	end_capture(session, cap);

	local success = st.stanza("success", { xmlns = NS_SASL2 });
	if additional then success:text_tag("additional-data", b64(additional)); end
	success:text_tag("authorization-identifier", target.full_jid or jid.join(username, host));
	if token_el then success:add_child(token_el); end
	if bound then success:add_child(bound); end
	if sm_el then success:add_child(sm_el); end
	target.send(success);

	local features = st.stanza("stream:features");
	module:fire_event("stream-features", { origin = target, features = features });
	target.send(features);
	for _, stanza in ipairs(cap.rest) do target.rawsend(stanza); end
	return true;
end

-- ---------------------------------------------------------------------------
-- TOTP tasks
-- ---------------------------------------------------------------------------
local function send_continue(session, task, additional, text)
	local c = st.stanza("continue", { xmlns = NS_SASL2 });
	if additional then c:text_tag("additional-data", b64(additional)); end
	c:tag("tasks"):text_tag("task", task):up();
	if text then c:text_tag("text", text); end
	session.send(c);
	return true;
end

local function after_password(session)
	local r = session.rounds;
	local rec = load(r.username);
	if rec.totp then
		r.stage, r.task = "task-offered", "TOTP";
		return send_continue(session, "TOTP", r.scram_final, "Enter the code from your authenticator app");
	elseif totp_required then
		r.stage, r.task = "task-offered", "TOTP-INIT";
		return send_continue(session, "TOTP-INIT", r.scram_final, "Set up your authenticator app");
	end
	return complete(session, "password", r.scram_final);
end

local function check_code(session, code)
	local r = session.rounds;
	local username, ua_id = r.username, r.ua_id;
	local rec = load(username);
	local t = now();
	if r.task == "TOTP" then
		if not rec.totp then return send_failure(session, "not-authorized", "Not enrolled"); end
		local secret = base64.decode(rec.totp.secret);
		local step, why = lib.totp_verify(secret, code, t, rec.totp.last_step);
		if not step then
			record_failure(username, ua_id, "totp-" .. why);
			return send_failure(session, "not-authorized", why == "replayed" and "Code already used" or "Wrong code");
		end
		rec.totp.last_step = step;
		save(username, rec);
		return complete(session, "password+totp", nil);
	else -- TOTP-INIT
		local pending = rec.pending;
		if not pending or pending.expires <= t then
			return send_failure(session, "not-authorized", "Enrolment expired");
		end
		local secret = base64.decode(pending.secret);
		local step, why = lib.totp_verify(secret, code, t, nil);
		if not step then
			record_failure(username, ua_id, "totp-init-" .. why);
			return send_failure(session, "not-authorized", "Wrong code");
		end
		rec.totp = { secret = pending.secret, last_step = step, enrolled = t };
		rec.pending = nil;
		save(username, rec);
		audit("totp-enrolled", username, ua_id);
		return complete(session, "password+totp-init", nil);
	end
end

module:hook("stanza/urn:xmpp:sasl:2:next", function(event)
	local session, stanza = event.origin, event.stanza;
	local r = session.rounds;
	if session.type ~= "c2s_unauthed" then return; end
	if not r or r.stage ~= "task-offered" or stanza.attr.task ~= r.task then
		return send_failure(session, "malformed-request", "Unexpected task");
	end
	r.stage = "task";
	if r.task == "TOTP" then
		local code, ok = decode_payload(stanza:get_child("initial-response"));
		if not ok then return send_failure(session, "malformed-request", "Bad base64"); end
		if code then return check_code(session, code); end
		session.send(st.stanza("challenge", { xmlns = NS_SASL2 }));
		return true;
	end
	-- TOTP-INIT: the same secret for 15 minutes, so a retry shows the same QR code.
	local rec = load(r.username);
	if not rec.pending or rec.pending.expires <= now() then
		rec.pending = { secret = base64.encode(random.bytes(20)), expires = now() + PENDING_TTL };
		save(r.username, rec);
		audit("totp-enrolment-started", r.username, r.ua_id);
	end
	local uri = lib.otpauth_uri(issuer, r.username .. "@" .. host, base64.decode(rec.pending.secret));
	session.send(st.stanza("challenge", { xmlns = NS_SASL2 }):text(b64(uri)));
	return true;
end);

-- ---------------------------------------------------------------------------
-- Authenticate
-- ---------------------------------------------------------------------------
local function scram_step(session, message)
	local r = session.rounds;
	local status, ret, text = r.handler:process(message);
	if status == "challenge" then
		session.send(st.stanza("challenge", { xmlns = NS_SASL2 }):text(b64(ret or "")));
		return true;
	elseif status == "success" then
		r.username = r.handler.username;
		r.scram_final = ret;
		r.handler = nil;
		if disabled_reply(session, r.username, r.ua_id) then return true; end
		return after_password(session);
	end
	if ret == "not-authorized" then
		record_failure(r.username, r.ua_id, "password");
	else
		audit("login-failed", r.username, r.ua_id, "reason=%s", tostring(ret));
	end
	return send_failure(session, ret or "not-authorized", text);
end

local function fast_login(session, message)
	local r = session.rounds;
	local authcid, mac = lib.ht_parse(message);
	if not authcid then return send_failure(session, "malformed-request", "Bad HT response"); end
	local node, domain = jid.split(authcid);
	if domain ~= host then node = authcid; end
	local username = nodeprep(node or "");
	if not username or username == "" then return send_failure(session, "malformed-request", "Bad authcid"); end
	r.username = username;
	local rec = load(username);
	if locked_reply(session, rec.lock, r.ua_id, username) then return true; end
	local slots = r.ua_id and rec.fast and rec.fast[r.ua_id];
	local which, why = lib.fast_match(slots, mac, now());
	if not which or not usermanager.user_exists(username, host) then
		audit("token-refused", username, r.ua_id, "reason=%s", why or "no-account");
		-- mod_rounds_admin says when an administrator revoked this client, so it
		-- learns why even if it never saw the stream error that ended its session.
		local refusal = { username = username, ua_id = r.ua_id };
		module:fire_event("rounds-auth/token-refused", refusal);
		return send_failure(session, "credentials-expired", "Token unknown, expired or revoked", refusal.extra);
	end
	if disabled_reply(session, username, r.ua_id) then return true; end
	local t = slots[which];
	if not lib.fast_count_ok(t, r.fast_count) then
		audit("token-refused", username, r.ua_id, "reason=counter-replay");
		return send_failure(session, "credentials-expired", "Token counter reused");
	end
	t.count = r.fast_count or t.count;
	lib.fast_promote(slots, which);
	save(username, rec);
	audit("token-used", username, r.ua_id, "slot=%s", which);
	return complete(session, "fast", lib.ht_responder(t.token));
end

module:hook("stanza/urn:xmpp:sasl:2:authenticate", function(event)
	local session, stanza = event.origin, event.stanza;
	if session.type ~= "c2s_unauthed" then return; end
	if require_encryption and not session.secure then
		session.send(st.stanza("failure", { xmlns = NS_SASL2 }):tag("encryption-required", { xmlns = NS_SASL }));
		return true;
	end
	local mech = stanza.attr.mechanism;
	local ua = stanza:get_child("user-agent");
	local ua_id = ua and ua.attr.id;
	if ua_id and (#ua_id > 128 or ua_id == "") then ua_id = nil; end
	local ua_info = ua_id and {
		software = (ua:get_child_text("software") or ""):sub(1, 128),
		device = (ua:get_child_text("device") or ""):sub(1, 128),
	} or nil;
	local fast = stanza:get_child("fast", NS_FAST);
	local request = stanza:get_child("request-token", NS_FAST);
	local r = {
		mech = mech, ua_id = ua_id, ua = ua_info,
		request_token = request and (request.attr.mechanism or ""),
		bind = stanza:get_child("bind", NS_BIND2),
		resume = stanza:get_child("resume", NS_SM),
		fast_invalidate = fast and (fast.attr.invalidate == "true" or fast.attr.invalidate == "1"),
		fast_count = fast and tonumber(fast.attr.count),
		stage = "sasl",
	};
	session.rounds = r;
	local message, ok = decode_payload(stanza:get_child("initial-response"));
	if not ok then return send_failure(session, "malformed-request", "Bad base64"); end

	if mech == HT_MECH then
		if not message then return send_failure(session, "malformed-request", "HT needs an initial response"); end
		return fast_login(session, message);
	end
	local allowed = false;
	for _, m in ipairs(SCRAM_MECHS) do allowed = allowed or m == mech; end
	local handler = usermanager.get_sasl_handler(host, session);
	if not allowed or not handler:select(mech) then
		return send_failure(session, "invalid-mechanism", "Offered: SCRAM-SHA-256, SCRAM-SHA-1");
	end
	r.handler = handler;
	if not message then
		session.send(st.stanza("challenge", { xmlns = NS_SASL2 }));
		return true;
	end
	local authcid = lib.scram_authcid(message);
	local username = authcid and nodeprep(authcid);
	r.username = username;
	if username and locked_reply(session, load(username).lock, ua_id, username) then return true; end
	return scram_step(session, message);
end);

module:hook("stanza/urn:xmpp:sasl:2:response", function(event)
	local session, stanza = event.origin, event.stanza;
	if session.type ~= "c2s_unauthed" then return; end
	local r = session.rounds;
	if not r then return send_failure(session, "malformed-request", "Out of order response"); end
	local message, ok = decode_payload(stanza);
	if not ok then return send_failure(session, "malformed-request", "Bad base64"); end
	if r.stage == "sasl" and r.handler then
		if not r.username and message then
			local authcid = lib.scram_authcid(message);
			r.username = authcid and nodeprep(authcid);
			if r.username and locked_reply(session, load(r.username).lock, r.ua_id, r.username) then return true; end
		end
		return scram_step(session, message);
	elseif r.stage == "task" then
		return check_code(session, message or "");
	end
	return send_failure(session, "malformed-request", "Out of order response");
end);

module:hook("stanza/urn:xmpp:sasl:2:abort", function(event)
	local session = event.origin;
	if session.type ~= "c2s_unauthed" then return; end
	return send_failure(session, "aborted", nil);
end);

-- ---------------------------------------------------------------------------
-- Admin ad-hoc commands
-- ---------------------------------------------------------------------------
module:depends("adhoc");
local adhoc_new = module:require("adhoc").new;

local function account_of(fields)
	local node, domain = jid.split(fields.accountjid);
	if not node or domain ~= host then return nil; end
	return nodeprep(node);
end

local reset_form = dataforms.new {
	title = "Reset TOTP";
	instructions = "Removes the second factor enrolment of an account and clears its lockout.";
	{ name = "FORM_TYPE", type = "hidden", value = NS_ROUNDS };
	{ name = "accountjid", type = "jid-single", required = true, label = "Account" };
};
local revoke_form = dataforms.new {
	title = "Revoke FAST tokens";
	instructions = "Drops the quick-login tokens of an account (all clients when no id is given).";
	{ name = "FORM_TYPE", type = "hidden", value = NS_ROUNDS };
	{ name = "accountjid", type = "jid-single", required = true, label = "Account" };
	{ name = "user-agent-id", type = "text-single", label = "Client id (empty = all)" };
};

local reset_handler = adhoc_util.new_simple_form(reset_form, function(fields, err, data)
	if err then return { status = "completed", error = { message = "Invalid form" } }; end
	local username = account_of(fields);
	if not username or not usermanager.user_exists(username, host) then
		return { status = "completed", error = { message = "No such account on " .. host } };
	end
	local rec = load(username);
	rec.totp, rec.pending, rec.lock = nil, nil, nil;
	save(username, rec);
	audit("admin-reset-totp", username, nil, "by=%s", jid.bare(data.from));
	return { status = "completed", info = "TOTP enrolment and lockout of " .. username .. "@" .. host .. " cleared" };
end);

local revoke_handler = adhoc_util.new_simple_form(revoke_form, function(fields, err, data)
	if err then return { status = "completed", error = { message = "Invalid form" } }; end
	local username = account_of(fields);
	if not username or not usermanager.user_exists(username, host) then
		return { status = "completed", error = { message = "No such account on " .. host } };
	end
	local ua_id = fields["user-agent-id"];
	if ua_id == "" then ua_id = nil; end
	local rec = load(username);
	if rec.fast then
		if ua_id then rec.fast[ua_id] = nil; else rec.fast = nil; end
		if rec.fast and next(rec.fast) == nil then rec.fast = nil; end
	end
	save(username, rec);
	audit("admin-revoke-tokens", username, ua_id or "*", "by=%s", jid.bare(data.from));
	return { status = "completed", info = "FAST tokens of " .. username .. "@" .. host .. " revoked" };
end);

module:provides("adhoc", adhoc_new("Reset TOTP", NS_ROUNDS .. "#reset-totp", reset_handler, "admin"));
module:provides("adhoc", adhoc_new("Revoke FAST tokens", NS_ROUNDS .. "#revoke-tokens", revoke_handler, "admin"));

audit("module-loaded", nil, nil, "totp_required=%s", tostring(totp_required));
