-- busted specs of packaging/prosody/rounds_auth_lib.lua (the pure parts of mod_rounds_auth).
-- Run: cd packaging/prosody && lua5.4 /usr/bin/busted spec
-- SPDX-License-Identifier: GPL-3.0-or-later
package.path = "/usr/lib/prosody/?.lua;" .. package.path
package.cpath = "/usr/lib/prosody/?.so;" .. package.cpath

local here = debug.getinfo(1, "S").source:match("^@(.*)/spec/[^/]+$") or "."
local lib = dofile(here .. "/rounds_auth_lib.lua")
local hashes = require "util.hashes"

local function hexbytes(h) return (h:gsub("..", function(x) return string.char(tonumber(x, 16)) end)) end

describe("base32 (RFC 4648 section 10 vectors, no padding)", function()
	local vectors = { { "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" }, { "foob", "MZXW6YQ" },
		{ "fooba", "MZXW6YTB" }, { "foobar", "MZXW6YTBOI" } }
	for _, v in ipairs(vectors) do
		it("encodes " .. v[1], function() assert.are.equal(v[2], lib.base32_encode(v[1])) end)
		it("decodes " .. v[2], function() assert.are.equal(v[1], lib.base32_decode(v[2])) end)
	end
	it("decodes padded and lower case input", function()
		assert.are.equal("foobar", lib.base32_decode("mzxw6ytboi======"))
	end)
	it("rejects characters outside the alphabet", function()
		assert.is_nil(lib.base32_decode("MZXW1"))
	end)
	it("round-trips a 160-bit secret to 32 characters", function()
		local s = string.rep("\255\0\127", 7):sub(1, 20)
		local b = lib.base32_encode(s)
		assert.are.equal(32, #b)
		assert.are.equal(s, lib.base32_decode(b))
	end)
end)

describe("HOTP (RFC 4226 appendix D)", function()
	local key = "12345678901234567890"
	local want = { "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489" }
	for i, code in ipairs(want) do
		it("counter " .. (i - 1), function() assert.are.equal(code, lib.hotp(key, i - 1)) end)
	end
end)

describe("TOTP (RFC 6238 appendix B, SHA-1, 8 and 6 digits)", function()
	local key = "12345678901234567890"
	local want = { [59] = "94287082", [1111111109] = "07081804", [1111111111] = "14050471",
		[1234567890] = "89005924", [2000000000] = "69279037", [20000000000] = "65353130" }
	for t, code in pairs(want) do
		it("T=" .. t, function()
			assert.are.equal(code, lib.totp(key, t, 30, 8))
			assert.are.equal(code:sub(3), lib.totp(key, t))
		end)
	end
end)

describe("TOTP verification", function()
	local key = "12345678901234567890"
	local t = 1234567890
	local step = lib.totp_step(t)
	it("accepts the current step and +-1", function()
		for off = -1, 1 do
			assert.are.equal(step + off, lib.totp_verify(key, lib.hotp(key, step + off), t, nil))
		end
	end)
	it("refuses +-2 steps", function()
		for _, off in ipairs({ -2, 2 }) do
			local ok, why = lib.totp_verify(key, lib.hotp(key, step + off), t, nil)
			assert.is_nil(ok); assert.are.equal("wrong", why)
		end
	end)
	it("accepts a code only once: a step at or below the last accepted one is refused", function()
		local code = lib.hotp(key, step)
		local s = assert(lib.totp_verify(key, code, t, nil))
		local ok, why = lib.totp_verify(key, code, t + 5, s)
		assert.is_nil(ok); assert.are.equal("replayed", why)
		ok, why = lib.totp_verify(key, lib.hotp(key, step - 1), t, s)
		assert.is_nil(ok); assert.are.equal("replayed", why)
		assert.are.equal(step + 1, lib.totp_verify(key, lib.hotp(key, step + 1), t, s))
	end)
	it("refuses malformed codes", function()
		for _, c in ipairs({ "", "12345", "1234567", "12a456", " 12345" }) do
			local ok, why = lib.totp_verify(key, c, t, nil)
			assert.is_nil(ok); assert.are.equal("malformed", why)
		end
	end)
end)

describe("otpauth URI", function()
	it("has the contract's form with standard base32", function()
		local uri = lib.otpauth_uri("clinic.example", "mia@clinic.example", "12345678901234567890")
		assert.are.equal("otpauth://totp/clinic.example:mia@clinic.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
			.. "&issuer=clinic.example&algorithm=SHA1&digits=6&period=30", uri)
	end)
	it("percent-encodes spaces and colons in the issuer", function()
		local uri = lib.otpauth_uri("St Mary: ward", "a@b", "x")
		assert.truthy(uri:find("^otpauth://totp/St%%20Mary%%3A%%20ward:a@b%?"))
		assert.truthy(uri:find("&issuer=St%%20Mary%%3A%%20ward&"))
	end)
end)

describe("lockout schedule", function()
	local cfg = { attempts = 5, base = 60, max = 3600 }
	it("locks on the 5th consecutive failure for base seconds", function()
		local s
		for i = 1, 4 do
			local d; s, d = lib.lockout_fail(s, 1000, cfg)
			assert.is_nil(d); assert.is_false((lib.lockout_check(s, 1000)))
			assert.are.equal(i, s.failures)
		end
		local d; s, d = lib.lockout_fail(s, 1000, cfg)
		assert.are.equal(60, d)
		local locked, retry = lib.lockout_check(s, 1000)
		assert.is_true(locked); assert.are.equal(60, retry)
		assert.is_true((lib.lockout_check(s, 1059)))
		assert.is_false((lib.lockout_check(s, 1060)))
	end)
	it("doubles with each further lockout up to the maximum", function()
		local want = { 60, 120, 240, 480, 960, 1920, 3600, 3600 }
		local s, t = nil, 0
		for _, w in ipairs(want) do
			local d
			for _ = 1, 5 do s, d = lib.lockout_fail(s, t, cfg) end
			assert.are.equal(w, d)
			t = t + d
		end
	end)
	it("reports at least one second while locked", function()
		local locked, retry = lib.lockout_check({ until_ = 100.2 }, 100)
		assert.is_true(locked); assert.are.equal(1, retry)
	end)
end)

describe("FAST token slots", function()
	local day = 86400
	it("HT-SHA-256-NONE is HMAC-SHA-256 of Initiator/Responder keyed by the token", function()
		assert.are.equal(hashes.hmac_sha256("tok", "Initiator"), lib.ht_initiator("tok"))
		assert.are.equal(hashes.hmac_sha256("tok", "Responder"), lib.ht_responder("tok"))
		assert.are.equal(hexbytes("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
			hashes.hmac_sha256(string.rep("\11", 20), "Hi There")) -- RFC 4231 case 1
	end)
	it("parses authcid NUL mac", function()
		local mac = string.rep("m", 32)
		local a, m = lib.ht_parse("rosa\0" .. mac)
		assert.are.equal("rosa", a); assert.are.equal(mac, m)
		assert.is_nil(lib.ht_parse("rosa" .. mac))
		assert.is_nil(lib.ht_parse("rosa\0short"))
	end)
	it("first token goes to the current slot", function()
		local slots = lib.fast_issue(nil, "t1", 0, day)
		assert.are.equal("t1", slots.current.token); assert.is_nil(slots.new)
		assert.are.equal("current", lib.fast_match(slots, lib.ht_initiator("t1"), 10))
	end)
	it("rotation keeps the old token until the new one is used", function()
		local slots = lib.fast_issue(nil, "t1", 0, day)
		lib.fast_issue(slots, "t2", 100, day)
		assert.are.equal("current", lib.fast_match(slots, lib.ht_initiator("t1"), 200))
		local which = lib.fast_match(slots, lib.ht_initiator("t2"), 200)
		assert.are.equal("new", which)
		lib.fast_promote(slots, which)
		assert.are.equal("t2", slots.current.token); assert.is_nil(slots.new)
		local ok, why = lib.fast_match(slots, lib.ht_initiator("t1"), 300)
		assert.is_nil(ok); assert.are.equal("unknown", why)
	end)
	it("expired tokens are refused and pruned", function()
		local slots = lib.fast_issue(nil, "t1", 0, day)
		local ok, why = lib.fast_match(slots, lib.ht_initiator("t1"), day)
		assert.is_nil(ok); assert.are.equal("expired", why)
		assert.is_nil(lib.fast_prune(slots, day))
		local s2 = lib.fast_issue(lib.fast_issue(nil, "a", 0, 10), "b", 5, 100)
		s2 = lib.fast_prune(s2, 20)
		assert.are.equal("b", s2.current.token); assert.is_nil(s2.new)
	end)
	it("unknown when there are no slots or the mac is wrong", function()
		assert.is_nil(lib.fast_match(nil, "x", 0))
		assert.is_nil(lib.fast_match(lib.fast_issue(nil, "t1", 0, day), lib.ht_initiator("t9"), 0))
	end)
	it("rotates past rotate_after", function()
		local t = { issued = 0 }
		assert.is_false(lib.fast_should_rotate(t, day / 2 - 1, day / 2))
		assert.is_true(lib.fast_should_rotate(t, day / 2, day / 2))
		assert.is_false(lib.fast_should_rotate(nil, day, 1))
	end)
	it("counter must grow", function()
		assert.is_true(lib.fast_count_ok({}, 1))
		assert.is_true(lib.fast_count_ok({ count = 1 }, 2))
		assert.is_false(lib.fast_count_ok({ count = 2 }, 2))
		assert.is_false(lib.fast_count_ok({ count = 2 }, 1))
		assert.is_true(lib.fast_count_ok({ count = 2 }, nil))
	end)
end)

describe("constant-time equals and SCRAM authcid", function()
	it("compares", function()
		assert.is_true(lib.equals("abc", "abc"))
		assert.is_false(lib.equals("abc", "abd"))
		assert.is_false(lib.equals("abc", "ab"))
		assert.is_false(lib.equals(nil, "ab"))
	end)
	it("extracts and unescapes the SCRAM username", function()
		assert.are.equal("rosa", lib.scram_authcid("n,,n=rosa,r=abc"))
		assert.are.equal("a,b=c", lib.scram_authcid("y,,n=a=2Cb=3Dc,r=abc"))
		assert.is_nil(lib.scram_authcid("n,,r=abc"))
		assert.is_nil(lib.scram_authcid("garbage"))
	end)
end)
