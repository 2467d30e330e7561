// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontdesk/Templates.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace FrontDesk {

namespace {

constexpr std::array<std::pair<TemplateKind, QStringView>, 5> kKindNames = {{
    {TemplateKind::Appointment, u"appointment"},
    {TemplateKind::Refill, u"refill"},
    {TemplateKind::FollowUp, u"follow-up"},
    {TemplateKind::InsuranceExpiry, u"insurance-expiry"},
    {TemplateKind::Custom, u"custom"},
}};

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || c == u'_';
}

/// Calls `visit(name, start, end)` for each placeholder; false on a stray brace.
template<typename F>
bool scan(const QString &text, F &&visit)
{
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'}')
            return false;
        if (c != u'{') {
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        while (j < text.size() && isNameChar(text[j]))
            ++j;
        if (j == i + 1 || j >= text.size() || text[j] != u'}')
            return false;
        visit(text.mid(i + 1, j - i - 1), i, j + 1);
        i = j + 1;
    }
    return true;
}

} // namespace

QString templateKindName(TemplateKind kind)
{
    for (const auto &[value, name] : kKindNames)
        if (value == kind)
            return name.toString();
    return {};
}

std::optional<TemplateKind> templateKindFromName(QStringView name)
{
    for (const auto &[value, text] : kKindNames)
        if (name.compare(text, Qt::CaseInsensitive) == 0)
            return value;
    return std::nullopt;
}

QString languageCode(Language language)
{
    return language == Language::Spanish ? u"es"_s : u"en"_s;
}

std::optional<Language> languageFromCode(QStringView code)
{
    const QString primary = code.trimmed().toString().toLower().section(u'-', 0, 0);
    if (primary == u"en")
        return Language::English;
    if (primary == u"es")
        return Language::Spanish;
    return std::nullopt;
}

const QStringList &MessageTemplate::knownPlaceholders()
{
    static const QStringList names = {u"first_name"_s, u"last_name"_s,    u"date"_s,    u"time"_s,
                                      u"clinic"_s,     u"clinic_phone"_s, u"location"_s};
    return names;
}

MessageTemplate MessageTemplate::builtIn(TemplateKind kind)
{
    // Only what the reminder needs: no reason for the visit, no provider, no
    // medication, so the texts pass the minimum-necessary check on SMS too.
    switch (kind) {
    case TemplateKind::Appointment:
        return {kind,
                u"Hi {first_name}, this is a reminder of your appointment at {clinic} on {date} "
                u"at {time}. Reply C to confirm, R to reschedule, CANCEL to cancel, or STOP to "
                u"stop these reminders."_s,
                u"Hola {first_name}, le recordamos su cita en {clinic} el {date} a las {time}. "
                u"Responda SI para confirmar, CAMBIAR para cambiar la fecha, CANCELAR para "
                u"cancelar o BAJA para no recibir más recordatorios."_s};
    case TemplateKind::Refill:
        return {kind,
                u"Hi {first_name}, your refill is ready for pickup at {clinic}. Questions: "
                u"{clinic_phone}. Reply STOP to stop these reminders."_s,
                u"Hola {first_name}, su resurtido está listo para recoger en {clinic}. "
                u"Preguntas: {clinic_phone}. Responda BAJA para no recibir más recordatorios."_s};
    case TemplateKind::FollowUp:
        return {kind,
                u"Hi {first_name}, {clinic} would like to see you for a follow-up visit by "
                u"{date}. Call {clinic_phone} or reply R to schedule. Reply STOP to stop these "
                u"reminders."_s,
                u"Hola {first_name}, {clinic} desea verle para una visita de seguimiento antes "
                u"del {date}. Llame al {clinic_phone} o responda CAMBIAR para programarla. "
                u"Responda BAJA para no recibir más recordatorios."_s};
    case TemplateKind::InsuranceExpiry:
        return {kind,
                u"Hi {first_name}, the insurance we have on file at {clinic} expires on {date}. "
                u"Please bring your new card to your next visit. Reply STOP to stop these "
                u"reminders."_s,
                u"Hola {first_name}, el seguro que tenemos registrado en {clinic} vence el "
                u"{date}. Traiga su nueva tarjeta a su próxima visita. Responda BAJA para no "
                u"recibir más recordatorios."_s};
    case TemplateKind::Custom:
        break;
    }
    return {TemplateKind::Custom, {}, {}};
}

Core::Result<MessageTemplate> MessageTemplate::make(TemplateKind kind, const QString &english,
                                                    const QString &spanish)
{
    if (english.trimmed().isEmpty() && spanish.trimmed().isEmpty())
        return Core::fail(Core::Error::Code::Policy, u"template-empty"_s);
    for (const auto &[text, code] : {std::pair{&english, u"en"_s}, std::pair{&spanish, u"es"_s}}) {
        auto names = placeholdersIn(*text);
        if (!names)
            return Core::fail(Core::Error::Code::Policy, u"template-malformed:"_s + code);
        for (const QString &name : std::as_const(*names))
            if (!knownPlaceholders().contains(name))
                return Core::fail(Core::Error::Code::Policy,
                                  u"template-unknown-placeholder:"_s + name);
    }
    return MessageTemplate{kind, english.trimmed(), spanish.trimmed()};
}

std::optional<QString> MessageTemplate::text(Language language) const
{
    const QString &t = language == Language::Spanish ? spanish : english;
    if (t.isEmpty())
        return std::nullopt;
    return t;
}

QStringList MessageTemplate::placeholders(Language language) const
{
    auto names = placeholdersIn(text(language).value_or(QString()));
    QStringList out = names.value_or(QStringList());
    out.sort();
    out.removeDuplicates();
    return out;
}

Core::Result<QStringList> placeholdersIn(const QString &text)
{
    QStringList names;
    if (!scan(text, [&](const QString &name, qsizetype, qsizetype) { names << name; }))
        return Core::fail(Core::Error::Code::Policy, u"template-malformed"_s);
    return names;
}

Core::Result<QString> render(const QString &text, const QHash<QString, QString> &values)
{
    auto names = placeholdersIn(text);
    if (!names)
        return std::unexpected(names.error());
    for (const QString &name : std::as_const(*names)) {
        if (!MessageTemplate::knownPlaceholders().contains(name))
            return Core::fail(Core::Error::Code::Policy, u"template-unknown-placeholder:"_s + name);
        if (values.value(name).trimmed().isEmpty())
            return Core::fail(Core::Error::Code::Policy, u"template-missing-value:"_s + name);
    }
    QString out;
    qsizetype from = 0;
    scan(text, [&](const QString &name, qsizetype start, qsizetype end) {
        out += QStringView(text).mid(from, start - from);
        out += values.value(name).trimmed();
        from = end;
    });
    out += QStringView(text).mid(from);
    return out;
}

} // namespace FrontDesk
