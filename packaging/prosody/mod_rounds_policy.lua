-- mod_rounds_policy: the Rounds org policy node on a Prosody 0.12 pubsub component
-- (Component "pubsub.clinic.example.org" "pubsub" with modules_enabled = { "rounds_policy" }).
-- Makes sure node https://rounds.invalid/ns/policy exists (access_model=open,
-- publish_model=publishers, max_items=1, persist_items) with the admins of the parent host
-- as owners, checks published payloads (malformed -> bad-request) and appends
-- policy-published to the parent host's server audit (mod_rounds_admin). Only owners and
-- publishers may publish, and util.pubsub lets nobody but service admins create nodes.
-- SPDX-License-Identifier: GPL-3.0-or-later

local st = require "util.stanza";
local jid = require "util.jid";

local lib = module:require "rounds_admin_lib";

local NODE = "https://rounds.invalid/ns/policy";
local NS_POLICY = NODE;
local NS_PUBSUB = "http://jabber.org/protocol/pubsub";

local parent = module:get_option_string("rounds_policy_host", (module.host:gsub("^pubsub%.", "")));
local mod_pubsub = module:depends("pubsub");

local NODE_CONFIG = {
	access_model = "open";
	publish_model = "publishers";
	max_items = 1;
	persist_items = true;
	send_last_published_item = "never";
	title = "Organisation policy";
};

local function service() return mod_pubsub.get_service(); end

-- The admins of the parent host (config `admins` there, plus global admins).
local function owners()
	return module:context(parent):get_option_inherited_set("admins", {});
end

local function ensure_node()
	local svc = service();
	if not svc then return; end
	if not svc.nodes[NODE] then
		local ok, err = svc:create(NODE, true, NODE_CONFIG);
		if not ok then
			module:log("error", "rounds-policy: cannot create %s: %s", NODE, tostring(err));
			return;
		end
		module:log("info", "rounds-policy event=node-created node=%s", NODE);
	else
		local config = {};
		for k, v in pairs(svc.nodes[NODE].config) do config[k] = v; end
		for k, v in pairs(NODE_CONFIG) do config[k] = v; end
		local ok, err = svc:set_node_config(NODE, true, config);
		if not ok then module:log("warn", "rounds-policy: cannot configure %s: %s", NODE, tostring(err)); end
	end
	for admin in owners() do
		local admin_jid = jid.prep(admin);
		if admin_jid and svc.nodes[NODE].affiliations[admin_jid] ~= "owner" then
			svc:set_affiliation(NODE, true, admin_jid, "owner");
		end
	end
end

-- Check the payload before mod_pubsub stores and broadcasts it (it runs at priority 0).
module:hook("iq/host/" .. NS_PUBSUB .. ":pubsub", function(event)
	local origin, stanza = event.origin, event.stanza;
	if stanza.attr.type ~= "set" then return; end
	local publish = stanza.tags[1]:get_child("publish");
	if not publish or publish.attr.node ~= NODE then return; end
	local svc = service();
	if not svc or not svc:may(NODE, stanza.attr.from, "publish") then return; end -- mod_pubsub: forbidden
	local item = publish:get_child("item");
	if not item then
		origin.send(st.error_reply(stanza, "modify", "bad-request", "The policy needs an item"));
		return true;
	end
	if item.attr.id == nil then item.attr.id = "current"; end
	local payload = item:get_child("policy", NS_POLICY);
	if item.attr.id ~= "current" or not payload or #item.tags ~= 1 then
		origin.send(st.error_reply(stanza, "modify", "bad-request",
			"Publish one <policy xmlns='" .. NS_POLICY .. "'/> as item 'current'"));
		return true;
	end
	local children = {};
	for el in payload:childtags() do children[#children + 1] = { name = el.name, text = el:get_text() }; end
	local ok, bad = lib.policy_parse(children);
	if not ok then
		origin.send(st.error_reply(stanza, "modify", "bad-request", "Malformed policy element <" .. bad .. "/>"));
		return true;
	end
end, 10);

local function on_published(event)
	local actor = event.actor == true and nil or jid.bare(event.actor);
	module:log("info", "rounds-policy event=policy-published by=%s item=%s", actor or "-", tostring(event.id));
	module:context(parent):fire_event("rounds-audit", { event = "policy-published", actor = actor,
		detail = "node=" .. NODE .. " item=" .. tostring(event.id) });
end

local hooked;
local function hook_service()
	local svc = service();
	if not svc or hooked == svc then return; end
	svc.events.add_handler("item-published/" .. NODE, on_published);
	hooked = svc;
end

function module.load()
	ensure_node();
	hook_service();
end

function module.unload()
	if hooked then hooked.events.remove_handler("item-published/" .. NODE, on_published); end
end

-- The parent host's admins may change with a config reload.
module:hook_global("config-reloaded", ensure_node);
