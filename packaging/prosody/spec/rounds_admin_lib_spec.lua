-- busted specs of packaging/prosody/rounds_admin_lib.lua (the pure parts of mod_rounds_admin).
-- Run: cd packaging/prosody && lua5.4 /usr/bin/busted spec
-- SPDX-License-Identifier: GPL-3.0-or-later
package.path = "/usr/lib/prosody/?.lua;" .. package.path
package.cpath = "/usr/lib/prosody/?.so;" .. package.cpath

local here = debug.getinfo(1, "S").source:match("^@(.*)/spec/[^/]+$") or "."
local lib = dofile(here .. "/rounds_admin_lib.lua")
local hashes = require "util.hashes"
local function sha256(s) return hashes.sha256(s, true) end

describe("canonical JSON", function()
	it("sorts keys and has no whitespace", function()
		assert.are.equal('{"a":1,"b":"x","c":true}', lib.json_canonical({ c = true, b = "x", a = 1 }))
	end)
	it("sorts by byte value (upper case before lower case, _ between)", function()
		assert.are.equal('{"B":1,"_":2,"a":3}', lib.json_canonical({ a = 3, B = 1, _ = 2 }))
	end)
	it("escapes quotes, backslashes and control characters only", function()
		assert.are.equal('"a\\"b\\\\c\\n\\u0001/é"', lib.json_string('a"b\\c\n\1/é'))
	end)
	it("leaves DEL and non-ASCII alone (as Python's json.dumps with ensure_ascii=False)", function()
		assert.are.equal('"\127\226\128\168\\u0000"', lib.json_string("\127\226\128\168\0"))
	end)
	it("writes arrays and nested objects", function()
		assert.are.equal('{"l":[1,"2"],"o":{}}', lib.json_canonical({ l = { 1, "2" }, o = {} }))
	end)
	it("refuses fractions", function()
		assert.has_error(function() lib.json_canonical({ x = 1.5 }) end)
	end)
	it("writes integral floats as integers", function()
		assert.are.equal("3", lib.json_canonical(3.0))
	end)
end)

