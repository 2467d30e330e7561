// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace FrontDesk {

enum class TemplateKind { Appointment, Refill, FollowUp, InsuranceExpiry, Custom };
/// "appointment", "refill", "follow-up", "insurance-expiry", "custom".
QString templateKindName(TemplateKind kind);
std::optional<TemplateKind> templateKindFromName(QStringView name);

enum class Language { English, Spanish };
/// "en" / "es".
QString languageCode(Language language);
/// "en", "es" (case-insensitive, "es-MX" style accepted); nullopt otherwise.
std::optional<Language> languageFromCode(QStringView code);

/// A reminder text in English and Spanish with named placeholders such as
/// {first_name}. Built-in kinds come from builtIn(); custom ones from the
/// staff member's own text (validated by make()).
struct MessageTemplate
{
    TemplateKind kind = TemplateKind::Custom;
    QString english;
    QString spanish; ///< empty: no Spanish variant (Spanish rows are refused)

    /// Placeholders that may appear in any template.
    static const QStringList &knownPlaceholders();
    static MessageTemplate builtIn(TemplateKind kind);
    /// A template from texts; fails with Policy "template-unknown-placeholder:NAME",
    /// "template-malformed:<en|es>" or "template-empty".
    static Core::Result<MessageTemplate> make(TemplateKind kind, const QString &english,
                                              const QString &spanish = {});

    /// The text for a language; nullopt when this template has none.
    std::optional<QString> text(Language language) const;
    /// Placeholders the text for `language` uses (sorted, unique).
    QStringList placeholders(Language language) const;
    bool operator==(const MessageTemplate &) const = default;
};

/// Placeholder names in `text`, or Policy "template-malformed" for a brace
/// that does not enclose a name of [a-z_].
Core::Result<QStringList> placeholdersIn(const QString &text);

/// Fills every placeholder of `text` from `values`. Fails with Policy
/// "template-unknown-placeholder:NAME" or "template-missing-value:NAME" (an
/// absent or blank value) before producing anything.
Core::Result<QString> render(const QString &text, const QHash<QString, QString> &values);

} // namespace FrontDesk
