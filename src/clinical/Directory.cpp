// SPDX-License-Identifier: GPL-3.0-or-later
#include "clinical/Directory.h"

#include "clinical/ClinicalElements.h"
#include "xmpp/Message.h"

using namespace Qt::StringLiterals;

namespace Clinical {

namespace {

Core::Error invalid(const QString &what)
{
    return Core::Error{Core::Error::Code::Policy, u"directory-invalid: "_s + what};
}

bool isRoleId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            return false;
    return true;
}

} // namespace

Core::Result<void> Role::validate() const
{
    if (!isRoleId(id))
        return std::unexpected(invalid(u"role id"_s));
    for (const Shift &shift : shifts) {
        if (!shift.jid.isValid() || shift.jid.local().isEmpty())
            return std::unexpected(invalid(u"shift jid"_s));
        if (!shift.start.isValid() || !shift.end.isValid() || shift.end <= shift.start)
            return std::unexpected(invalid(u"shift window"_s));
    }
    for (const EscalationStep &step : escalation) {
        if (step.afterMinutes < 0 || step.afterMinutes > 24 * 60)
            return std::unexpected(invalid(u"step after-minutes"_s));
        if (step.role.isEmpty() == !step.jid.isValid())
            return std::unexpected(invalid(u"step target"_s));
        if (!step.role.isEmpty() && !isRoleId(step.role))
            return std::unexpected(invalid(u"step role"_s));
    }
    return {};
}

Core::Result<Role> Role::fromElement(const Xmpp::Element &element)
{
    if (!element.is(u"role", Ns))
        return std::unexpected(invalid(u"not a role"_s));
    Role role;
    role.id = element.attribute(u"id");
    role.name = element.attribute(u"name");
    for (const Xmpp::Element &shift : element.childrenNamed(u"shift", Ns)) {
        role.shifts.append({Core::Jid(shift.attribute(u"jid")).bare(),
                            Xmpp::parseDateTime(shift.attribute(u"start")),
                            Xmpp::parseDateTime(shift.attribute(u"end"))});
    }
    const Xmpp::Element chain = element.firstChild(u"escalation", Ns);
    for (const Xmpp::Element &step : chain.childrenNamed(u"step", Ns)) {
        EscalationStep s;
        bool ok = false;
        s.afterMinutes = step.attribute(u"after-minutes").toInt(&ok);
        if (!ok)
            return std::unexpected(invalid(u"step after-minutes"_s));
        s.role = step.attribute(u"role");
        if (step.hasAttribute(u"jid"))
            s.jid = Core::Jid(step.attribute(u"jid")).bare();
        role.escalation.append(s);
    }
    if (auto valid = role.validate(); !valid)
        return std::unexpected(valid.error());
    return role;
}

Xmpp::Element Role::toElement() const
{
    Xmpp::Element element(u"role"_s, Ns.toString());
    element.setAttribute(u"id"_s, id);
    if (!name.isEmpty())
        element.setAttribute(u"name"_s, name);
    for (const Shift &shift : shifts) {
        Xmpp::Element s(u"shift"_s, Ns.toString());
        s.setAttribute(u"jid"_s, shift.jid.bareString());
        s.setAttribute(u"start"_s, Xmpp::formatDateTime(shift.start));
        s.setAttribute(u"end"_s, Xmpp::formatDateTime(shift.end));
        element.appendChild(s);
    }
    if (!escalation.isEmpty()) {
        Xmpp::Element chain(u"escalation"_s, Ns.toString());
        for (const EscalationStep &step : escalation) {
            Xmpp::Element s(u"step"_s, Ns.toString());
            s.setAttribute(u"after-minutes"_s, QString::number(step.afterMinutes));
            if (!step.role.isEmpty())
                s.setAttribute(u"role"_s, step.role);
            else
                s.setAttribute(u"jid"_s, step.jid.bareString());
            chain.appendChild(s);
        }
        element.appendChild(chain);
    }
    return element;
}

} // namespace Clinical