describe("audit hash chain", function()
	local function chain(n)
		local out, last = {}, nil
		for i = 1, n do
			last = lib.audit_next(last, { ts = "2026-01-01T00:00:0" .. i .. "Z", event = "ev" .. i,
				account = "u@h", actor = i % 2 == 0 and "admin@h" or nil, detail = "" }, sha256)
			out[i] = last
		end
		return out
	end
	it("starts at seq 1 with the zero hash as prev", function()
		local e = chain(1)[1]
		assert.are.equal(1, e.seq)
		assert.are.equal(string.rep("0", 64), e.prev)
		assert.are.equal(64, #e.hash)
		assert.is_nil(e.detail) -- empty strings are left out
	end)
	it("hash is SHA-256 of prev + canonical JSON of the other fields", function()
		local e = chain(1)[1]
		local want = hashes.sha256(e.prev .. '{"account":"u@h","event":"ev1","seq":1,"ts":"2026-01-01T00:00:01Z"}', true)
		assert.are.equal(want, e.hash)
	end)
	it("links each entry to the previous one", function()
		local c = chain(3)
		assert.are.equal(c[1].hash, c[2].prev)
		assert.are.equal(3, c[3].seq)
		assert.is_true(lib.audit_verify(c, sha256, lib.GENESIS))
	end)
	it("detects an edited field", function()
		local c = chain(3)
		c[2].account = "other@h"
		local ok, i, why = lib.audit_verify(c, sha256)
		assert.is_false(ok)
		assert.are.equal(2, i)
		assert.are.equal("bad-hash", why)
	end)
	it("detects a removed entry", function()
		local c = chain(3)
		table.remove(c, 2)
		local ok, i = lib.audit_verify(c, sha256)
		assert.is_false(ok)
		assert.are.equal(2, i)
	end)
	it("detects a wrong start", function()
		local c = chain(2)
		assert.is_false((lib.audit_verify({ c[2] }, sha256, lib.GENESIS)))
	end)
	it("round-trips through JSON with prev and hash", function()
		local e = chain(1)[1]
		local json = require "util.json"
		local back = json.decode(lib.audit_json(e))
		assert.is_true(lib.audit_verify({ back }, sha256, lib.GENESIS))
		assert.are.equal(lib.audit_json(e), lib.json_canonical(back))
	end)
end)

describe("device record state machine", function()
	it("a first login makes an active record with first and last seen", function()
		local r, action = lib.device_login(nil, "T1", { software = "Rounds", device = "pc" })
		assert.is_nil(action)
		assert.are.same({ "active", "T1", "T1", "Rounds", "pc" }, { r.state, r.first_seen, r.last_seen, r.software, r.device })
		lib.device_login(r, "T2", {})
		assert.are.same({ "T1", "T2", "pc" }, { r.first_seen, r.last_seen, r.device })
	end)
	it("revoke, then a full login makes it active again", function()
		local r = lib.device_login(nil, "T1")
		lib.device_report(r, { "5", "7" })
		lib.device_revoke(r)
		assert.are.equal("revoked", r.state)
		assert.are.same({}, r.omemo)
		assert.are.equal("revoked", lib.token_state(r, nil, 0))
		lib.device_login(r, "T2")
		assert.are.equal("active", r.state)
		assert.are.equal("none", lib.token_state(r, nil, 0))
	end)
	it("wipe: pending, delivered at the next login (again until confirmed), then wiped", function()
		local r = lib.device_login(nil, "T1")
		local _, id = lib.device_wipe(r, "W1")
		assert.are.equal("W1", id)
		assert.are.equal("wipe-pending", r.state)
		local _, id2 = lib.device_wipe(r, "W2")
		assert.are.equal("W1", id2)
		local _, action = lib.device_login(r, "T2")
		assert.are.equal("deliver-wipe", action)
		assert.are.equal("wipe-delivered", r.state)
		_, action = lib.device_login(r, "T3")
		assert.are.equal("deliver-wipe", action)
		assert.is_nil((lib.device_wiped(r, "W2", "T4")))
		assert.is_truthy(lib.device_wiped(r, "W1", "T4"))
		assert.are.equal("wiped", r.state)
		assert.are.equal("T4", r.wiped_at)
		assert.are.equal("revoked", lib.token_state(r, nil, 0))
	end)
	it("a wiped confirmation without delivery is refused", function()
		local r = lib.device_login(nil, "T1")
		lib.device_wipe(r, "W1")
		assert.is_nil((lib.device_wiped(r, "W1", "T2")))
	end)
	it("revoke keeps a pending wipe", function()
		local r = lib.device_login(nil, "T1")
		lib.device_wipe(r, "W1")
		lib.device_revoke(r)
		assert.are.equal("wipe-pending", r.state)
	end)
	it("unknown records are item-not-found", function()
		assert.are.same({ nil, "item-not-found" }, { lib.device_revoke(nil) })
		assert.are.same({ nil, "item-not-found" }, { lib.device_wipe(nil, "x") })
		assert.are.same({ nil, "item-not-found" }, { lib.device_report(nil, {}) })
	end)
	it("device report stores sorted unique ids and refuses malformed ones", function()
		local r = lib.device_login(nil, "T1")
		lib.device_report(r, { "12", "3", "12" })
		assert.are.same({ "3", "12" }, r.omemo)
		for _, bad in ipairs({ "0", "-1", "abc", "2147483648", "01", "" }) do
			assert.are.same({ nil, "bad-request" }, { lib.device_report(r, { bad }) })
		end
		assert.is_true(lib.omemo_id_valid("2147483647"))
	end)
	it("token state follows the FAST slots", function()
		assert.are.equal("active", lib.token_state({}, { current = { expiry = 10 } }, 5))
		assert.are.equal("expired", lib.token_state({}, { current = { expiry = 10 } }, 10))
		assert.are.equal("none", lib.token_state({}, nil, 5))
	end)
	it("removes ids from a device list", function()
		local out, n = lib.remove_ids({ "1", "2", "3" }, { ["2"] = true, ["9"] = true })
		assert.are.same({ "1", "3" }, out)
		assert.are.equal(1, n)
	end)
end)

describe("policy payload", function()
	local function p(list)
		local children = {}
		for _, kv in ipairs(list) do children[#children + 1] = { name = kv[1], text = kv[2] } end
		return lib.policy_parse(children)
	end
	it("has the documented defaults", function()
		local pol = p({})
		assert.are.same({ 15, 0, false, false, true, "sender" }, { pol["idle-lock-minutes"], pol["retention-days"],
			pol["require-mfa"], pol["require-verified-devices"], pol["allow-attachments"], pol["notification-detail"] })
		assert.are.same({}, pol["forwarding-domain"])
	end)
	it("reads every field and ignores unknown elements", function()
		local pol = p({ { "idle-lock-minutes", " 5 " }, { "retention-days", "30" }, { "require-mfa", "true" },
			{ "require-verified-devices", "1" }, { "allow-attachments", "false" }, { "notification-detail", "none" },
			{ "forwarding-domain", "Partner.example" }, { "forwarding-domain", "b.example" }, { "future", "x" } })
		assert.are.same({ 5, 30, true, true, false, "none" }, { pol["idle-lock-minutes"], pol["retention-days"],
			pol["require-mfa"], pol["require-verified-devices"], pol["allow-attachments"], pol["notification-detail"] })
		assert.are.same({ "partner.example", "b.example" }, pol["forwarding-domain"])
	end)
	it("refuses malformed values and names the element", function()
		for _, bad in ipairs({ { "idle-lock-minutes", "0" }, { "idle-lock-minutes", "481" }, { "idle-lock-minutes", "5m" },
			{ "retention-days", "-1" }, { "require-mfa", "yes" }, { "notification-detail", "full" },
			{ "forwarding-domain", "" }, { "forwarding-domain", "a b" }, { "forwarding-domain", "u@x" } }) do
			local pol, which = p({ bad })
			assert.is_nil(pol, bad[1] .. "=" .. bad[2])
			assert.are.equal(bad[1], which)
		end
	end)
	it("refuses a repeated single-valued element", function()
		assert.is_nil((p({ { "require-mfa", "true" }, { "require-mfa", "false" } })))
	end)
end)
