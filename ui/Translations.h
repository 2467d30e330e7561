// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

namespace Ui {

/// The app's own translations (compiled into the binary under :/i18n) and
/// Qt's, for one language at a time.
class Translations : public QObject
{
    Q_OBJECT
public:
    explicit Translations(QObject *parent = nullptr);
    ~Translations() override;

    /// Installs the translation best matching `locale` (falls back to the
    /// source strings). Returns false when Rounds has no translation for it.
    bool load(const QLocale &locale);

private:
    QTranslator m_rounds;
    QTranslator m_qt;
};

} // namespace Ui
